"""Grading loops by what they do: `LoopGrader`.

A loop exercise is graded by a *script* (see `tutor.grading.driver.script`): objects that record
what happens to them (a model, a loss, an optimizer, loaders, callbacks), calls of the
learner's code, and records of what came out. The same script runs twice:

- in the learner's process, with the learner's symbols (built by the engine's driver from the
  script, which is data: no code of the grader file runs there);
- in the grading job, with the reference implementation that the grader file defines,
  afterwards.

Then the grader file's `judge` compares the two runs and names the mistake. A case can have a
second stage (`Script.then`): it runs in a *fresh* learner process, after the first has ended,
and receives what the first stage exported (e.g. the model a `fit` function returned), so
held-out inputs never reach the process that trained. Whatever must never reach a learner's
process at all (held-out labels, the true slope of a line) stays in `Script.secret`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.compare import RemoteOther, RemoteTensor, check_tensor, tolerances
from tutor.grading.driver import script as S
from tutor.grading.spec import (
    Gen,
    Grader,
    GraderFault,
    Outcome,
    PreparedCase,
    case_seed,
)

ref = S.ref


@dataclass
class Script:
    """One case as data. `then` runs in a new process and may use `stage_value(record)` to
    receive a record of the first stage (e.g. an exported model)."""

    ops: list[dict]
    then: list[dict] | None = None
    secret: dict[str, Any] = field(default_factory=dict)
    # Start the second stage only if the first recorded this (True, or an exported object):
    # a model that could not be trained costs no second process.
    then_if: str | None = None


def stage_value(record: str) -> tuple[str, str]:
    """In a second stage's op: the value the first stage recorded under `record`."""
    return ("$stage", record)


@dataclass
class LoopCase:
    name: str
    make: Callable[[Gen], Script]
    note: str = ""
    hidden: bool = False
    weight: float = 1.0
    reference: bool = True  # also run the script with the reference, in the grading job
    data: dict[str, Any] = field(default_factory=dict)  # handed to `judge` as `run.data`


@dataclass
class Run:
    """What `judge` gets for one case."""

    case: PreparedCase
    learner: dict[str, Any]  # {"events": [...], "records": {...}} (records of both stages)
    reference: dict[str, Any] | None
    secret: dict[str, Any]
    device: torch.device

    @property
    def name(self) -> str:
        return self.case.name

    @property
    def data(self) -> dict[str, Any]:
        return self.case.spec.data

    def record(self, key: str, default: Any = None) -> Any:
        return self.learner.get("records", {}).get(key, default)

    def expected(self, key: str, default: Any = None) -> Any:
        if self.reference is None:
            return default
        return self.reference.get("records", {}).get(key, default)

    @property
    def events(self) -> list[dict]:
        events = self.learner.get("events", [])
        return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []

    @property
    def expected_events(self) -> list[dict]:
        return list(self.reference.get("events", [])) if self.reference else []


Judge = Callable[[Run], "str | Outcome | None"]


class LoopGrader(Grader):
    """Grades a loop by a script run with the learner's code and with `reference`.

    - `symbols`: what the learner's file must define.
    - `reference`: {symbol: reference function or class}, the trusted implementation.
    - `cases`: `LoopCase`s; each `make(gen)` returns a `Script`.
    - `judge(run)`: compares `run.learner` with `run.reference`; returns None (pass), a Turkish
      message, or an `Outcome` (e.g. with a loss curve as `series`).
    """

    def __init__(
        self,
        *,
        symbols: Sequence[str],
        reference: dict[str, Any] | None,
        cases: Sequence[LoopCase],
        judge: Judge,
        forbidden: Sequence[str] = (),
        forbidden_names: Sequence[str] = (),
        forbidden_ops: Sequence[str] = (),
        threads: int = 1,
    ):
        self.symbols = tuple(symbols)
        self.reference = dict(reference or {})
        self.cases = list(cases)
        self.judge = judge
        self.set_forbidden(forbidden, forbidden_names, (), forbidden_ops)
        self.threads = threads

    def build_cases(self, seed: int) -> list[PreparedCase]:
        prepared = []
        for index, spec in enumerate(self.cases):
            cseed = case_seed(seed, index)
            made = spec.make(Gen(cseed))
            if not isinstance(made, Script):
                raise TypeError(f"case '{spec.name}': make() must return Script(...)")
            prepared.append(PreparedCase(index, spec.name, cseed, made, spec))
        return prepared

    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        return {"kind": "script", "seed": case.seed, "ops": list(case.data.ops)}

    def next_stage(self, case: PreparedCase, result: Any) -> dict[str, Any] | None:
        """The second stage's plan, with the first stage's records filled in."""
        script: Script = case.data
        if not script.then:
            return None
        records = result.get("records", {}) if isinstance(result, dict) else {}
        if script.then_if is not None:
            gate = records.get(script.then_if)
            if not (
                gate is True or (isinstance(gate, dict) and ("blob" in gate or "object" in gate))
            ):
                return None
        ops = [_fill_stage(op, records, remote=True) for op in script.then]
        return {"kind": "script", "seed": case.seed, "ops": ops}

    def merge(self, first: Any, second: Any) -> Any:
        if not isinstance(first, dict) or not isinstance(second, dict):
            return second if isinstance(second, dict) else first
        events = list(first.get("events", [])) + list(second.get("events", []))
        records = {**first.get("records", {}), **second.get("records", {})}
        return {"events": events, "records": records}

    # -- in the grading job, after the learner's processes have ended ----------------------------
    def reference_run(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        script: Script = case.data
        env = S.Environment(objects=dict(self.reference), device=device)
        try:
            S.run(env, [_plain_op(op) for op in script.ops])
            if script.then:
                ops = [_fill_stage(op, env.records, remote=False) for op in script.then]
                S.run(env, ops)
        except Exception as exc:  # noqa: BLE001 - the pack's reference failed
            raise GraderFault(f"referans ({case.name}): {type(exc).__name__}: {exc}") from exc
        return {"events": env.events, "records": env.records}

    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        if not isinstance(result, dict) or not isinstance(result.get("records"), dict):
            return Outcome(False, M.GRADE_UNEXPECTED_VALUE.format(exc=type(result).__name__))
        spec: LoopCase = case.spec
        reference = self.reference_run(case, device) if spec.reference else None
        verdict = self.judge(Run(case, result, reference, case.data.secret, device))
        if verdict is None:
            return Outcome(True, M.GRADE_OK)
        if isinstance(verdict, Outcome):
            if not verdict.passed and spec.note and spec.note not in verdict.message:
                verdict.message += " " + spec.note
            return verdict
        message = str(verdict)
        if spec.note:
            message += " " + spec.note
        return Outcome(False, message)


def _plain_op(op: Any) -> Any:
    """The reference run gets the ops as they are (tensors stay tensors)."""
    return op


def _fill_stage(value: Any, records: dict, remote: bool) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "$stage":
        found = records.get(value[1])
        if remote:
            return _local(found)
        return found
    if isinstance(value, list):
        return [_fill_stage(v, records, remote) for v in value]
    if isinstance(value, tuple):
        return tuple(_fill_stage(v, records, remote) for v in value)
    if isinstance(value, dict):
        return {k: _fill_stage(v, records, remote) for k, v in value.items()}
    return value


def _local(value: Any) -> Any:
    """A learner's record turned back into plain data for the next learner process."""
    if isinstance(value, RemoteTensor):
        return value.tensor
    if isinstance(value, RemoteOther):
        return None
    if isinstance(value, dict):
        return {k: _local(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_local(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_local(v) for v in value)
    return value


# ---------------------------------------------------------------------------------------------
# Helpers for judges
# ---------------------------------------------------------------------------------------------


def tensor_of(value: Any) -> torch.Tensor | None:
    """The tensor inside a learner's record (`_plain` describes tensors as dicts)."""
    if isinstance(value, RemoteTensor):
        return value.tensor
    if isinstance(value, dict) and isinstance(value.get("tensor"), RemoteTensor):
        return value["tensor"].tensor
    if isinstance(value, dict) and isinstance(value.get("tensor"), torch.Tensor):
        return value["tensor"]
    if isinstance(value, torch.Tensor):
        return value
    return None


def compare_states(
    got: Any, expected: dict[str, torch.Tensor], what: str, atol: float | None = None, rtol=None
) -> str | None:
    """Parameters (a state_dict) after a call, entry by entry, named."""
    if not isinstance(got, dict):
        return M.CMP_NOT_TENSOR.format(what=what, got=type(got).__name__)
    for name, value in expected.items():
        if name not in got:
            return M.LOOP_STATE_MISSING.format(what=what, name=name)
        default_atol, default_rtol = tolerances(value.dtype)
        problem = check_tensor(
            got[name],
            value,
            f"{what}: {name}",
            atol=default_atol if atol is None else atol,
            rtol=default_rtol if rtol is None else rtol,
        )
        if problem:
            return problem
    return None


def calls(events: list[dict]) -> list[list[dict]]:
    """Events split at the script's call marks: one list per call of the learner's code."""
    groups: list[list[dict]] = []
    for event in events:
        if event.get("e") == "çağrı":
            groups.append([])
        elif groups:
            groups[-1].append(event)
    return groups


def order(
    events: list[dict], names: Sequence[str] = ("zero_grad", "ileri", "kayıp", "geri", "adım")
) -> list[str]:
    return [str(e.get("e")) for e in events if e.get("e") in names]


def shown_order(names: list[str]) -> str:
    return " → ".join(names) if names else M.LOOP_NOTHING


def float_value(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
