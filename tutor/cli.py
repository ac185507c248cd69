"""The `tutor` command line: a thin face over `tutor.session`.

Exit codes (CONTRACT.md): 0 passed or done, 1 failed grading or validation found faults,
2 the command could not run. torch is never imported here: grading happens in the worker.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from tutor import messages as M
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.pack.loader import PackError
from tutor.session import Session, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _TurkishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="kullanım: " if prefix is None else prefix)


class TurkishArgumentParser(argparse.ArgumentParser):
    """argparse with its own words (usage, section titles, -h, errors) in Turkish."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _TurkishHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argümanlar"
        self._optionals.title = "seçenekler"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="bu yardımı gösterip çık",
            )

    def error(self, message: str) -> None:  # argparse's own errors, said in Turkish
        self.print_usage(sys.stderr)
        for english, turkish in (
            ("the following arguments are required", "şu argümanlar gerekli"),
            ("unrecognized arguments", "tanınmayan argümanlar"),
            ("invalid choice", "geçersiz seçim"),
            ("argument", "argüman"),
            ("choose from", "şunlardan birini seçin"),
            ("invalid int value", "geçersiz tam sayı"),
            ("expected one argument", "bir değer bekleniyordu"),
        ):
            message = message.replace(english, turkish)
        sys.stderr.write(f"tutor: hata: {message}\n")
        if "--json" in sys.argv[1:]:
            print(json.dumps({"error": {"kind": "usage", "message": message}}, ensure_ascii=False))
        sys.exit(EXIT_USAGE)


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the command (`tutor --json list`, `tutor list --json`)."""
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--pack", metavar="KLASÖR", default=default, help="ders paketi (varsayılan: yerleşik paket)"
    )
    parser.add_argument(
        "--workspace", metavar="KLASÖR", default=default, help="çalışma alanı klasörü"
    )
    parser.add_argument(
        "--device",
        choices=("cpu", "cuda", "auto"),
        default=argparse.SUPPRESS if suppress else "auto",
        help="değerlendirme cihazı (varsayılan: auto)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="makine okunur çıktı",
    )
    parser.add_argument(
        "--seed", type=int, default=default, metavar="N", help="bir değerlendirmeyi aynen tekrarla"
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = TurkishArgumentParser(
        prog="tutor", description=M.CLI_DESCRIPTION, parents=[_common(False)]
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMUT", parser_class=TurkishArgumentParser)
    common = [_common(True)]
    sub.add_parser("list", parents=common, help="dersler ve alıştırmalar, durumlarıyla")
    p = sub.add_parser(
        "show", parents=common, help="bir alıştırmanın açıklaması, dosyası ve imzası"
    )
    p.add_argument("id", metavar="KİMLİK", help="alıştırmanın kimliği (ör. softmax)")
    p = sub.add_parser("submit", parents=common, help="bir alıştırmayı değerlendir")
    p.add_argument("id", metavar="KİMLİK", help="alıştırmanın kimliği (ör. softmax)")
    p.add_argument(
        "file",
        nargs="?",
        metavar="DOSYA",
        help="değerlendirilecek dosya (varsayılan: çalışma alanındaki kopya)",
    )
    p = sub.add_parser("hint", parents=common, help="sıradaki ipucu")
    p.add_argument("id", metavar="KİMLİK", help="alıştırmanın kimliği (ör. softmax)")
    p = sub.add_parser(
        "watch", parents=common, help="her kayıtta yeniden değerlendir (Ctrl+C ile çık)"
    )
    p.add_argument(
        "id", nargs="?", metavar="KİMLİK", help="alıştırmanın kimliği (verilmezse sıradaki)"
    )
    sub.add_parser("progress", parents=common, help="ilerleme, derse göre")
    p = sub.add_parser(
        "reset", parents=common, help="başlangıç dosyasını geri yükle (eskisi yedeklenir)"
    )
    p.add_argument("id", metavar="KİMLİK", help="alıştırmanın kimliği (ör. softmax)")
    p = sub.add_parser(
        "grade", parents=common, help="eğitmen: birçok öğrencinin çalışma alanını değerlendir"
    )
    p.add_argument("dirs", nargs="*", metavar="KLASÖR", help="öğrencilerin çalışma alanları")
    p.add_argument(
        "--roster",
        metavar="CSV",
        help="öğrenci listesi: her satırda öğrenci numarası, ad, klasör (CSV)",
    )
    p.add_argument(
        "--out", default="tutor-sonuclar", metavar="KLASÖR", help="raporların yazılacağı klasör"
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="aynı anda kaç değerlendirme (varsayılan: kullanılabilir çekirdek sayısı)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="yarıda kalan değerlendirmeyi sürdür (aynı --out, aynı tohum)",
    )
    p.add_argument(
        "--student",
        action="append",
        metavar="NO",
        help="yalnızca bu öğrenciyi yeniden değerlendir (birden çok verilebilir)",
    )
    p.add_argument(
        "--exercise",
        action="append",
        metavar="KİMLİK",
        help="yalnızca bu alıştırmayı yeniden değerlendir (birden çok verilebilir)",
    )
    p.add_argument(
        "--excel",
        action="store_true",
        help="CSV'yi Türkçe Excel için yaz: ';' ayırıcı, ondalık virgül, UTF-8 BOM",
    )
    p.add_argument(
        "--allow-unprotected",
        action="store_true",
        help="sınıf değerlendirmesinin gerektirdiği korumalar (Landlock, PID ad alanı) olmadan da "
        "çalış (öğrenci kodu paketi ve başka öğrencilerin dosyalarını okuyabilir)",
    )
    p = sub.add_parser(
        "doctor",
        parents=common,
        help="bu makinenin sunduğu ve öğrenci kodunun sürecinde etkin olan korumalar",
    )
    pack = sub.add_parser("pack", help="eğitmen araçları")
    pack_sub = pack.add_subparsers(
        dest="pack_command", metavar="KOMUT", parser_class=TurkishArgumentParser
    )
    p = pack_sub.add_parser("validate", parents=common, help="bir ders paketini denetle")
    p.add_argument("dir", metavar="KLASÖR")
    p.add_argument(
        "--fix-encoding",
        action="store_true",
        help="bozuk kodlanmış (mojibake) metni onar, Windows-1254 dosyaları UTF-8'e çevir",
    )
    p.add_argument(
        "--no-grading",
        action="store_true",
        help="yalnızca dosyaları denetle; çözümleri ve örnekleri çalıştırma",
    )
    p.add_argument(
        "--seeds",
        type=int,
        default=3,
        metavar="N",
        help="her örnek çözüm kaç tohumla değerlendirilsin (varsayılan: 3)",
    )
    p.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="aynı anda kaç değerlendirme"
    )
    p = pack_sub.add_parser("new", help="doğrulanan örnek bir ders paketi oluştur")
    p.add_argument("dir", metavar="KLASÖR")
    p = pack_sub.add_parser("build", help="paketin öğrenci sürümünü yaz (örnek çözümler olmadan)")
    p.add_argument("out", metavar="HEDEF", help="öğrenci sürümünün yazılacağı boş klasör")
    p.add_argument("--student", action="store_true", required=True, help="öğrenci sürümü (gerekli)")
    p.add_argument(
        "--pack", metavar="KLASÖR", default=None, help="tam paket (varsayılan: seçili paket)"
    )
    p = pack_sub.add_parser(
        "use", help="bir paketi seç; sonraki komutlar --pack olmadan onu kullanır"
    )
    p.add_argument("dir", nargs="?", metavar="KLASÖR", help="seçilecek paket")
    p.add_argument("--builtin", action="store_true", help="seçimi kaldır, yerleşik pakete dön")
    p.add_argument("--json", action="store_true", default=False, help="makine okunur çıktı")
    p = pack_sub.add_parser(
        "export", help="paketi Gradescope ya da GitHub Classroom için dışa aktar"
    )
    p.add_argument("--gradescope", metavar="ZIP", help="Gradescope değerlendiricisi (zip)")
    p.add_argument("--classroom", metavar="KLASÖR", help="GitHub Classroom şablon deposu")
    p.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="N",
        help="Gradescope'ta herkesin tohumu (varsayılan: rastgele)",
    )
    p.add_argument(
        "--pack", metavar="KLASÖR", default=None, help="tam paket (varsayılan: seçili paket)"
    )
    p = pack_sub.add_parser("schema", help="ders dosyalarının JSON şemasını yaz")
    p.add_argument(
        "out", nargs="?", default="-", metavar="KLASÖR", help="verilmezse şema ekrana yazılır"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _dispatch(parser, args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`tutor list --json | head`): nothing more to say, and no
        # traceback. Point stdout at /dev/null so that the exit flush cannot fail again.
        _silence_stdout()
        code = EXIT_OK
    except KeyboardInterrupt:
        print(M.CLI_INTERRUPTED, file=sys.stderr)
        code = 130
    except PackError as exc:
        lines = [M.CLI_INVALID_PACK.format(n=len(exc.faults))]
        lines += [f"  {fault}" for fault in exc.faults]
        code = _cannot_run(args, "pack", "\n".join(lines))
    except CannotGrade as exc:
        code = _cannot_run(args, exc.kind, f"tutor: {exc}")
    except UsageError as exc:
        code = _cannot_run(args, "usage", f"tutor: {exc}")
    return code


def _cannot_run(args: argparse.Namespace, kind: str, message: str) -> int:
    """Exit 2: said on stderr, and under --json also as one JSON object on stdout."""
    print(message, file=sys.stderr)
    if getattr(args, "json", False):
        text = message.removeprefix("tutor: ")
        print(json.dumps({"error": {"kind": kind, "message": text}}, ensure_ascii=False))
    return EXIT_USAGE


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _session(args) -> Session:
    return Session(args.pack, args.workspace)


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    command = args.command
    if command is None:
        return _open_app(args)
    if command == "pack":
        if args.pack_command == "validate":
            return cmd_validate(args)
        if args.pack_command == "schema":
            return cmd_schema(args)
        if args.pack_command == "new":
            return cmd_pack_new(args)
        if args.pack_command == "build":
            return cmd_pack_build(args)
        if args.pack_command == "use":
            return cmd_pack_use(args)
        if args.pack_command == "export":
            return cmd_pack_export(args)
        parser.parse_args(["pack", "--help"])
    handler = {
        "list": cmd_list,
        "show": cmd_show,
        "submit": cmd_submit,
        "hint": cmd_hint,
        "watch": cmd_watch,
        "progress": cmd_progress,
        "reset": cmd_reset,
        "grade": cmd_grade,
        "doctor": cmd_doctor,
    }[command]
    return handler(args)


def _console():
    from rich.console import Console

    return Console(highlight=False)


def _open_app(args) -> int:
    from tutor.app import run_app

    return run_app(pack=args.pack, workspace=args.workspace, device=args.device)


# --- commands ------------------------------------------------------------------------------------


def cmd_list(args) -> int:
    session = _session(args)
    rows = session.rows()
    if args.json:
        data = [
            {
                "id": r.exercise.id,
                "lesson": r.lesson.id,
                "title": r.exercise.title,
                "status": r.status,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    console = _console()
    marks = {"passed": "[green]✔[/]", "failing": "[red]✘[/]", "not_tried": "[dim]·[/]"}
    current = None
    for row in rows:
        if row.lesson is not current:
            current = row.lesson
            console.print(
                f"\n[bold]{M.CLI_LESSON_HEADER.format(number=row.lesson.number, title=row.lesson.title)}[/]"
            )
        console.print(
            f"  {marks[row.status]} {row.exercise.id:<24} {row.exercise.title}  [dim]({M.CLI_STATUS[row.status]})[/]"
        )
    return EXIT_OK


def cmd_show(args) -> int:
    session = _session(args)
    lesson, exercise = session.find(args.id)
    path = session.learner_file(args.id)
    if args.json:
        print(
            json.dumps(
                {
                    "id": exercise.id,
                    "lesson": lesson.id,
                    "title": exercise.title,
                    "file": str(path),
                    "signature": exercise.signature,
                    "statement": exercise.statement,
                    "example": exercise.example,
                    "status": session.progress.status(session.pack.id, exercise.id),
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    from rich.markdown import Markdown
    from rich.syntax import Syntax

    console = _console()
    console.print(
        f"[bold]{exercise.title}[/] [dim]({exercise.id}, {lesson.number}. {lesson.title})[/]\n"
    )
    console.print(Markdown(exercise.statement))
    console.print(f"\n[bold]{M.CLI_SHOW_SIGNATURE}[/]")
    console.print(Syntax(exercise.signature, "python", theme="ansi_dark", word_wrap=True))
    if exercise.example:
        console.print(f"\n[bold]{M.CLI_SHOW_EXAMPLE}[/]")
        console.print(
            Syntax(exercise.example.rstrip(), "python", theme="ansi_dark", word_wrap=True)
        )
    console.print("\n" + M.CLI_SHOW_FILE.format(path=path))
    console.print(M.CLI_SHOW_NEXT.format(id=exercise.id))
    return EXIT_OK


def cmd_submit(args) -> int:
    session = _session(args)
    console = None if args.json else _console()

    def on_event(event: dict) -> None:
        if console is not None and event.get("event") == "case" and console.is_terminal:
            console.print(
                f"[dim]  … {event['name']} ({event['index'] + 1}/{event['total']})[/]", end="\r"
            )

    verdict = session.submit(
        args.id, args.file, seed=args.seed, device=args.device, on_event=on_event
    )
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:
        render_verdict(console, verdict)
    return EXIT_OK if verdict.passed else EXIT_FAILED


def render_verdict(console, verdict: Verdict) -> None:
    from rich.markup import escape

    if verdict.output.strip():
        console.print("[dim]── kodunuzun çıktısı ──[/]")
        console.print(escape(verdict.output.rstrip()), style="dim")
    for check in verdict.checks:
        mark = "[green]✔[/]" if check.passed else "[red]✘[/]"
        console.print(f"{mark} {escape(check.name)}")
        # A check stopped by the verdict's error would only repeat it: say it once, below.
        repeats_error = verdict.error is not None and verdict.error.message in check.message
        if not check.passed and not repeats_error:
            console.print(f"    {escape(check.message)}")
    if verdict.error is not None:
        kind = M.ERROR_KIND_NAMES.get(verdict.error.kind, verdict.error.kind)
        line = M.VERDICT_ERROR_LINE.format(line=verdict.error.line) if verdict.error.line else ""
        console.print(
            "[red]"
            + escape(M.VERDICT_ERROR.format(kind=kind, message=verdict.error.message) + line)
            + "[/]"
        )
    state = f"[green]{M.VERDICT_PASSED}[/]" if verdict.passed else f"[red]{M.VERDICT_FAILED}[/]"
    console.print(
        M.VERDICT_SUMMARY.format(
            exercise=verdict.exercise,
            state=state,
            score=verdict.score,
            passed=sum(c.passed for c in verdict.checks),
            total=len(verdict.checks),
            duration=verdict.duration_s,
            device=verdict.device,
            seed=verdict.seed,
        )
    )
    if not verdict.passed:
        console.print(
            f"[dim]{M.VERDICT_REPLAY.format(exercise=verdict.exercise, seed=verdict.seed)}[/]"
        )


def cmd_hint(args) -> int:
    session = _session(args)
    _, exercise = session.find(args.id)
    level, text = session.next_hint(args.id)
    total = len(exercise.hints)
    if args.json:
        print(
            json.dumps(
                {"id": exercise.id, "level": level, "total": total, "hint": text},
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    from rich.markdown import Markdown

    console = _console()
    console.print(
        f"[bold]{M.CLI_HINT_HEADER.format(level=level, total=total, title=exercise.title)}[/]"
    )
    console.print(Markdown(text))
    console.print(
        "[dim]"
        + (
            M.CLI_HINT_LAST.format(id=exercise.id)
            if level >= total
            else M.CLI_HINT_MORE.format(id=exercise.id)
        )
        + "[/]"
    )
    return EXIT_OK


def cmd_reset(args) -> int:
    session = _session(args)
    path, backup = session.reset(args.id)
    if args.json:
        print(
            json.dumps(
                {"id": args.id, "file": str(path), "backup": str(backup) if backup else None},
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(M.CLI_RESET_DONE.format(id=args.id, path=path))
    print(M.CLI_RESET_BACKUP.format(backup=backup) if backup else M.CLI_RESET_NOTHING)
    return EXIT_OK


def cmd_progress(args) -> int:
    session = _session(args)
    rows = session.rows()
    lessons: list[dict[str, Any]] = []
    for item in session.pack.lessons:
        lesson = item.lesson
        mine = [r for r in rows if r.lesson is lesson]
        correct, answered = session.progress.quiz_score(session.pack.id, lesson.id)
        lessons.append(
            {
                "lesson": lesson.id,
                "number": lesson.number,
                "title": lesson.title,
                "passed": sum(r.status == "passed" for r in mine),
                "total": len(mine),
                "quiz_correct": correct,
                "quiz_total": len(lesson.quiz),
            }
        )
    nxt = session.next_exercise()
    if args.json:
        print(
            json.dumps(
                {"lessons": lessons, "next": nxt.exercise.id if nxt else None}, ensure_ascii=False
            )
        )
        return EXIT_OK
    for entry in lessons:
        quiz = (
            M.CLI_PROGRESS_QUIZ.format(score=entry["quiz_correct"], total=entry["quiz_total"])
            if entry["quiz_total"]
            else ""
        )
        print(
            M.CLI_PROGRESS_LESSON.format(
                number=entry["number"],
                title=entry["title"],
                passed=entry["passed"],
                total=entry["total"],
                quiz=quiz,
            )
        )
    print(
        M.CLI_PROGRESS_TOTAL.format(
            passed=sum(e["passed"] for e in lessons), total=sum(e["total"] for e in lessons)
        )
    )
    print(
        M.CLI_PROGRESS_NEXT.format(id=nxt.exercise.id, title=nxt.exercise.title)
        if nxt
        else M.CLI_PROGRESS_ALL_DONE
    )
    return EXIT_OK


def cmd_watch(args) -> int:
    session = _session(args)
    exercise_id = args.id or (
        session.next_exercise().exercise.id if session.next_exercise() else None
    )
    if exercise_id is None:
        print(M.CLI_WATCH_ALL_DONE)
        return EXIT_OK
    console = _console()
    session.warm_up()
    last = None
    while True:
        path = session.learner_file(exercise_id)
        console.print(f"[bold]{M.CLI_WATCH_WAITING.format(path=path)}[/]")
        while True:
            try:
                stamp = path.stat().st_mtime_ns, path.stat().st_size
            except FileNotFoundError:
                stamp = None
            if stamp != last:
                if last is not None:
                    console.print(f"[dim]{M.CLI_WATCH_CHANGED}[/]")
                last = stamp
                verdict = session.submit(exercise_id, seed=args.seed, device=args.device)
                render_verdict(console, verdict)
                if verdict.passed and args.id is None:
                    nxt = session.next_exercise()
                    if nxt is None:
                        console.print(M.CLI_WATCH_ALL_DONE)
                        return EXIT_OK
                    console.print(M.CLI_WATCH_NEXT.format(id=exercise_id, next=nxt.exercise.id))
                    exercise_id = nxt.exercise.id
                    last = None
                    break
            time.sleep(0.3)


def cmd_validate(args) -> int:
    from tutor.validate import fix_encoding, validate, validation_seeds
    from tutor.workspace import tutor_home

    root = Path(args.dir)
    if args.fix_encoding and root.is_dir():
        for path, backup, kind in fix_encoding(root):
            done = M.PACK_ENCODING_FIXED_1254 if kind == "windows-1254" else M.PACK_MOJIBAKE_FIXED
            print(done.format(file=path, backup=backup), file=sys.stderr)
    report = validate(
        root,
        tutor_home(),
        run_graders=not args.no_grading,
        progress=None if args.json else lambda text: print(text, file=sys.stderr),
        device=args.device,
        seeds=validation_seeds(args.seeds),
        jobs=args.jobs or _default_jobs(),
    )
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "faults": [
                    {
                        "file": f.file,
                        "line": f.line,
                        "exercise": f.exercise or None,
                        "message": f.message,
                    }
                    for f in report.faults
                ],
            }
        )
    elif report.ok:
        assert report.pack is not None
        done = M.CLI_VALIDATE_OK_STATIC if args.no_grading else M.CLI_VALIDATE_OK
        print(done.format(lessons=len(report.pack.lessons), exercises=len(report.pack.exercises)))
    else:
        print(M.CLI_VALIDATE_FAULTS.format(n=len(report.faults)))
        for fault in report.faults:
            print(f"  {fault}")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_doctor(args) -> int:
    from tutor.doctor import diagnose, render

    report = diagnose(_session(args))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console = _console()
        for line in render(report):
            console.print(line, markup=False, highlight=False)
    return EXIT_OK if not report.problems else EXIT_FAILED


def _default_jobs() -> int:
    """Grading jobs at once: the cores this process may use (at least 1)."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def print_json(data) -> None:
    """One JSON object on stdout, in full or not at all (a closed pipe is handled in main)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def cmd_grade(args) -> int:
    from tutor.batch import RunError, grade_class
    from tutor.reports import student_totals, write_reports
    from tutor.roster import RosterError, read_roster, students_from_folders
    from tutor.validate import validate
    from tutor.workspace import tutor_home

    session = _session(args)
    pack, home = session.pack, tutor_home()
    try:
        students = read_roster(Path(args.roster)) if args.roster else []
    except RosterError as exc:
        raise UsageError(str(exc)) from None
    for folder in args.dirs:
        if not Path(folder).is_dir():
            raise UsageError(M.GRADE_BATCH_NOT_A_DIR.format(path=folder))
    students += students_from_folders([Path(d) for d in args.dirs])
    if not students:
        raise UsageError(M.CLI_GRADE_NO_STUDENTS)
    # Every submission is an adversary here (TRUST.md): without the protections that keep a
    # student's code away from the pack and classmates' files, refuse unless told otherwise.
    from tutor.doctor import diagnose

    protection = diagnose(session)
    missing = protection.missing_for_class_grading()
    if protection.problems:
        raise CannotGrade("\n".join(protection.problems), kind="engine")
    if missing and not args.allow_unprotected:
        names = ", ".join(M.PROTECTION_NAMES.get(n, n) for n in missing)
        raise UsageError(M.DOCTOR_CLASS_MISSING.format(names=names))
    if len({s.id for s in students}) != len(students):
        raise UsageError(M.CLI_GRADE_DUPLICATE_IDS)

    class PackRefused(Exception):
        def __init__(self, faults):
            self.faults = faults

    def check_pack(exercises, seed: int) -> None:
        if not args.json:
            print(M.CLI_GRADE_VALIDATING.format(n=len(exercises), seed=seed), file=sys.stderr)
        report = validate(
            pack.root,
            home,
            device=args.device,
            seeds=[seed],
            check_wrong=False,
            run_examples=False,
            jobs=args.jobs or _default_jobs(),
            exercises={ex.id for ex in exercises},
        )
        if not report.ok:
            raise PackRefused(report.faults)

    bar = _ProgressBar(enabled=not args.json and sys.stderr.isatty())
    try:
        result = grade_class(
            pack,
            home,
            students,
            Path(args.out),
            seed=args.seed,
            device=args.device,
            jobs=args.jobs or _default_jobs(),
            resume=args.resume,
            only_students=args.student,
            only_exercises=args.exercise,
            on_progress=bar.update,
            before_grading=check_pack,
        )
    except RunError as exc:
        raise UsageError(str(exc)) from None
    except PackRefused as refused:
        bar.close()
        if args.json:
            message = "\n".join(str(f) for f in refused.faults)
            print_json({"error": {"kind": "pack", "message": message}})
        else:
            print(M.CLI_GRADE_PACK_BROKEN.format(n=len(refused.faults)), file=sys.stderr)
            for fault in refused.faults:
                print(f"  {fault}", file=sys.stderr)
        return EXIT_USAGE
    bar.close()
    paths = write_reports(result, Path(args.out), excel=args.excel)
    faults = result.pack_faults
    if args.json:
        from tutor.reports import report_json

        print_json(report_json(result))
    else:
        for student in result.students:
            totals = student_totals(result, student)
            print(
                M.CLI_GRADE_ROW_POINTS.format(
                    id=student.id,
                    name=student.name,
                    points=totals["points"],
                    max=totals["max_points"],
                    percent=totals["percent"],
                    passed=totals["passed"],
                    total=totals["total"],
                    missing=totals["missing"],
                )
            )
        if faults:
            print(M.CLI_GRADE_PACK_FAULTS, file=sys.stderr)
            for exercise_id, fault in faults.items():
                print(f"  {exercise_id}: {fault.get('message', '')}", file=sys.stderr)
        if result.unfinished:
            print(M.CLI_GRADE_UNFINISHED.format(n=result.unfinished), file=sys.stderr)
        print(M.CLI_GRADE_SEED.format(seed=result.seed))
        print(M.CLI_GRADE_WRITTEN.format(paths=", ".join(map(str, paths))))
    return EXIT_USAGE if faults or result.unfinished else EXIT_OK


class _ProgressBar:
    """One line on the terminal, redrawn as each result comes: how far, how fast, who."""

    WIDTH = 24

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.started = time.monotonic()
        self.drawn = False

    def update(self, done: int, total: int, entry) -> None:
        if not self.enabled or total == 0:
            return
        filled = round(self.WIDTH * done / total)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        line = M.CLI_GRADE_BAR.format(
            bar="█" * filled + "░" * (self.WIDTH - filled),
            done=done,
            total=total,
            rate=rate,
            student=f"{entry.student} ({entry.exercise})",
        )
        sys.stderr.write("\r" + line[:120].ljust(120))
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\r" + " " * 120 + "\r")
            sys.stderr.flush()
            self.drawn = False


def cmd_pack_new(args) -> int:
    from tutor.pack.scaffold import ScaffoldError, new_pack

    target = Path(args.dir)
    try:
        files = new_pack(target)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    print(M.CLI_PACK_NEW_DONE.format(path=target, n=len(files)))
    print(M.CLI_PACK_NEW_NEXT.format(path=target))
    return EXIT_OK


def cmd_pack_build(args) -> int:
    from tutor.pack.choice import chosen_pack_dir
    from tutor.pack.edition import EditionError, build_student_edition

    source = Path(args.pack) if args.pack else chosen_pack_dir()[0]
    out = Path(args.out)
    try:
        files = build_student_edition(source, out)
    except EditionError as exc:
        raise UsageError(str(exc)) from None
    print(M.CLI_EDITION_DONE.format(path=out, n=len(files)))
    print(M.CLI_EDITION_NEXT.format(path=out))
    return EXIT_OK


def cmd_pack_use(args) -> int:
    from tutor.pack.choice import chosen_pack_dir, forget_pack, remember_pack
    from tutor.pack.loader import builtin_pack_dir

    if args.builtin:
        forget_pack()
        if not args.json:
            print(M.CLI_PACK_USE_BUILTIN.format(path=builtin_pack_dir()))
    elif args.dir:
        pack = remember_pack(Path(args.dir))
        if not args.json:
            print(M.CLI_PACK_USE_DONE.format(title=pack.manifest.title, id=pack.id, path=pack.root))
    folder, source = chosen_pack_dir()
    if args.json:
        print_json({"pack": str(folder), "source": source})
    elif not args.dir and not args.builtin:
        print(M.CLI_PACK_USE_SHOW.format(path=folder, source=M.CLI_PACK_SOURCES[source]))
    return EXIT_OK


def cmd_pack_export(args) -> int:
    from tutor.pack.choice import chosen_pack_dir
    from tutor.validate import validate
    from tutor.workspace import tutor_home

    if not args.gradescope and not args.classroom:
        raise UsageError(M.CLI_EXPORT_WHICH)
    source = Path(args.pack) if args.pack else chosen_pack_dir()[0]
    report = validate(source, tutor_home(), run_graders=False)
    if not report.ok:
        print(M.CLI_EXPORT_BROKEN, file=sys.stderr)
        for fault in report.faults:
            print(f"  {fault}", file=sys.stderr)
        return EXIT_USAGE
    if args.gradescope:
        import json as _json
        import zipfile

        from tutor.export.gradescope import SETTINGS, build_autograder

        path = build_autograder(source, Path(args.gradescope), seed=args.seed)
        with zipfile.ZipFile(path) as archive:
            seed = _json.loads(archive.read(SETTINGS))["seed"]
        print(M.CLI_EXPORT_GRADESCOPE_DONE.format(path=path, seed=seed))
    if args.classroom:
        from tutor.export.classroom import ExportError, build_template

        try:
            files = build_template(source, Path(args.classroom))
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        print(M.CLI_EXPORT_CLASSROOM_DONE.format(path=args.classroom, n=len(files)))
    return EXIT_OK


def cmd_schema(args) -> int:
    from tutor.pack.schema import write_schemas

    for path in write_schemas(None if args.out == "-" else Path(args.out)):
        print(M.CLI_SCHEMA_WRITTEN.format(path=path), file=sys.stderr)
    return EXIT_OK
