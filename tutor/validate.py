"""`tutor pack validate`: everything that can be wrong with a pack, found in one run.

Schema and references (with file:line), text encoding, the Python files themselves, and
then the proof that matters: every reference solution passes its grader and every starter
fails it. Headless; the CLI renders the result.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tutor import messages as M
from tutor.grading import client
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.pack.encoding import find_mojibake, repair_mojibake
from tutor.pack.loader import Fault, Pack, PackError, check_exercise_files, load_pack

VALIDATION_SEED = 20241130


@dataclass
class Report:
    faults: list[Fault] = field(default_factory=list)
    pack: Pack | None = None
    verdicts: dict[str, tuple[Verdict | None, Verdict | None]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.faults


def fix_encoding(root: Path) -> list[tuple[Path, Path]]:
    """Repair mojibake in the pack's text files in place, keeping a .bak of each."""
    fixed = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".yaml", ".yml", ".py", ".md") or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if find_mojibake(text):
            backup = path.with_suffix(path.suffix + ".bak")
            shutil.copy2(path, backup)
            path.write_text(repair_mojibake(text), encoding="utf-8")
            fixed.append((path, backup))
    return fixed


def validate(
    root: Path | str,
    home: Path,
    *,
    run_graders: bool = True,
    progress: Callable[[str], None] | None = None,
    device: str = "cpu",
) -> Report:
    report = Report()
    try:
        pack = load_pack(root)
    except PackError as exc:
        report.faults = exc.faults
        return report
    report.pack = pack
    pairs = pack.ordered_exercises()
    for lesson, exercise in pairs:
        report.faults += check_exercise_files(pack, lesson, exercise)
    if report.faults or not run_graders:
        return report
    if progress:
        progress(M.CLI_VALIDATE_CHECKING.format(n=len(pairs)))

    def grade(rel: str, exercise) -> Verdict | str:
        request = client.make_request(
            exercise=exercise.id,
            grader=pack.path(exercise.grader),
            file=pack.path(rel),
            source=pack.path(rel).read_bytes(),
            symbols=list(exercise.symbols),
            signature=exercise.signature,
            seed=VALIDATION_SEED,
            device=device,
            timeout_s=exercise.timeout_s,
            memory_mb=exercise.memory_mb,
        )
        try:
            return client.grade(request, home)
        except CannotGrade as exc:
            return str(exc)

    client.start_worker(home)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {
            ex.id: (ex, pool.submit(grade, ex.solution, ex), pool.submit(grade, ex.starter, ex))
            for _, ex in pairs
        }
        outcomes = [f.result() for _, a, b in futures.values() for f in (a, b)]
        if outcomes and all(isinstance(o, str) for o in outcomes) and len(set(outcomes)) == 1:
            raise CannotGrade(outcomes[0])  # nothing could run at all (e.g. CUDA asked, none here)
        for ex_id, (ex, solution_f, starter_f) in futures.items():
            solution, starter = solution_f.result(), starter_f.result()
            report.verdicts[ex_id] = (
                solution if isinstance(solution, Verdict) else None,
                starter if isinstance(starter, Verdict) else None,
            )
            if isinstance(solution, str):
                report.faults.append(
                    Fault(ex.solution, 0, M.CLI_VALIDATE_SOLUTION_FAILED.format(detail=solution))
                )
            elif not solution.passed:
                report.faults.append(
                    Fault(
                        ex.solution,
                        0,
                        M.CLI_VALIDATE_SOLUTION_FAILED.format(detail=solution.first_problem()),
                    )
                )
            if isinstance(starter, str):
                report.faults.append(
                    Fault(ex.starter, 0, M.CLI_VALIDATE_STARTER_ERROR.format(detail=starter))
                )
            elif starter.passed:
                report.faults.append(Fault(ex.starter, 0, M.CLI_VALIDATE_STARTER_PASSED))
    return report
