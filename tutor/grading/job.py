"""One grading job: from a request to a verdict.

Runs in a process forked from the warm worker (torch already imported, CUDA never touched
there). It reads the learner's file, checks it statically, builds the cases, forks the
learner's process, and only after that process has ended computes the references and
compares. So nothing the learner's code does can reach the reference or the verdict.
"""

from __future__ import annotations

import ast
import importlib.util
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.sandbox import ChildPlan, ChildRun, decode, run_child
from tutor.grading.spec import Grader, PreparedCase
from tutor.grading.verdict import CannotGrade, Check, GradeError, Verdict

OUTPUT_LIMIT = 64 * 1024

# Names whose only use in an exercise is to get around the grader.
SANDBOX_NAMES = frozenset(
    {
        "DisableTorchFunction",
        "DisableTorchFunctionSubclass",
        "_pop_mode",
        "_push_mode",
        "_set_torch_function_mode",
        "_get_current_function_mode_stack",
        "_pop_mode_temporarily",
        "_pop_torch_function_stack",
        "_disable_current_modes",
        "__torch_function__",
        "_getframe",
        "f_back",
        "f_locals",
        "f_globals",
        "get_objects",
        "get_referrers",
    }
)
SANDBOX_MODULES = frozenset({"gc", "ctypes", "inspect"})


@dataclass
class Request:
    exercise: str
    grader: str
    file: str
    symbols: list[str]
    signature: str
    seed: int
    device: str = "auto"
    timeout_s: float = 10.0
    memory_mb: int = 4096

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Request:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


def resolve_device(requested: str) -> str:
    if requested not in ("auto", "cpu", "cuda"):
        raise CannotGrade(M.GRADE_BAD_DEVICE.format(device=requested))
    if requested == "cpu":
        return "cpu"
    # The NVML-based check (set in the worker's environment) does not initialise CUDA, so
    # the learner's process can still be forked and use CUDA itself.
    available = torch.cuda.is_available()
    if requested == "cuda" and not available:
        raise CannotGrade(M.GRADE_CUDA_UNAVAILABLE)
    return "cuda" if available else "cpu"


def load_grader(path: str) -> Grader:
    """Import a pack's grader file. Each job is a fresh fork of the worker, so there is
    nothing to cache: an edited grader is simply read again on the next submission."""
    try:
        spec = importlib.util.spec_from_file_location(f"tutor_grader_{abs(hash(path))}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses and pickling look the module up
        spec.loader.exec_module(module)
        grader = module.GRADER
        if not isinstance(grader, Grader):
            raise TypeError("GRADER is not a tutor.grading.spec.Grader")
        return grader
    except Exception as exc:  # noqa: BLE001 - a broken pack is reported, not crashed on
        raise CannotGrade(
            M.GRADE_GRADER_BROKEN.format(file=path, exc=f"{type(exc).__name__}: {exc}")
        ) from exc


def static_check(source: str, filename: str, grader: Grader) -> GradeError | None:
    """Syntax errors, and forbidden names or operators written in the source."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return GradeError("syntax", M.GRADE_SYNTAX.format(msg=exc.msg), exc.lineno)
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in grader.forbidden_names or alias.name in SANDBOX_NAMES:
                    name = alias.name
            if node.module and node.module.split(".")[0] in SANDBOX_MODULES:
                return _sandbox_error(node.module.split(".")[0], node.lineno)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in SANDBOX_MODULES:
                    return _sandbox_error(alias.name, node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in SANDBOX_MODULES | SANDBOX_NAMES
        ):
            return _sandbox_error(node.value, node.lineno)
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.MatMult)
            and "@" in grader.forbidden_operators
        ):
            return GradeError(
                "forbidden",
                M.GRADE_FORBIDDEN_OPERATOR.format(op="@", where=_where(node.lineno)),
                node.lineno,
            )
        if name is None:
            continue
        if name in SANDBOX_NAMES:
            return _sandbox_error(name, node.lineno)
        if name in grader.forbidden_names:
            return GradeError(
                "forbidden",
                M.GRADE_FORBIDDEN_STATIC.format(name=name, where=_where(node.lineno)),
                node.lineno,
            )
    return None


def _sandbox_error(name: str, line: int) -> GradeError:
    return GradeError("forbidden", M.GRADE_SANDBOX.format(name=name, where=_where(line)), line)


def _where(line: int | None) -> str:
    return M.GRADE_WHERE_LINE.format(line=line) if line else ""


Emit = Callable[[dict[str, Any]], None]


def grade(request: Request, emit: Emit | None = None) -> Verdict:
    """Grade one submission. Raises CannotGrade when it cannot run at all (exit code 2)."""
    started = time.monotonic()
    emit = emit or (lambda event: None)
    device = resolve_device(request.device)
    grader = load_grader(request.grader)
    learner_file = str(Path(request.file).resolve())
    source = Path(learner_file).read_bytes().decode("utf-8", errors="replace")

    def finish(checks: list[Check], error: GradeError | None, output: str = "") -> Verdict:
        passed_count = sum(c.passed for c in checks)
        score = passed_count / len(checks) if checks else 0.0
        if error is not None and error.kind == "forbidden":
            score = 0.0
        return Verdict(
            exercise=request.exercise,
            passed=error is None and bool(checks) and passed_count == len(checks),
            score=score,
            device=device,
            seed=request.seed,
            duration_s=time.monotonic() - started,
            checks=checks,
            error=error,
            output=output,
        )

    try:
        cases = grader.build_cases(request.seed)
    except Exception as exc:  # noqa: BLE001
        raise CannotGrade(
            M.GRADE_GRADER_BROKEN.format(file=request.grader, exc=f"{type(exc).__name__}: {exc}")
        ) from exc
    emit({"event": "started", "total": len(cases), "names": [c.name for c in cases]})

    static_error = static_check(source, learner_file, grader)
    if static_error is not None:
        reason = M.GRADE_NOT_RUN.format(reason=static_error.message)
        return finish([Check(c.name, False, reason) for c in cases], static_error)

    plan = ChildPlan(
        learner_file=learner_file,
        source=source,
        grader=grader,
        cases=cases,
        device=device,
        memory_mb=request.memory_mb,
        limit_address_space=device == "cpu",
    )

    def on_frame(frame: dict) -> None:
        if frame.get("t") == "start":
            i = frame["i"]
            emit({"event": "case", "index": i, "total": len(cases), "name": cases[i].name})

    run = run_child(plan, timeout_s=request.timeout_s, output_limit=OUTPUT_LIMIT, on_frame=on_frame)
    output = run.output.decode("utf-8", errors="replace")
    if run.output_dropped:
        output += "\n" + M.GRADE_OUTPUT_TRUNCATED.format(
            limit=OUTPUT_LIMIT // 1024, dropped=run.output_dropped
        )
    checks, error = _judge(run, cases, grader, device, request)
    return finish(checks, error, output)


def _judge(
    run: ChildRun, cases: list[PreparedCase], grader: Grader, device: str, request: Request
) -> tuple[list[Check], GradeError | None]:
    results: dict[int, Any] = {}
    case_errors: dict[int, GradeError] = {}
    fatal: GradeError | None = None
    loaded = done = False
    current: int | None = None
    for frame in run.frames:
        kind = frame.get("t")
        if kind == "loaded":
            loaded = True
        elif kind == "start":
            current = frame.get("i")
        elif kind == "result":
            try:
                results[int(frame["i"])] = decode(frame["value"])
            except Exception:  # noqa: BLE001
                fatal = GradeError("crash", M.GRADE_CRASH_PROTOCOL)
        elif kind == "case_error":
            case_errors[int(frame["i"])] = GradeError(
                str(frame["kind"]), str(frame["message"]), frame.get("line")
            )
        elif kind == "fatal":
            message = str(frame["message"])
            if frame["kind"] == "missing_symbol":
                message = M.GRADE_MISSING_SYMBOL.format(name=message, signature=request.signature)
            fatal = GradeError(str(frame["kind"]), message, frame.get("line"))
        elif kind == "forbidden":
            line = frame.get("line")
            if frame.get("call") is None:
                fatal = GradeError("forbidden", M.GRADE_TAMPER.format(where=_where(line)), line)
            else:
                fatal = GradeError(
                    "forbidden",
                    M.GRADE_FORBIDDEN.format(call=frame["call"], where=_where(line)),
                    line,
                )
        elif kind == "done":
            done = True

    # Limits and crashes come first: whatever the child said before is incomplete.
    if run.timed_out:
        where = M.GRADE_TIMEOUT if loaded else M.GRADE_TIMEOUT_AT_IMPORT
        fatal = GradeError("timeout", where.format(limit=request.timeout_s))
    elif run.over_memory or (run.exit_signal == signal.SIGKILL and not run.killed):
        fatal = GradeError("memory", M.GRADE_MEMORY.format(limit=request.memory_mb))
    elif run.bad_frames:
        fatal = GradeError("crash", M.GRADE_CRASH_PROTOCOL)
    elif run.exit_signal is not None and not run.killed:
        fatal = GradeError(
            "crash", M.GRADE_CRASH_SIGNAL.format(signal=signal.Signals(run.exit_signal).name)
        )
    elif fatal is None and not done:
        fatal = GradeError("crash", M.GRADE_CRASH_EXIT.format(code=run.exit_status))

    torch_device = torch.device(device)
    checks: list[Check] = []
    for case in cases:
        if case.index in results and (fatal is None or fatal.kind == "forbidden"):
            try:
                outcome = grader.check_case(case, results[case.index], torch_device)
            except Exception as exc:  # noqa: BLE001 - a value the grader did not expect
                outcome_passed, message = (
                    False,
                    M.GRADE_UNEXPECTED_VALUE.format(exc=f"{type(exc).__name__}: {exc}"),
                )
                checks.append(Check(case.name, outcome_passed, message))
                continue
            checks.append(Check(case.name, outcome.passed, outcome.message, outcome.series))
        elif case.index in case_errors:
            err = case_errors[case.index]
            message = err.message + (_where(err.line) if err.line else "")
            description = grader.describe_case(case)
            if description:
                message += " " + description
            checks.append(Check(case.name, False, message))
        else:
            reason = fatal.message if fatal else M.GRADE_CASE_NOT_REACHED
            if fatal and fatal.kind == "timeout" and case.index == current:
                reason = M.GRADE_TIMEOUT_IN_CASE.format(limit=request.timeout_s)
            checks.append(Check(case.name, False, M.GRADE_NOT_RUN.format(reason=reason)))
    error = fatal
    if error is None and case_errors:
        error = case_errors[min(case_errors)]
    return checks, error
