"""One grading job: from a request to a verdict.

Runs in a process forked from the warm worker (torch already imported, CUDA never touched
there). It decodes the learner's source, checks it statically, builds the cases, and turns
them into a *plan*: data for the engine's driver in the learner's process. That process is
forked from the zygote, not from here, so it holds nothing of the grader; it receives the
plan as data and sends back data. Only after it has ended does this job compute the
references and compare. Grader and reference code run here under their own time limit; a
fault in them is the pack's (`CannotGrade` of kind "grader"), never the learner's.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import importlib.util
import resource
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.sandbox import ChildRun, run_learner
from tutor.grading.spec import Grader, GraderFault, PreparedCase
from tutor.grading.verdict import MESSAGE_LIMIT, CannotGrade, Check, GradeError, Verdict, cap

OUTPUT_LIMIT = 64 * 1024
GRADER_TIME_S = 30.0  # building the cases, or judging them, may take at most this long

# Names whose only use in an exercise is to get around the grader.
SANDBOX_NAMES = frozenset(
    {
        "DisableTorchFunction",
        "DisableTorchFunctionSubclass",
        "_DisableTorchDispatch",
        "_pop_mode",
        "_push_mode",
        "_set_torch_function_mode",
        "_get_current_function_mode_stack",
        "_get_current_dispatch_mode_stack",
        "_pop_mode_temporarily",
        "_pop_torch_function_stack",
        "_pop_torch_dispatch_mode",
        "_unset_dispatch_mode",
        "_disable_current_modes",
        "__torch_function__",
        "__torch_dispatch__",
        "_getframe",
        "_current_frames",
        "f_back",
        "f_locals",
        "f_globals",
        "tb_frame",
        "gi_frame",
        "get_objects",
        "get_referrers",
        "get_referents",
        "addaudithook",
        "settrace",
        "setprofile",
    }
)
SANDBOX_MODULES = frozenset({"ctypes", "_ctypes", "cffi", "inspect", "_thread"})
# Parts of torch that compute what a public, forbidden function computes (private
# implementations, the operator registry) or that compile code out of the watchers' sight.
PRIVATE_TORCH = frozenset(
    {"_refs", "_decomp", "_prims", "_C", "_ops", "ops", "_dynamo", "jit", "compile", "fx"}
)


@dataclass
class Request:
    exercise: str
    grader: str
    file: str
    symbols: list[str]
    signature: str
    seed: int
    source_b64: str = ""
    device: str = "auto"
    timeout_s: float = 10.0
    memory_mb: int = 4096

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Request:
        fields = cls.__dataclass_fields__
        request = cls(**{k: v for k, v in data.items() if k in fields})
        if not isinstance(request.symbols, list) or not all(
            isinstance(s, str) for s in request.symbols
        ):
            raise CannotGrade(M.GRADE_BAD_REQUEST, kind="usage")
        request.seed = int(request.seed)
        request.timeout_s = float(request.timeout_s)
        request.memory_mb = int(request.memory_mb)
        return request


def resolve_device(requested: str) -> str:
    if requested not in ("auto", "cpu", "cuda"):
        raise CannotGrade(M.GRADE_BAD_DEVICE.format(device=requested), kind="usage")
    if requested == "cpu":
        return "cpu"
    # The NVML-based check (set in the worker's environment) does not initialise CUDA.
    available = torch.cuda.is_available()
    if requested == "cuda" and not available:
        raise CannotGrade(M.GRADE_CUDA_UNAVAILABLE, kind="device")
    return "cuda" if available else "cpu"


class _GraderTimeout(BaseException):
    pass


@contextlib.contextmanager
def grader_deadline(seconds: float, what: str, file: str) -> Iterator[None]:
    """The pack's own code (grader file, references) runs under a time limit too."""

    def expired(*_):
        raise _GraderTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _GraderTimeout:
        raise CannotGrade(
            M.GRADE_GRADER_TIMEOUT.format(file=file, what=what, limit=seconds),
            kind="grader",
            file=file,
        ) from None
    except GraderFault as exc:
        raise CannotGrade(
            M.GRADE_GRADER_BROKEN.format(file=file, exc=cap(str(exc), 500)),
            kind="grader",
            file=file,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_job_memory(memory_mb: int, device: str) -> None:
    """References run in this process: give it a ceiling of its own (not on CUDA, whose
    driver maps huge address ranges)."""
    if device != "cpu":
        return
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/self/status") as status:
            vm_kib = next(int(r.split()[1]) for r in status if r.startswith("VmSize:"))
        limit = vm_kib * 1024 + 2 * max(memory_mb, 1024) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def load_grader(path: str) -> Grader:
    """Import a pack's grader file. Each job is a fresh fork of the worker, so there is
    nothing to cache: an edited grader is simply read again on the next submission."""
    try:
        spec = importlib.util.spec_from_file_location(f"tutor_grader_{abs(hash(path))}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses and pickling look the module up
        with grader_deadline(GRADER_TIME_S, M.GRADE_WHAT_LOADING, path):
            spec.loader.exec_module(module)
        grader = module.GRADER
        if not isinstance(grader, Grader):
            raise TypeError("GRADER is not a tutor.grading.spec.Grader")
        return grader
    except CannotGrade:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken pack is reported, not crashed on
        line = exc.lineno if isinstance(exc, SyntaxError) else _traceback_line(exc, path)
        raise CannotGrade(
            M.GRADE_GRADER_BROKEN.format(file=path, exc=cap(f"{type(exc).__name__}: {exc}", 500)),
            kind="grader",
            file=path,
            line=line,
        ) from exc


def _traceback_line(exc: BaseException, path: str) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


# ---------------------------------------------------------------------------------------------
# The learner's source: encoding and static checks
# ---------------------------------------------------------------------------------------------


def decode_source(data: bytes) -> tuple[str | None, GradeError | None]:
    """UTF-8 (a byte-order mark, as Notepad writes it, is simply skipped); anything else is a
    `syntax` verdict that names the line, and says so when the bytes are Windows-1254."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1254")
        except UnicodeDecodeError:
            text = None
        if text is not None and any(ch in text for ch in "çğıİöşüÇĞÖŞÜ"):
            message = M.GRADE_NOT_UTF8_CP1254.format(line=line)
        else:
            message = M.GRADE_NOT_UTF8.format(line=line, byte=data[exc.start])
        return None, GradeError("syntax", message, line)


def _torch_aliases(tree: ast.AST) -> set[str]:
    """Names the source binds to torch or one of its modules (`torch`, `F`, `nn`, ...)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "torch":
                    names.add(alias.asname or "torch")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] == "torch":
                for alias in node.names:
                    names.add(alias.asname or alias.name)
    return names


def _rooted_at(node: ast.AST, roots: set[str]) -> bool:
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in roots


def static_check(source: str, filename: str, grader: Grader) -> GradeError | None:
    """Syntax errors, and forbidden names or operators written in the source."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return GradeError("syntax", M.GRADE_SYNTAX.format(msg=_syntax_message(exc)), exc.lineno)
    except (ValueError, RecursionError, MemoryError) as exc:
        return GradeError("syntax", M.GRADE_SYNTAX.format(msg=type(exc).__name__), None)
    torch_names = _torch_aliases(tree)
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
            private = name.startswith("_") and not name.startswith("__")
            if (
                name in PRIVATE_TORCH or (private and name.lstrip("_") in grader.forbidden)
            ) and _rooted_at(node.value, torch_names):
                return _private_error(name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            parts = module.split(".")
            if parts[0] in SANDBOX_MODULES:
                return _sandbox_error(parts[0], node.lineno)
            if parts[0] == "torch" and any(p in PRIVATE_TORCH for p in parts[1:]):
                return _private_error(module, node.lineno)
            for alias in node.names:
                if parts == ["torch"] and alias.name in PRIVATE_TORCH:
                    return _private_error(alias.name, node.lineno)
                if alias.name in grader.forbidden_names or alias.name in SANDBOX_NAMES:
                    name = alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] in SANDBOX_MODULES:
                    return _sandbox_error(alias.name, node.lineno)
                if parts[0] == "torch" and any(p in PRIVATE_TORCH for p in parts[1:]):
                    return _private_error(alias.name, node.lineno)
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
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("exec", "eval", "compile", "__import__", "breakpoint"):
                return GradeError(
                    "forbidden",
                    M.GRADE_FORBIDDEN_DYNAMIC.format(name=node.func.id, where=_where(node.lineno)),
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


def _syntax_message(exc: SyntaxError) -> str:
    try:
        from tutor.pyerrors import turkish_syntax_message
    except ImportError:  # written by another part of the project; English until it lands
        return str(exc.msg)
    return turkish_syntax_message(str(exc.msg))


def _sandbox_error(name: str, line: int) -> GradeError:
    return GradeError("forbidden", M.GRADE_SANDBOX.format(name=name, where=_where(line)), line)


def _private_error(name: str, line: int) -> GradeError:
    return GradeError(
        "forbidden", M.GRADE_PRIVATE_TORCH.format(name=name, where=_where(line)), line
    )


def _where(line: Any) -> str:
    return (
        M.GRADE_WHERE_LINE.format(line=line)
        if isinstance(line, int) and not isinstance(line, bool) and line > 0
        else ""
    )


# ---------------------------------------------------------------------------------------------
# Grading
# ---------------------------------------------------------------------------------------------

Emit = Callable[[dict[str, Any]], None]


def grade(
    request: Request,
    channel: socket.socket,
    emit: Emit | None = None,
    after: list[Callable[[], None]] | None = None,
) -> Verdict:
    """Grade one submission. Raises CannotGrade when it cannot run at all (exit code 2).

    With `after`, the last learner's process is ended and its folder removed by what is
    appended there, for the caller to run once the verdict is on its way."""
    started = time.monotonic()
    emit = emit or (lambda event: None)
    device = resolve_device(request.device)
    limit_job_memory(request.memory_mb, device)
    grader = load_grader(request.grader)
    learner_file = request.file
    protections: list[str] = []

    def finish(checks: list[Check], error: GradeError | None, output: str = "") -> Verdict:
        total = sum(c.weight for c in checks)
        earned = sum(c.weight for c in checks if c.passed)
        score = earned / total if total > 0 else 0.0
        if error is not None and error.kind == "forbidden":
            score = 0.0
        if error is not None:
            error = GradeError(error.kind, cap(error.message, MESSAGE_LIMIT), error.line)
        return Verdict(
            exercise=request.exercise,
            passed=error is None and bool(checks) and all(c.passed for c in checks),
            score=score,
            device=device,
            seed=request.seed,
            duration_s=time.monotonic() - started,
            checks=[
                Check(
                    c.name,
                    c.passed,
                    cap(c.message, MESSAGE_LIMIT),
                    c.series,
                    c.hidden,
                    c.weight,
                    c.reference_series,
                )
                for c in checks
            ],
            error=error,
            output=output,
            protections=protections,
        )

    with grader_deadline(GRADER_TIME_S, M.GRADE_WHAT_CASES, request.grader):
        try:
            cases = grader.build_cases(request.seed)
        except CannotGrade:
            raise
        except Exception as exc:  # noqa: BLE001
            raise GraderFault(f"{type(exc).__name__}: {exc}") from exc
    emit({"event": "started", "total": len(cases), "names": [c.name for c in cases]})

    def not_run(reason: str) -> list[Check]:
        return [_check(c, False, M.GRADE_NOT_RUN.format(reason=reason)) for c in cases]

    try:
        raw = base64.b64decode(request.source_b64.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise CannotGrade(M.GRADE_BAD_REQUEST, kind="usage") from None
    source, encoding_error = decode_source(raw)
    if encoding_error is not None or source is None:
        assert encoding_error is not None
        return finish(not_run(encoding_error.message), encoding_error)
    static_error = static_check(source, learner_file, grader)
    if static_error is not None:
        return finish(not_run(static_error.message), static_error)

    with grader_deadline(GRADER_TIME_S, M.GRADE_WHAT_CASES, request.grader):
        try:
            torch_device = torch.device(device)
            case_plans = [
                {**grader.plan(case, torch_device), "index": case.index} for case in cases
            ]
        except Exception as exc:  # noqa: BLE001
            raise GraderFault(f"{type(exc).__name__}: {exc}") from exc
    plan = {
        "file": learner_file,
        "source": source,
        "symbols": list(grader.symbols),
        "device": device,
        "threads": max(1, grader.threads),
        "calls": sorted(grader.forbidden),
        "ops": dict(grader.forbidden_ops),
        "optim_tripwires": bool(grader.forbid_torch_optim),
        "cases": case_plans,
    }

    def on_frame(frame: dict) -> None:
        kind = frame.get("t")
        i = _index(frame, len(cases))
        if kind == "start" and i is not None:
            emit({"event": "case", "index": i, "total": len(cases), "name": cases[i].name})
        elif kind == "progress" and i is not None:
            # How far a training case has got (an epoch, a number of steps): for progress bars.
            event = {"event": "progress", "index": i, "total": len(cases)}
            for key in ("epoch", "steps", "of"):
                value = frame.get(key)
                if isinstance(value, int) and not isinstance(value, bool):
                    event[key] = value
            emit(event)

    pending: list[Callable[[], None]] = after if after is not None else []

    def learner_run(run_plan: dict) -> ChildRun:
        # The previous stage's process is ended first: one channel, one process at a time.
        while pending:
            pending.pop(0)()
        run = run_learner(
            channel,
            run_plan,
            timeout_s=request.timeout_s,
            memory_mb=request.memory_mb,
            device=device,
            threads=max(1, grader.threads),
            output_limit=OUTPUT_LIMIT,
            on_frame=on_frame,
            defer=pending,
        )
        if run.spawn_failed:
            raise CannotGrade(M.GRADE_ENGINE_SPAWN.format(exc=run.spawn_failed), kind="engine")
        for name in run.protections:
            if name not in protections:
                protections.append(name)
        for frame in run.frames:
            if frame.get("t") == "hello" and isinstance(frame.get("protections"), list):
                for name in frame["protections"][:32]:
                    if isinstance(name, str) and name[:40] not in protections:
                        protections.append(name[:40])
        return run

    run = learner_run(plan)
    outputs = [run]
    collected = _collect(run, cases, request)
    # A second stage runs in a fresh process that never saw the first stage's inputs; it gets
    # what the first exported (e.g. the model a fit returned) and, only then, held-out data.
    second = {}
    next_stage = getattr(grader, "next_stage", None)
    if next_stage is not None and collected.fatal is None:
        with grader_deadline(GRADER_TIME_S, M.GRADE_WHAT_CASES, request.grader):
            for case in cases:
                if case.index in collected.results:
                    stage = next_stage(case, collected.results[case.index])
                    if stage is not None:
                        second[case.index] = {**stage, "index": case.index}
    if second:
        run2 = learner_run({**plan, "cases": list(second.values())})
        outputs.append(run2)
        collected2 = _collect(run2, cases, request)
        for index in second:
            if index in collected2.results:
                collected.results[index] = grader.merge(
                    collected.results[index], collected2.results[index]
                )
                continue
            collected.results.pop(index, None)
            collected.case_errors[index] = collected2.case_errors.get(index) or (
                collected2.fatal or GradeError("crash", M.GRADE_CASE_NOT_REACHED)
            )
    output = ""
    for part in outputs:
        output += part.output.decode("utf-8", errors="replace")
        if part.output_dropped:
            output += "\n" + M.GRADE_OUTPUT_TRUNCATED.format(
                limit=OUTPUT_LIMIT // 1024, dropped=part.output_dropped
            )
    if after is None:
        while pending:
            pending.pop(0)()
    with grader_deadline(GRADER_TIME_S, M.GRADE_WHAT_JUDGING, request.grader):
        checks, error = _judge(collected, cases, grader, device, request)
    return finish(checks, error, output)


def _check(
    case: PreparedCase, passed: bool, message: str, series=None, reference_series=None
) -> Check:
    spec = case.spec
    return Check(
        case.name,
        passed,
        message,
        _curve(series),
        bool(getattr(spec, "hidden", False)),
        float(getattr(spec, "weight", 1.0)),
        _curve(reference_series),
    )


def _curve(values: Any, limit: int = 2000) -> list[float] | None:
    """A curve kept for a plot: finite floats only, at most `limit` points (evenly thinned)."""
    if not isinstance(values, (list, tuple)) or not values:
        return None
    points = [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(points) > limit:
        step = len(points) / limit
        points = [points[int(i * step)] for i in range(limit)]
    return points


def _index(frame: dict, count: int) -> int | None:
    i = frame.get("i")
    if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < count:
        return i
    return None


def _text(value: Any, limit: int = 500) -> str:
    return cap(value if isinstance(value, str) else "", limit)


def _line(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def exception_error(info: dict, at_import: bool, request: Request) -> GradeError:
    """Word what the learner's process said about an exception (facts only, untrusted)."""
    exc_type = _text(info.get("exc_type"), 100) or "Exception"
    text = _text(info.get("exc"), 500)
    line = _line(info.get("line"))
    if info.get("memory"):
        return GradeError("memory", M.GRADE_MEMORY_EXCEPTION.format(exc=text or exc_type), line)
    if info.get("file_too_large"):
        return GradeError("crash", M.GRADE_CRASH_FILE_SIZE, line)
    if "system_exit" in info:
        return GradeError(
            "exception", M.GRADE_SYSTEM_EXIT.format(code=_text(info["system_exit"], 100)), line
        )
    if info.get("not_implemented"):
        return GradeError("exception", M.GRADE_STILL_STARTER, line)
    if at_import:
        if isinstance(info.get("module"), str):
            return GradeError(
                "import", M.GRADE_IMPORT_MODULE.format(module=_text(info["module"], 100)), line
            )
        return GradeError("import", M.GRADE_IMPORT.format(exc=f"{exc_type}: {text}"), line)
    if info.get("leaf_inplace"):
        return GradeError("exception", M.GRADE_LEAF_INPLACE, line)
    if exc_type == "ZeroDivisionError":
        return GradeError("exception", M.GRADE_ZERO_DIVISION.format(exc=text), line)
    return GradeError("exception", M.GRADE_EXCEPTION.format(exc_type=exc_type, exc=text), line)


def forbidden_error(frame: dict) -> GradeError:
    line = _line(frame.get("line"))
    kind = frame.get("kind")
    call = _text(frame.get("call"), 200)
    if frame.get("where") == "backward":
        call += M.AUTOGRAD_IN_BACKWARD
    if kind == "tamper" or not call:
        return GradeError("forbidden", M.GRADE_TAMPER.format(where=_where(line)), line)
    if kind == "op":
        return GradeError(
            "forbidden", M.GRADE_FORBIDDEN_OP.format(op=call, where=_where(line)), line
        )
    if kind == "audit":
        return GradeError(
            "forbidden", M.GRADE_FORBIDDEN_ACTION.format(action=call, where=_where(line)), line
        )
    return GradeError("forbidden", M.GRADE_FORBIDDEN.format(call=call, where=_where(line)), line)


@dataclass
class Collected:
    """What one learner process said and how it ended, read with suspicion."""

    results: dict[int, Any]
    case_errors: dict[int, GradeError]
    fatal: GradeError | None
    current: int | None


def _collect(run: ChildRun, cases: list[PreparedCase], request: Request) -> Collected:
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
            current = _index(frame, len(cases))
        elif kind == "result":
            i = _index(frame, len(cases))
            if i is None:
                fatal = GradeError("crash", M.GRADE_CRASH_PROTOCOL)
            else:
                results[i] = frame.get("value")
        elif kind == "case_error":
            i = _index(frame, len(cases))
            if i is None:
                fatal = GradeError("crash", M.GRADE_CRASH_PROTOCOL)
            else:
                case_errors[i] = exception_error(frame, False, request)
        elif kind == "fatal":
            what = frame.get("kind")
            if what == "missing_symbol":
                fatal = GradeError(
                    "missing_symbol",
                    M.GRADE_MISSING_SYMBOL.format(
                        name=_text(frame.get("name"), 100), signature=request.signature
                    ),
                )
            elif what == "syntax":
                fatal = GradeError(
                    "syntax",
                    M.GRADE_SYNTAX.format(msg=_text(frame.get("exc"), 300)),
                    _line(frame.get("line")),
                )
            else:
                fatal = exception_error(frame, True, request)
        elif kind == "forbidden":
            fatal = forbidden_error(frame)
            break  # nothing the process says after this counts
        elif kind == "done":
            done = True

    # Limits and crashes come first: whatever the child said before is incomplete.
    if run.timed_out or run.exit_signal == signal.SIGXCPU:
        where = M.GRADE_TIMEOUT if loaded else M.GRADE_TIMEOUT_AT_IMPORT
        fatal = GradeError("timeout", where.format(limit=request.timeout_s))
    elif run.over_memory or (run.exit_signal == signal.SIGKILL and not run.killed):
        fatal = GradeError("memory", M.GRADE_MEMORY.format(limit=request.memory_mb))
    elif run.too_much:
        fatal = GradeError("crash", M.GRADE_CRASH_TOO_MUCH)
    elif run.bad_frames:
        fatal = GradeError("crash", M.GRADE_CRASH_PROTOCOL)
    elif run.exit_signal == signal.SIGXFSZ:
        fatal = GradeError("crash", M.GRADE_CRASH_FILE_SIZE)
    elif fatal is not None and fatal.kind == "forbidden":
        pass
    elif run.exit_signal is not None and not run.killed:
        fatal = GradeError(
            "crash", M.GRADE_CRASH_SIGNAL.format(signal=_signal_name(run.exit_signal))
        )
    elif fatal is None and not done:
        fatal = GradeError("crash", M.GRADE_CRASH_EXIT.format(code=run.exit_status))
    return Collected(results, case_errors, fatal, current)


def _judge(
    collected: Collected,
    cases: list[PreparedCase],
    grader: Grader,
    device: str,
    request: Request,
) -> tuple[list[Check], GradeError | None]:
    results, case_errors, fatal = collected.results, collected.case_errors, collected.fatal
    torch_device = torch.device(device)
    checks: list[Check] = []
    for case in cases:
        if case.index in results and (fatal is None or fatal.kind == "forbidden"):
            try:
                outcome = grader.check_case(case, results[case.index], torch_device)
            except GraderFault:
                raise
            except Exception as exc:  # noqa: BLE001 - a value the grader did not expect
                message = M.GRADE_UNEXPECTED_VALUE.format(exc=_text(f"{type(exc).__name__}: {exc}"))
                checks.append(_check(case, False, message))
                continue
            checks.append(
                _check(
                    case,
                    outcome.passed,
                    outcome.message,
                    outcome.series,
                    outcome.reference_series,
                )
            )
        elif case.index in case_errors and (fatal is None or fatal.kind not in ("forbidden",)):
            err = case_errors[case.index]
            message = err.message + (_where(err.line) if err.line else "")
            description = grader.describe_case(case)
            if description:
                message += " " + description
            note = getattr(case.spec, "note", "")
            if note and err.kind == "exception":
                # What this case is about often explains the exception (a zero denominator,
                # a state of None, a size that is not 784).
                message += " " + note
            checks.append(_check(case, False, message))
        else:
            reason = fatal.message if fatal else M.GRADE_CASE_NOT_REACHED
            if fatal and fatal.kind == "timeout" and case.index == collected.current:
                reason = M.GRADE_TIMEOUT_IN_CASE.format(limit=request.timeout_s)
            checks.append(_check(case, False, M.GRADE_NOT_RUN.format(reason=reason)))
    error = fatal
    if error is None and case_errors:
        error = case_errors[min(case_errors)]
    return checks, error


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
