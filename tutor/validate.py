"""`tutor pack validate`: everything that can be wrong with a pack, found in one run.

One run reports every problem, each as `relative/path:line: [exercise] message`: the schema
and references, the encoding of every file, the Python files themselves, the `symbols` that
the grader calls, and then the proof that matters, by grading: every reference solution
passes on several seeds (a grader that passes it on one seed and not another is flaky, and
is said to be), every starter fails, every known-wrong submission under `wrong/<id>/` fails
as its header declares, and every lesson example prints what the lesson shows. A fault of a
grader is reported once, on the grader. Headless; the CLI renders the result.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tutor import messages as M
from tutor.grading import client
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.jobs import Outcome, deadline_for, grade_request, grade_with_deadline, run_parallel
from tutor.pack import model
from tutor.pack.encoding import (
    NotUtf8,
    decode_utf8,
    decode_windows_1254,
    find_mojibake,
    repair_mojibake,
)
from tutor.pack.loader import (
    Fault,
    LoadedLesson,
    Pack,
    check_exercise_files,
    collect_pack,
    line_for,
    read_text,
)
from tutor.workspace import atomic_write

# The first seed is the one tests/test_wrong_submissions.py uses, so that a wrong submission
# behaves the same in the test suite and in `pack validate`.
VALIDATION_SEED = 7
DEFAULT_SEED_COUNT = 3
WRONG_DIR = "wrong"
EXAMPLE_TIMEOUT_S = 60.0

TEXT_SUFFIXES = (".yaml", ".yml", ".py", ".md", ".txt")
_SKIPPED_DIRS = {"__pycache__", "node_modules", "venv", "build", "dist"}
_CONVENTIONAL_DIRS = ("lessons", "exercises", "solutions", "graders", WRONG_DIR)


def validation_seeds(count: int) -> list[int]:
    return [VALIDATION_SEED + 104_729 * i for i in range(max(1, count))]


@dataclass
class Report:
    faults: list[Fault] = field(default_factory=list)
    pack: Pack | None = None
    # exercise id → (the solution's verdict on the first seed, the starter's verdict)
    verdicts: dict[str, tuple[Verdict | None, Verdict | None]] = field(default_factory=dict)
    # device → known-wrong submissions (pack-relative) that only show their bug there and
    # were not tried on this run's device
    skipped_wrong: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.faults

    def add(self, fault: Fault) -> None:
        self.faults.append(fault)

    def finish(self) -> Report:
        self.faults = sorted(set(self.faults), key=lambda f: (f.file, f.line, f.message))
        return self


# --- files and encodings ----------------------------------------------------------------------


def pack_text_files(root: Path, top: list[str] | None = None) -> list[Path]:
    """Every text file of a pack (under `top` folders, when given), without version control,
    caches, environments or backups."""
    roots = [root / t for t in top] if top is not None else [root]
    found: set[Path] = set()
    for start in roots:
        if start.is_file():
            found.add(start)
            continue
        if not start.is_dir():
            continue
        for path in start.rglob("*"):
            rel = path.relative_to(root).parts
            if any(part.startswith(".") or part in _SKIPPED_DIRS for part in rel[:-1]):
                continue
            if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink():
                found.add(path)
    return sorted(found)


def fix_encoding(root: Path) -> list[tuple[Path, Path, str]]:
    """Repair the pack's text files in place, keeping a .bak of each: mojibake is undone and
    files saved as Windows-1254 become UTF-8. Returns (file, backup, what was done)."""
    fixed = []
    for path in pack_text_files(root):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        try:
            text = decode_utf8(data)
            kind = "mojibake"
        except NotUtf8:
            converted = decode_windows_1254(data)
            if converted is None:
                continue
            text, kind = converted, "windows-1254"
        repaired = repair_mojibake(text) if find_mojibake(text) else text
        if kind == "mojibake" and repaired == text:
            continue
        backup = path.with_suffix(path.suffix + ".bak")
        shutil.copy2(path, backup)
        atomic_write(path, repaired.encode("utf-8"))
        fixed.append((path, backup, kind))
    return fixed


def _pack_folders(pack: Pack | None) -> list[str]:
    """The top-level folders that hold the pack's files (for the built-in pack, the repo
    root, that is lessons/, exercises/, ... and not the tool's own code)."""
    tops = set(_CONVENTIONAL_DIRS)
    if pack is not None:
        tops.update(Path(rel).parts[0] for rel in pack.manifest.lessons if Path(rel).parts)
        for _, ex in pack.ordered_exercises():
            for rel in (ex.starter, ex.solution, ex.grader):
                parts = Path(rel).parts
                if len(parts) > 1:
                    tops.add(parts[0])
    return sorted(tops)


def _check_encodings(root: Path, pack: Pack | None, report: Report) -> None:
    owner: dict[Path, str] = {}
    if pack is not None:
        for _, ex in pack.ordered_exercises():
            for rel in (ex.starter, ex.solution, ex.grader):
                owner[(root / rel).resolve()] = ex.id
    for path in pack_text_files(root, _pack_folders(pack)):
        exercise = owner.get(path.resolve(), "")
        if not exercise and path.parent.parent.name == WRONG_DIR:
            exercise = path.parent.name
        faults: list[Fault] = []
        read_text(path, root, faults)
        for f in faults:
            report.add(Fault(f.file, f.line, f.message, exercise))


# --- static checks of one exercise ------------------------------------------------------------


def declared_symbols(grader_source: str) -> set[str] | None:
    """The names a grader calls, read from its source: `symbol="..."` or `symbols=(...)` in
    the GRADER call, or a `symbols = (...)` class attribute. None when it cannot be told
    without running the file."""
    try:
        tree = ast.parse(grader_source)
    except SyntaxError:
        return None
    found: set[str] = set()

    def strings(node: ast.AST) -> list[str] | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.List)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(items) == len(node.elts) and all(isinstance(i, str) for i in items):
                return items
        return None

    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "GRADER" for t in node.targets)
            and isinstance(node.value, ast.Call)
        ):
            for keyword in node.value.keywords:
                if keyword.arg in ("symbol", "symbols"):
                    names = strings(keyword.value)
                    if names is None:
                        return None
                    found.update(names)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if (
                    isinstance(item, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "symbols" for t in item.targets)
                    and (names := strings(item.value)) is not None
                ):
                    found.update(names)
    return found or None


def _check_symbols(pack: Pack, item: LoadedLesson | None, ei: int, ex: model.Exercise) -> list:
    try:
        source = pack.path(ex.grader).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    declared = declared_symbols(source)
    if declared is None or declared == set(ex.symbols):
        return []
    shown, line = ex.grader, 1
    if item is not None:
        shown, line = item.shown, line_for(item.lines, ("exercises", ei, "symbols"))
    return [
        Fault(
            shown,
            line,
            M.VALIDATE_SYMBOLS_MISMATCH.format(
                symbols=", ".join(ex.symbols),
                grader=ex.grader,
                declared=", ".join(sorted(declared)),
            ),
            ex.id,
        )
    ]


# --- wrong submissions ------------------------------------------------------------------------

_HEADER = re.compile(r"^#\s*(hata|cihaz|beklenen-denetim|beklenen-mesaj|beklenen-hata):\s*(.*)$")


def wrong_expectations(text: str) -> dict[str, str]:
    """A known-wrong submission's header: the bug, the check that must fail, the message."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            break
        found[match.group(1)] = match.group(2).strip()
    return found


def wrong_device(path: Path) -> str | None:
    """The device a known-wrong submission's bug needs (`# cihaz: cuda`: a GradScaler bug
    shows only where float16 runs with a scaler), or None when any device shows it."""
    text = path.read_text(encoding="utf-8", errors="replace")
    needs = wrong_expectations(text).get("cihaz", "").strip().lower()
    return needs or None


def wrong_submissions(root: Path, exercise_id: str) -> list[Path]:
    folder = root / WRONG_DIR / exercise_id
    return sorted(folder.glob("*.py")) if folder.is_dir() else []


def judge_wrong(expect: dict[str, str], verdict: Verdict) -> str | None:
    """None when the verdict fails as the header declares, else what went differently."""
    if verdict.passed:
        return M.VALIDATE_WRONG_PASSED.format(bug=expect.get("hata", "?"))
    wanted = expect.get("beklenen-mesaj", "")
    if "beklenen-hata" in expect:
        kind = expect["beklenen-hata"]
        if verdict.error is None or verdict.error.kind != kind:
            got = verdict.error.kind if verdict.error else M.VALIDATE_NO_ERROR
            return M.VALIDATE_WRONG_KIND.format(kind=kind, got=got)
        if wanted not in verdict.error.message:
            return M.VALIDATE_WRONG_MESSAGE.format(words=wanted, got=verdict.error.message)
        return None
    name = expect.get("beklenen-denetim", "")
    check = next((c for c in verdict.checks if c.name == name), None)
    if check is None:
        names = "; ".join(c.name for c in verdict.checks)
        return M.VALIDATE_WRONG_NO_CHECK.format(name=name, names=names)
    if check.passed:
        return M.VALIDATE_WRONG_CHECK_PASSED.format(name=name, problem=verdict.first_problem())
    if wanted not in check.message:
        return M.VALIDATE_WRONG_MESSAGE.format(words=wanted, got=check.message)
    return None


def _header_problem(expect: dict[str, str]) -> str | None:
    missing = [k for k in ("hata", "beklenen-mesaj") if not expect.get(k)]
    if not expect.get("beklenen-denetim") and not expect.get("beklenen-hata"):
        missing.append("beklenen-denetim / beklenen-hata")
    return M.VALIDATE_WRONG_HEADER.format(missing=", ".join(missing)) if missing else None


# --- lesson examples --------------------------------------------------------------------------

_EXAMPLE_RUNNER = r"""
import contextlib, io, json, sys, traceback
examples = json.load(sys.stdin)
for code in examples:
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(code, "<örnek>", "exec"), {"__name__": "__main__"})
        result = {"ok": True, "out": buffer.getvalue()[:20000]}
    except BaseException as exc:
        line = None
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename == "<örnek>":
                line = frame.lineno
        result = {"ok": False, "out": buffer.getvalue()[:20000],
                  "error": f"{type(exc).__name__}: {exc}"[:2000], "line": line}
    sys.__stdout__.write(json.dumps(result) + "\n")
    sys.__stdout__.flush()
"""


def _lower_priority() -> None:
    os.nice(10)


def normalise_output(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def check_examples(item: LoadedLesson, timeout_s: float = EXAMPLE_TIMEOUT_S) -> list[Fault]:
    """Run a lesson's examples in a fresh interpreter and compare what they print."""
    where = [
        (si, ei, example)
        for si, section in enumerate(item.lesson.sections)
        for ei, example in enumerate(section.examples)
    ]
    if not where:
        return []
    faults: list[Fault] = []
    with tempfile.TemporaryDirectory(prefix="tutor-ornek-") as scratch:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONHASHSEED": "0",
            "CUDA_VISIBLE_DEVICES": "",
            "HOME": scratch,
        }
        try:
            run = subprocess.run(
                [sys.executable, "-c", _EXAMPLE_RUNNER],
                input=json.dumps([example.code for _, _, example in where]),
                capture_output=True,
                text=True,
                cwd=scratch,
                timeout=timeout_s + 5 * len(where),
                env=env,
                preexec_fn=_lower_priority if os.name == "posix" else None,
            )
            lines = run.stdout.splitlines()
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout or ""
            lines = (out.decode(errors="replace") if isinstance(out, bytes) else out).splitlines()
            lines.append(json.dumps({"ok": False, "timeout": True}))
    for index, (si, ei, example) in enumerate(where):
        path = ("sections", si, "examples", ei)
        title = example.title or example.code.strip().splitlines()[0]
        if index >= len(lines):
            break
        try:
            result = json.loads(lines[index])
        except ValueError:
            break
        if result.get("timeout"):
            line = line_for(item.lines, (*path, "code"))
            faults.append(Fault(item.shown, line, M.VALIDATE_EXAMPLE_TIMEOUT.format(title=title)))
            break
        if not result["ok"]:
            line = line_for(item.lines, (*path, "code")) + (result.get("line") or 0)
            faults.append(
                Fault(
                    item.shown,
                    line,
                    M.VALIDATE_EXAMPLE_ERROR.format(title=title, error=result["error"]),
                )
            )
        elif example.output and normalise_output(result["out"]) != normalise_output(example.output):
            line = line_for(item.lines, (*path, "output"))
            faults.append(
                Fault(
                    item.shown,
                    line,
                    M.VALIDATE_EXAMPLE_OUTPUT.format(
                        title=title,
                        expected=_first_difference(example.output, result["out"])[0],
                        got=_first_difference(example.output, result["out"])[1],
                    ),
                )
            )
    return faults


def _first_difference(expected: str, got: str) -> tuple[str, str]:
    a, b = normalise_output(expected).splitlines(), normalise_output(got).splitlines()
    for x, y in zip(a, b):
        if x != y:
            return x, y
    if len(a) > len(b):
        return a[len(b)], M.VALIDATE_NOTHING
    return M.VALIDATE_NOTHING, b[len(a)] if len(b) > len(a) else ""


# --- the whole run ------------------------------------------------------------------------------


def validate(
    root: Path | str,
    home: Path,
    *,
    run_graders: bool = True,
    progress: Callable[[str], None] | None = None,
    device: str = "cpu",
    seeds: list[int] | None = None,
    check_wrong: bool = True,
    run_examples: bool = True,
    jobs: int = 2,
    exercises: set[str] | None = None,
) -> Report:
    """Check the pack at `root`. `exercises`: grade only these (every file is still read)."""
    report = Report()
    say = progress or (lambda text: None)
    pack, faults = collect_pack(root, salvage=True)
    report.faults.extend(faults)
    report.pack = pack
    if pack is None:
        return report.finish()
    root = pack.root
    _check_encodings(root, pack, report)

    graded: list[tuple[model.Lesson, model.Exercise]] = []
    broken_files: set[str] = set()
    for item in pack.lessons:
        for ei, ex in enumerate(item.lesson.exercises):
            if pack.exercises.get(ex.id, (None, None))[1] is not ex:
                continue  # a duplicate id, reported by the loader
            file_faults = check_exercise_files(
                pack, item.lesson, ex, student=pack.is_student_edition
            )
            for f in file_faults:
                report.add(Fault(f.file, f.line, f.message, ex.id))
                broken_files.add(ex.id)
            report.faults.extend(_check_symbols(pack, item, ei, ex))
            graded.append((item.lesson, ex))

    if pack.is_student_edition:
        report.add(Fault(_manifest(pack), 1, M.VALIDATE_STUDENT_EDITION))
        return report.finish()
    if not run_graders:
        return report.finish()

    wrong_root = root / WRONG_DIR
    if wrong_root.is_dir():
        for folder in sorted(p for p in wrong_root.iterdir() if p.is_dir()):
            if folder.name not in pack.exercises and not folder.name.startswith(("_", ".")):
                shown = str(folder.relative_to(root))
                report.add(Fault(shown, 0, M.VALIDATE_WRONG_UNKNOWN.format(id=folder.name)))
    seeds = seeds or validation_seeds(DEFAULT_SEED_COUNT)
    to_grade = [
        (lesson, ex)
        for lesson, ex in graded
        if ex.id not in broken_files and (exercises is None or ex.id in exercises)
    ]
    tasks = []
    for _, ex in to_grade:
        for seed in seeds:
            tasks.append(
                (
                    ("solution", ex.id, seed, ex.solution),
                    _grader(pack, ex, ex.solution, seed, device, home),
                )
            )
        tasks.append(
            (
                ("starter", ex.id, seeds[0], ex.starter),
                _grader(pack, ex, ex.starter, seeds[0], device, home),
            )
        )
        if check_wrong:
            for path in wrong_submissions(root, ex.id):
                rel = str(path.relative_to(root))
                needs = wrong_device(path)
                if needs is not None and device != "auto" and needs != device:
                    report.skipped_wrong.setdefault(needs, []).append(rel)
                    continue
                tasks.append(
                    (
                        ("wrong", ex.id, seeds[0], rel),
                        _grader(pack, ex, rel, seeds[0], device, home),
                    )
                )
    if tasks:
        say(
            M.CLI_VALIDATE_CHECKING.format(n=len(to_grade))
            + " "
            + M.VALIDATE_SEEDS.format(n=len(seeds))
        )
        client.start_worker(home)
    outcomes: dict[tuple, Outcome] = {}

    def keep(key: tuple, outcome: Outcome) -> bool:
        outcomes[key] = outcome
        # Nothing can run at all (CUDA asked for, none here): one message, not one per file.
        return outcome.fault is not None and outcome.fault.kind == "device"

    if not run_parallel(tasks, jobs, keep):
        device_fault = next(o.fault for o in outcomes.values() if o.fault)
        raise CannotGrade(device_fault.message)
    # A solution or a known-wrong submission over its time limit may only have been slowed by
    # the grading beside it: it is tried once more alone before the pack is blamed.
    slow = [
        (key, task)
        for key, task in tasks
        if key[0] != "starter" and _timed_out(outcomes.get(key)) and not _expects_timeout(pack, key)
    ]
    if slow:
        say(M.VALIDATE_RETRYING_SLOW.format(n=len(slow)))
        run_parallel(slow, 1, keep)
    everything = list(outcomes.values())
    if len(to_grade) > 1 and all(o.fault and not o.fault.is_pack_fault for o in everything):
        messages = {o.fault.message for o in everything if o.fault}
        if len(messages) == 1:
            raise CannotGrade(messages.pop())  # the same for every exercise: the worker
    for _, ex in to_grade:
        _judge_exercise(pack, ex, seeds, outcomes, report)
    if run_examples:
        # After the grading, not beside it: a slow example must not push a reference solution
        # over its time limit.
        say(M.VALIDATE_RUNNING_EXAMPLES.format(n=len(pack.lessons)))
        for item in pack.lessons:
            report.faults.extend(check_examples(item))
    return report.finish()


def _expects_timeout(pack: Pack, key: tuple) -> bool:
    if key[0] != "wrong":
        return False
    text = pack.path(key[3]).read_text(encoding="utf-8", errors="replace")
    return wrong_expectations(text).get("beklenen-hata") == "timeout"


def _timed_out(outcome: Outcome | None) -> bool:
    verdict = outcome.verdict if outcome is not None else None
    return verdict is not None and verdict.error is not None and verdict.error.kind == "timeout"


def _manifest(pack: Pack) -> str:
    return "pack.yaml"


def _grader(pack: Pack, ex: model.Exercise, rel: str, seed: int, device: str, home: Path):
    request = grade_request(pack, ex, pack.path(rel), seed=seed, device=device)
    return lambda: grade_with_deadline(request, home, deadline_for(ex))


def _judge_exercise(
    pack: Pack, ex: model.Exercise, seeds: list[int], outcomes: dict, report: Report
) -> None:
    mine = {key: o for key, o in outcomes.items() if key[1] == ex.id}
    faults = [o.fault for o in mine.values() if o.fault is not None]
    if faults:
        # Only the pack's own files are graded here, so a run that could not grade them is the
        # grader's doing (or the machine's): said once, on the grader, never on the solution.
        fault = next((f for f in faults if f.is_pack_fault), faults[0])
        file = _relative(pack, fault.file) or ex.grader
        detail = fault.message.replace(str(pack.root) + os.sep, "")
        message = M.VALIDATE_GRADER_FAULT if fault.is_pack_fault else M.VALIDATE_COULD_NOT_GRADE
        report.add(Fault(file, fault.line or 1, message.format(detail=detail), ex.id))
        return
    solution = {seed: mine.get(("solution", ex.id, seed, ex.solution)) for seed in seeds}
    verdicts = {s: o.verdict for s, o in solution.items() if o is not None and o.verdict}
    starter = mine.get(("starter", ex.id, seeds[0], ex.starter))
    report.verdicts[ex.id] = (verdicts.get(seeds[0]), starter.verdict if starter else None)
    failed = {s: v for s, v in verdicts.items() if not v.passed}
    if failed and len(failed) == len(verdicts):
        seed, verdict = next(iter(failed.items()))
        line = verdict.error.line if verdict.error and verdict.error.line else 1
        report.add(
            Fault(
                ex.solution,
                line,
                M.VALIDATE_SOLUTION_FAILED.format(seed=seed, detail=verdict.first_problem()),
                ex.id,
            )
        )
    elif failed:
        seed, verdict = next(iter(failed.items()))
        report.add(
            Fault(
                ex.grader,
                1,
                M.VALIDATE_FLAKY.format(
                    passed=len(verdicts) - len(failed),
                    total=len(verdicts),
                    seed=seed,
                    detail=verdict.first_problem(),
                ),
                ex.id,
            )
        )
    if starter is not None and starter.verdict is not None and starter.verdict.passed:
        report.add(Fault(ex.starter, 1, M.CLI_VALIDATE_STARTER_PASSED, ex.id))
    for key, outcome in sorted(mine.items(), key=lambda kv: kv[0][3]):
        if key[0] != "wrong" or outcome.verdict is None:
            continue
        text = pack.path(key[3]).read_text(encoding="utf-8", errors="replace")
        expect = wrong_expectations(text)
        needs = expect.get("cihaz", "").strip().lower()
        if needs and outcome.verdict.device != needs:  # `auto` found no such device
            report.skipped_wrong.setdefault(needs, []).append(key[3])
            continue
        problem = _header_problem(expect) or judge_wrong(expect, outcome.verdict)
        if problem:
            report.add(Fault(key[3], 1, problem, ex.id))


def _relative(pack: Pack, file: str | None) -> str | None:
    if not file:
        return None
    path = Path(file)
    try:
        return str(path.resolve().relative_to(pack.root))
    except (ValueError, OSError):
        return file
