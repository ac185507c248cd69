"""How fast `tutor grade` grades a class, and whether every report of a generated class is right.

Usage: python benchmarks/grade_throughput.py [--students 100] [--jobs 2] [--kill]

A class is generated for the tensor exercises of the built-in pack (lesson `tensorler`): each
student's each exercise is correct (the reference solution), buggy (a known-wrong submission),
missing, or hostile (crashes, raises, exits; with --loops also an endless loop). Then:

1. throughput: the class is graded in-process exactly as `tutor grade` grades it (the pack check
   before grading is timed apart), and submissions per second are printed;
2. every entry is checked against what it was generated to be;
3. with --kill: `tutor grade` runs as a command, is killed halfway, resumed with --resume, and
   its reports are compared with those of the uninterrupted run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 7  # the seed every known-wrong submission is proven to fail with
TENSOR_LESSON = "tensorler"

HOSTILE = {
    "raises": "def {symbol}(*args, **kwargs):\n    raise RuntimeError('bozuk')\n",
    "exits": "import os\n\n\ndef {symbol}(*args, **kwargs):\n    os._exit(3)\n",
    "exits_at_import": "raise SystemExit(0)\n",
    "segfault": (
        "import faulthandler\n\n\ndef {symbol}(*args, **kwargs):\n    faulthandler._sigsegv()\n"
    ),
}
LOOP = "def {symbol}(*args, **kwargs):\n    while True:\n        pass\n"


def wrong_dir(exercise_id: str) -> Path:
    """The pack's known-wrong submissions for an exercise."""
    folder = ROOT / "wrong" / exercise_id
    if not folder.is_dir():
        raise SystemExit(f"no known-wrong submissions for {exercise_id}")
    return folder


def generate_class(
    target: Path,
    students: int,
    exercises: list[tuple[str, str, str, Path]],
    *,
    loops: bool = False,
    seed: int = 0,
    mix: tuple[float, float, float, float] = (0.5, 0.25, 0.15, 0.10),
) -> dict[tuple[str, str], str]:
    """Write `students` workspaces under `target`; return (student, exercise) → kind, where
    kind is "correct", "buggy", "missing" or "hostile"."""
    rng = random.Random(seed)
    expected: dict[tuple[str, str], str] = {}
    hostile = dict(HOSTILE, loop=LOOP) if loops else HOSTILE
    for n in range(students):
        student = f"ogr{n:03d}"
        for lesson_id, exercise_id, symbol, solution in exercises:
            kind = rng.choices(["correct", "buggy", "missing", "hostile"], weights=mix)[0]
            expected[(student, exercise_id)] = kind
            path = target / student / lesson_id / f"{exercise_id}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "correct":
                shutil.copy(solution, path)
            elif kind == "buggy":
                shutil.copy(rng.choice(sorted(wrong_dir(exercise_id).glob("*.py"))), path)
            elif kind == "hostile":
                text = hostile[rng.choice(sorted(hostile))].format(symbol=symbol)
                path.write_text(text, encoding="utf-8")
    return expected


def check_entries(result, expected: dict[tuple[str, str], str]) -> list[str]:
    """Every entry is what its file was made to be; returns the ones that are not."""
    wrong = []
    for (student, exercise), kind in sorted(expected.items()):
        entry = result.entries[(student, exercise)]
        verdict = entry.verdict or {}
        ok = {
            "correct": entry.status == "graded" and verdict.get("passed") is True,
            "buggy": entry.status == "graded" and verdict.get("passed") is False,
            "missing": entry.status == "missing",
            "hostile": entry.status == "graded"
            and verdict.get("passed") is False
            and verdict.get("error") is not None,
        }[kind]
        if not ok:
            wrong.append(f"{student}/{exercise}: {kind}, got {entry.status} {verdict.get('error')}")
    return wrong


def tensor_exercises(pack) -> list[tuple[str, str, str, Path]]:
    return [
        (lesson.id, ex.id, ex.symbols[0], pack.path(ex.solution))
        for lesson, ex in pack.ordered_exercises()
        if lesson.id == TENSOR_LESSON
    ]


def stable(out: Path) -> dict:
    """The reports without what honestly differs between two runs (clocks)."""
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    report.pop("started_at"), report.pop("finished_at")
    for student in report["students"]:
        for entry in student["exercises"].values():
            entry.pop("graded_at")
            if "verdict" in entry:
                entry["verdict"].pop("duration_s")
    return {"json": report, "csv": (out / "sonuclar.csv").read_text("utf-8")}


def kill_and_resume(home: Path, roster_dirs: list[Path], out: Path, jobs: int) -> float:
    """`tutor grade` killed halfway and resumed; returns the share done when it was killed."""
    command = [sys.executable, "-m", "tutor", "grade", *map(str, roster_dirs), "--out", str(out)]
    command += ["--seed", str(SEED), "--jobs", str(jobs)]
    env = {**os.environ, "TUTOR_HOME": str(home)}
    total = len(roster_dirs) * 30
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    results = out / ".tutor-durum" / "sonuclar.jsonl"
    while process.poll() is None:
        lines = results.read_text("utf-8").count("\n") if results.is_file() else 0
        if lines >= total // 2:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.1)
    process.wait()
    done = results.read_text("utf-8").count("\n") / total
    resumed = subprocess.run(
        [*command, "--resume"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if resumed.returncode != 0:
        raise SystemExit(f"--resume failed: {resumed.stderr}")
    return done


def batch_layer_rate(pack, home: Path, students, out: Path, jobs: int) -> float:
    """Submissions per second of everything but the engine: reading, hashing, copying,
    scheduling, recording. The engine is replaced by a stub that answers at once."""
    from tutor import batch
    from tutor.grading.verdict import Check, Verdict
    from tutor.jobs import Outcome

    def instant(request, _home, _seconds):
        checks = [Check("a", True, "")]
        verdict = Verdict(request["exercise"], True, 1.0, "cpu", request["seed"], 0.0, checks)
        return Outcome(verdict=verdict)

    real = batch.grade_with_deadline
    batch.grade_with_deadline = instant
    try:
        started = time.perf_counter()
        result = batch.grade_class(pack, home, students, out, seed=SEED, device="cpu", jobs=jobs)
        elapsed = time.perf_counter() - started
    finally:
        batch.grade_with_deadline = real
    graded = sum(e.status == "graded" for e in result.entries.values())
    return graded / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--loops", action="store_true", help="hostile files may loop forever")
    parser.add_argument("--kill", action="store_true", help="also kill a CLI run and resume it")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="tutor-bench-home-"))
    os.environ["TUTOR_HOME"] = str(home)
    from tutor.batch import grade_class
    from tutor.grading import client
    from tutor.pack.loader import load_pack
    from tutor.reports import write_reports
    from tutor.roster import students_from_folders
    from tutor.validate import validate

    pack = load_pack(ROOT)
    exercises = tensor_exercises(pack)
    scratch = Path(tempfile.mkdtemp(prefix="tutor-bench-class-"))
    expected = generate_class(scratch / "sinif", args.students, exercises, loops=args.loops)
    folders = sorted((scratch / "sinif").iterdir())
    students = students_from_folders(folders)
    submitted = sum(kind != "missing" for kind in expected.values())

    client.start_worker(home)
    started = time.perf_counter()
    report = validate(
        ROOT,
        home,
        seeds=[SEED],
        check_wrong=False,
        run_examples=False,
        jobs=args.jobs,
        exercises={ex_id for _, ex_id, _, _ in exercises},
    )
    validation_s = time.perf_counter() - started
    if not report.ok:
        raise SystemExit("\n".join(map(str, report.faults)))

    out = scratch / "rapor"
    started = time.perf_counter()
    result = grade_class(pack, home, students, out, seed=SEED, device="cpu", jobs=args.jobs)
    grading_s = time.perf_counter() - started
    write_reports(result, out)
    problems = check_entries(result, expected)

    overhead_rate = batch_layer_rate(pack, home, students, scratch / "rapor-taslak", args.jobs)
    kinds = {
        k: sum(v == k for v in expected.values())
        for k in ("correct", "buggy", "missing", "hostile")
    }
    print(f"class: {args.students} students × {len(exercises)} tensor exercises; {kinds}")
    print(f"machine: {len(os.sched_getaffinity(0))} cores usable, --jobs {args.jobs}")
    print(f"pack check before grading ({len(exercises)} exercises): {validation_s:.1f} s")
    print(
        f"graded {submitted} submissions in {grading_s:.1f} s: {submitted / grading_s:.1f} submissions/s"
    )
    print(
        f"batch layer alone (the engine answered by an instant stub): {overhead_rate:.0f} submissions/s"
    )
    print(
        f"every report right: {not problems}"
        + ("" if not problems else "\n" + "\n".join(problems[:20]))
    )
    if args.kill:
        killed_out = scratch / "rapor-kesilen"
        share = kill_and_resume(home, folders, killed_out, args.jobs)
        same = stable(killed_out) == stable(out)
        print(f"killed at {share:.0%} of the entries, resumed: same reports: {same}")
    client.stop_worker(home)
    shutil.rmtree(scratch, ignore_errors=True)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
