"""The `tutor` command line: a thin face over `tutor.session`.

Exit codes (CONTRACT.md): 0 passed or done, 1 failed grading or validation found faults,
2 the command could not run. torch is never imported here: grading happens in the worker.
Everything a person reads is Turkish, argparse's own words included; output follows the
terminal's width, and is not wrapped at all when it goes to a pipe or a file.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import re
import shlex
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tutor import messages as M
from tutor import verdict_text as T
from tutor.display import fit_signature, shell_lines, signature_lines
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.numbers import decimal
from tutor.pack.loader import PackError
from tutor.session import Session, UsageError, file_sha256

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# `tutor watch`: a save is reported once no new event came for STEP_MS (at most DEBOUNCE_MS).
WATCH_STEP_MS = 30
WATCH_DEBOUNCE_MS = 80


# --- argparse, in Turkish ------------------------------------------------------------------------


@contextlib.contextmanager
def turkish_argparse() -> Iterator[None]:
    """argparse looks up its own words through gettext at the moment it uses them; while the
    CLI builds and runs its parser, it finds them in Turkish."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(text: str) -> str:
        return M.CLI_ARGPARSE.get(text, text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _int(text: str) -> int:
    return int(text)


_int.__name__ = M.CLI_ARGPARSE_INT  # argparse names the expected type by its __name__


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs keep their lines (exit codes are a table); the rest wraps to
    the terminal's width as argparse does."""


class TurkishArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(M.CLI_ARGPARSE_PREFIX + message + _suggestion(message) + "\n")
        if "--json" in sys.argv[1:]:
            print(json.dumps({"error": {"kind": "usage", "message": message}}, ensure_ascii=False))
        sys.exit(EXIT_USAGE)


_INVALID_CHOICE = re.compile(r"'(?P<value>[^']*)' \([^:]*: (?P<choices>.*)\)$")


def _suggestion(message: str) -> str:
    """For a mistyped command or choice, the closest one ("tutor lst" → list)."""
    match = _INVALID_CHOICE.search(message)
    if not match:
        return ""
    choices = re.findall(r"'([^']*)'", match["choices"])
    close = difflib.get_close_matches(match["value"], choices, n=1, cutoff=0.6)
    return M.CLI_DID_YOU_MEAN.format(what=close[0]) if close else ""


def _sentence(text: str) -> str:
    """A help line as a sentence, for the top of a command's own help."""
    from tutor.textfold import turkish_upper

    return turkish_upper(text[:1]) + text[1:] + "."


# Options and the commands where each does something. The top level takes them all (so that
# `tutor --json list` works) but lists only those that matter to the app.
_OPTION_SPECS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "pack": (("--pack",), {"metavar": "KLASÖR"}),
    "workspace": (("--workspace",), {"metavar": "KLASÖR"}),
    "device": (("--device",), {"choices": ("cpu", "cuda", "auto")}),
    "json": (("--json",), {"action": "store_true"}),
    "seed": (("--seed",), {"type": _int, "metavar": "N"}),
    "fresh": (("--fresh",), {"action": "store_true"}),
    "verbose": (("-v", "--verbose"), {"action": "store_true"}),
    "solution": (("--solution",), {"action": "store_true"}),
}
_DEFAULTS: dict[str, Any] = {
    "pack": None,
    "workspace": None,
    "device": "auto",
    "json": False,
    "seed": None,
    "fresh": False,
    "verbose": False,
    "solution": False,
}


# CONTRACT.md: every command accepts these (a script may pass them all); each command's help
# lists only those that change what it does.
_COMMON = ("pack", "workspace", "device", "json", "seed")


def _add_options(
    parser: argparse.ArgumentParser,
    names: tuple[str, ...],
    *,
    top: bool,
    helps: dict[str, str] | None = None,
) -> None:
    """`helps` words an option for one command where the common wording would mislead."""
    extra = tuple(n for n in names if n not in _COMMON)
    for name in (*_COMMON, *extra):
        flags, spec = _OPTION_SPECS[name]
        shown = name in ("pack", "workspace", "device") if top else name in names
        text = (helps or {}).get(name, M.CLI_HELP[name])
        parser.add_argument(
            *flags,
            dest=name,
            default=_DEFAULTS[name] if top else argparse.SUPPRESS,
            help=text if shown else argparse.SUPPRESS,
            **spec,
        )


def build_parser() -> argparse.ArgumentParser:
    with turkish_argparse():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    parser = TurkishArgumentParser(prog="tutor", description=M.CLI_DESCRIPTION, epilog=M.CLI_EPILOG)
    _add_options(parser, _COMMON, top=True)
    parser.set_defaults(**_DEFAULTS)  # what a command without an option reads
    sub = parser.add_subparsers(
        dest="command",
        metavar="KOMUT",
        title=M.CLI_COMMANDS_TITLE,
        parser_class=TurkishArgumentParser,
    )

    def command(
        name: str,
        options: tuple[str, ...],
        text: str = "",
        helps: dict[str, str] | None = None,
        **kwargs,
    ) -> argparse.ArgumentParser:
        text = text or M.CLI_HELP[name]
        p = sub.add_parser(name, help=text, description=_sentence(text), **kwargs)
        _add_options(p, options, top=False, helps=helps)
        return p

    command("list", ("pack", "json"))
    p = command("show", ("pack", "workspace", "json"))
    p.add_argument("id", metavar="KİMLİK", help=M.CLI_HELP["show_id"])
    p = command(
        "submit",
        ("pack", "workspace", "device", "json", "seed", "fresh", "verbose"),
        epilog=M.CLI_SUBMIT_EPILOG,
    )
    p.add_argument("id", metavar="KİMLİK", help=M.CLI_HELP["id"])
    p.add_argument("file", nargs="?", metavar="DOSYA", help=M.CLI_HELP["file"])
    p = command("hint", ("pack", "json", "solution"))
    p.add_argument("id", metavar="KİMLİK", help=M.CLI_HELP["id"])
    p = command("watch", ("pack", "workspace", "device", "seed", "verbose"))
    p.add_argument("id", nargs="?", metavar="KİMLİK", help=M.CLI_HELP["watch_id"])
    command("progress", ("pack", "json"))
    p = command("reset", ("pack", "workspace", "json"))
    p.add_argument("id", metavar="KİMLİK", help=M.CLI_HELP["id"])
    p = command(
        "grade", ("pack", "device", "json", "seed"), helps={"seed": M.CLI_HELP["grade_seed"]}
    )
    p.add_argument("dirs", nargs="*", metavar="KLASÖR", help=M.CLI_HELP["grade_dirs"])
    p.add_argument("--roster", metavar="CSV", help=M.CLI_HELP["grade_roster"])
    p.add_argument(
        "--out", default="tutor-sonuclar", metavar="KLASÖR", help=M.CLI_HELP["grade_out"]
    )
    p.add_argument("--jobs", type=_int, default=None, metavar="N", help=M.CLI_HELP["grade_jobs"])
    p.add_argument("--resume", action="store_true", help=M.CLI_HELP["grade_resume"])
    p.add_argument("--student", action="append", metavar="NO", help=M.CLI_HELP["grade_student"])
    p.add_argument(
        "--exercise", action="append", metavar="KİMLİK", help=M.CLI_HELP["grade_exercise"]
    )
    p.add_argument("--excel", action="store_true", help=M.CLI_HELP["grade_excel"])
    p.add_argument(
        "--allow-unprotected", action="store_true", help=M.CLI_HELP["grade_allow_unprotected"]
    )
    command("doctor", ("json",))
    pack = command("pack", (), M.CLI_HELP["pack_tools"])
    pack_sub = pack.add_subparsers(
        dest="pack_command",
        metavar="KOMUT",
        title=M.CLI_COMMANDS_TITLE,
        parser_class=TurkishArgumentParser,
    )

    def pack_command(
        name: str, options: tuple[str, ...], helps: dict[str, str] | None = None
    ) -> argparse.ArgumentParser:
        p = pack_sub.add_parser(
            name, help=M.CLI_HELP[name], description=_sentence(M.CLI_HELP[name])
        )
        _add_options(p, options, top=False, helps=helps)
        return p

    p = pack_command("validate", ("device", "json"))
    p.add_argument("dir", metavar="KLASÖR", help=M.CLI_HELP["validate_dir"])
    p.add_argument("--fix-encoding", action="store_true", help=M.CLI_HELP["fix_encoding"])
    p.add_argument("--no-grading", action="store_true", help=M.CLI_HELP["no_grading"])
    p.add_argument("--seeds", type=_int, default=3, metavar="N", help=M.CLI_HELP["seeds"])
    p.add_argument("--jobs", type=_int, default=None, metavar="N", help=M.CLI_HELP["grade_jobs"])
    p = pack_command("new", ())
    p.add_argument("dir", metavar="KLASÖR", help=M.CLI_HELP["new_dir"])
    p = pack_command("build", ("pack",), helps={"pack": M.CLI_HELP["full_pack"]})
    p.add_argument("out", metavar="HEDEF", help=M.CLI_HELP["build_out"])
    p.add_argument(
        "--student", action="store_true", required=True, help=M.CLI_HELP["build_student"]
    )
    p = pack_command("use", ("json",))
    p.add_argument("dir", nargs="?", metavar="KLASÖR", help=M.CLI_HELP["use_dir"])
    p.add_argument("--builtin", action="store_true", help=M.CLI_HELP["use_builtin"])
    p = pack_command("export", ("pack", "seed"), helps={"seed": M.CLI_HELP["export_seed"]})
    p.add_argument("--gradescope", metavar="ZIP", help=M.CLI_HELP["export_gradescope"])
    p.add_argument("--classroom", metavar="KLASÖR", help=M.CLI_HELP["export_classroom"])
    p = pack_command("schema", ())
    p.add_argument("out", nargs="?", default="-", metavar="KLASÖR", help=M.CLI_HELP["schema_out"])
    return parser


# --- running a command ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    with turkish_argparse():
        parser = _build_parser()
        args = parser.parse_args(argv)
        if args.command == "pack" and args.pack_command is None:
            parser.parse_args(["pack", "--help"])
    try:
        code = _dispatch(args)
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
    except Exception as exc:  # a fault of tutor itself: say so, and what to do
        message = M.CLI_INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}")
        log = _log_internal_error()
        if log is not None:
            message += "\n" + M.CLI_INTERNAL_ERROR_LOG.format(path=log)
        code = _cannot_run(args, "engine", message)
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


def _log_internal_error() -> Path | None:
    from tutor.workspace import tutor_home

    try:
        path = tutor_home() / "hatalar.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(sys.argv)}\n")
            log.write(traceback.format_exc())
        return path
    except OSError:
        return None


def _session(args) -> Session:
    return Session(args.pack, args.workspace)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command is None:
        return _open_app(args)
    if command == "pack":
        return {
            "validate": cmd_validate,
            "schema": cmd_schema,
            "new": cmd_pack_new,
            "build": cmd_pack_build,
            "use": cmd_pack_use,
            "export": cmd_pack_export,
        }[args.pack_command](args)
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

    console = Console(highlight=False)
    # Into a pipe or a file: no hard line breaks; whoever reads it wraps it.
    console.soft_wrap = not console.is_terminal
    return console


def _indented(console, text: str, *, indent: int = 4, style: str = "") -> None:
    """A paragraph under a heading line: wrapped lines keep the indent."""
    from rich.padding import Padding
    from rich.text import Text

    if console.is_terminal:
        console.print(Padding(Text(text, style=style), (0, 0, 0, indent)))
    else:
        console.print(Text(" " * indent + text, style=style))


def _open_app(args) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        print(M.CLI_NOT_A_TERMINAL, file=sys.stderr)
        return EXIT_USAGE
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


def _print_code(console, code: str) -> None:
    if not console.is_terminal:
        console.print(code.rstrip(), markup=False)
        return
    from rich.syntax import Syntax

    console.print(Syntax(code.rstrip(), "python", theme="ansi_dark"))


def _print_markdown(console, text: str) -> None:
    if not console.is_terminal:  # Markdown reads well as it is; Rich would wrap it at 80
        console.print(text.rstrip(), markup=False)
        return
    from rich.markdown import Markdown

    console.print(Markdown(text, code_theme="ansi_dark"))


def cmd_show(args) -> int:
    session = _session(args)
    lesson = session.find_lesson(args.id)
    if lesson is not None and args.id not in session.pack.exercises:
        return _show_lesson(session, lesson, args)
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
    from rich.markup import escape

    console = _console()
    console.print(
        f"[bold]{escape(exercise.title)}[/] [dim]({exercise.id}, {lesson.number}. {escape(lesson.title)})[/]\n"
    )
    _print_markdown(console, exercise.statement)
    console.print(f"\n[bold]{M.CLI_SHOW_SIGNATURE}[/]")
    signature = signature_lines(exercise.signature)
    if console.is_terminal:
        signature = fit_signature(signature, console.width - 2)
    _print_code(console, signature)
    if exercise.example:
        console.print(f"\n[bold]{M.CLI_SHOW_EXAMPLE}[/]")
        _print_code(console, exercise.example)
    console.print("\n" + escape(M.CLI_SHOW_FILE.format(path=path)))
    console.print(escape(M.CLI_SHOW_NEXT.format(id=exercise.id)))
    return EXIT_OK


def _show_lesson(session: Session, lesson, args) -> int:
    """`tutor show LESSON`: the lesson's text, for reading it again in the terminal."""
    statuses = session.progress.statuses(session.pack.id)
    exercises = [
        {
            "id": e.id,
            "title": e.title,
            "status": statuses[e.id].status if e.id in statuses else "not_tried",
        }
        for e in lesson.exercises
    ]
    if args.json:
        data = {
            "lesson": lesson.id,
            "number": lesson.number,
            "title": lesson.title,
            "summary": lesson.summary,
            "sections": [
                {
                    "title": s.title,
                    "body": s.body,
                    "examples": [
                        {"title": e.title, "code": e.code, "output": e.output} for e in s.examples
                    ],
                }
                for s in lesson.sections
            ],
            "exercises": exercises,
        }
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    from rich.markup import escape

    console = _console()
    console.print(
        f"[bold]{escape(M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title))}[/]"
    )
    _print_markdown(console, lesson.summary)
    for number, section in enumerate(lesson.sections, start=1):
        console.print(f"\n[bold]{number}. {escape(section.title)}[/]")
        _print_markdown(console, section.body)
        for example in section.examples:
            if example.title:
                console.print(f"\n[dim]{escape(example.title)}[/]")
            _print_code(console, example.code)
            if example.output.strip():
                console.print(f"[dim]{M.CLI_SHOW_LESSON_OUTPUT}[/]")
                console.print(example.output.rstrip(), markup=False, style="dim")
    if exercises:
        console.print(f"\n[bold]{M.CLI_SHOW_LESSON_EXERCISES}[/]")
        for row in exercises:
            console.print(
                f"  {row['id']:<24} {escape(row['title'])}  [dim]({M.CLI_STATUS[row['status']]})[/]"
            )
    if lesson.quiz or lesson.pre_quiz:
        console.print(f"\n[dim]{M.CLI_SHOW_LESSON_QUIZ}[/]")
    return EXIT_OK


def cmd_submit(args) -> int:
    session = _session(args)
    console = None if args.json else _console()

    case_line = [""]

    def on_event(event: dict) -> None:
        if console is None or not console.is_terminal:
            return
        if event.get("event") == "case":
            case_line[0] = f"  … {event['name']} ({event['index'] + 1}/{event['total']})"
            progress = case_line[0]
        elif event.get("event") == "progress":  # a training case's epochs or steps
            progress = case_line[0] + T.training_progress(event)
        else:
            return
            # Each line overwrites the one before, so it is padded to the full width.
            console.print(
                progress[: console.width - 1].ljust(console.width - 1),
                style="dim",
                markup=False,
                end="\r",
                no_wrap=True,
            )

    verdict = session.submit(
        args.id,
        args.file,
        seed=args.seed,
        fresh=args.fresh,
        device=args.device,
        on_event=on_event,
    )
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:
        if console is not None and console.is_terminal:
            console.print(" " * (console.width - 1), end="\r")  # clear the progress line
        file = args.file or session.learner_file(args.id)
        render_verdict(
            console,
            verdict,
            replay_parts=session.replay_parts(verdict, file),
            verbose=args.verbose,
            replayed=args.seed is not None,
        )
    return EXIT_OK if verdict.passed else EXIT_FAILED


def render_verdict(
    console,
    verdict: Verdict,
    *,
    replay_parts: list[list[str]] | None = None,
    verbose: bool = False,
    replayed: bool = False,
) -> None:
    """A verdict for a person: the same grouping and words as the app's results panel."""
    from rich.markup import escape
    from rich.text import Text

    if verdict.output.strip():
        console.print(f"[dim]── {M.VERDICT_OUTPUT} ──[/]")
        console.print(verdict.output.rstrip(), style="dim", markup=False)
    groups = T.group_checks(verdict)
    if groups.first_failure is not None:
        console.print(f"[red]✘[/] {escape(groups.first_failure.name)}")
        _indented(console, groups.first_failure.message)
    for check in groups.other_failures:
        if verbose:
            console.print(f"[red]✘[/] {escape(check.name)}")
            _indented(console, check.message)
        else:
            line = Text.assemble(
                ("✘ ", "red"), check.name, (" — " + T.first_line(check.message), "dim")
            )
            if console.is_terminal:  # one line each, as the app shows them
                console.print(line, no_wrap=True, overflow="ellipsis")
            else:
                console.print(line)
    if groups.blocked:
        console.print(T.blocked_line(groups.blocked), style="dim", markup=False)
    if groups.passed:
        console.print(Text.assemble(("✔ ", "green"), (T.passed_line(groups.passed), "dim")))
    for check in verdict.checks:  # a training run's loss curve, beside the reference run's
        curve = T.curve_lines(check, width=max(16, min(60, console.width - 18)))
        if curve:
            console.print(f"{check.name}: {curve[0]}", style="dim", markup=False)
            for line in curve[1:]:
                _indented(console, line, indent=2)
    if verdict.error is not None:
        console.print(T.error_text(verdict.error), style="red", markup=False)
    state_style = "bold green" if verdict.passed else "bold red"
    console.print(
        Text.assemble(
            (f"{verdict.exercise}: ", "bold"),
            (T.headline(verdict), state_style),
            (" · " + T.details(verdict), "dim"),
        )
    )
    if groups.other_failures and not verbose:
        console.print(
            M.VERDICT_MORE_FAILURES.format(n=len(groups.other_failures)),
            style="dim",
            markup=False,
        )
    if replayed and verdict.passed:
        console.print(M.VERDICT_REPLAY_NOT_RECORDED, style="yellow", markup=False)
    if not verdict.passed and replay_parts:
        line = M.VERDICT_REPLAY.format(command=" ".join(shlex.join(p) for p in replay_parts))
        if console.is_terminal and len(line) > console.width:
            # Over lines that break only between its parts: still one command to copy.
            console.print(M.VERDICT_REPLAY.format(command="").rstrip(), style="dim", markup=False)
            _indented(console, shell_lines(replay_parts), indent=2, style="dim")
        else:
            console.print(line, style="dim", markup=False)


def cmd_hint(args) -> int:
    session = _session(args)
    lesson, exercise = session.find(args.id)
    if args.solution:
        return _show_solution(session, exercise, args)
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
    from rich.markup import escape

    console = _console()
    console.print(
        f"[bold]{escape(M.CLI_HINT_HEADER.format(level=level, total=total, title=exercise.title))}[/]"
    )
    _print_markdown(console, text)
    after = (
        M.CLI_HINT_LAST.format(id=exercise.id, lesson=lesson.id)
        if level >= total
        else M.CLI_HINT_MORE.format(id=exercise.id)
    )
    console.print(after, style="dim", markup=False)
    return EXIT_OK


def _show_solution(session: Session, exercise, args) -> int:
    code = session.show_solution(exercise.id)
    if args.json:
        print(json.dumps({"id": exercise.id, "solution": code}, ensure_ascii=False))
        return EXIT_OK
    console = _console()
    console.print(M.CLI_SOLUTION_HEADER.format(title=exercise.title), style="bold", markup=False)
    _print_code(console, code)
    console.print(M.CLI_SOLUTION_RECORDED, style="dim", markup=False)
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
    seen = session.progress.solutions_shown(session.pack.id)
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
                "quiz_answered": answered,
                "quiz_total": len(lesson.quiz),
                "solutions_shown": [r.exercise.id for r in mine if r.exercise.id in seen],
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
        quiz = ""
        if entry["quiz_total"]:
            score = (
                M.APP_QUIZ_SCORE.format(correct=entry["quiz_correct"], total=entry["quiz_total"])
                if entry["quiz_answered"]
                else M.APP_QUIZ_NOT_TAKEN.format(total=entry["quiz_total"])
            )
            quiz = M.CLI_PROGRESS_QUIZ.format(score=score)
        if entry["solutions_shown"]:
            quiz += M.CLI_PROGRESS_SOLUTIONS.format(ids=", ".join(entry["solutions_shown"]))
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
    """Grade on every save, as rustlings does; without an id, go on to the next exercise
    after a pass, and wait for its first save rather than grade its untouched starter."""
    import watchfiles  # only here: the other commands never pay for it

    session = _session(args)
    follow = args.id is None
    if follow:
        nxt = session.next_exercise()
        if nxt is None:
            print(M.CLI_WATCH_ALL_DONE)
            return EXIT_OK
        exercise_id = nxt.exercise.id
    else:
        exercise_id = session.find(args.id)[1].id
    console = _console()
    session.warm_up()
    while True:
        _, exercise = session.find(exercise_id)
        path = session.learner_file(exercise_id).resolve()
        console.print(
            M.CLI_WATCH_WAITING.format(id=exercise.id, title=exercise.title),
            style="bold",
            markup=False,
        )
        console.print(M.CLI_WATCH_FILE.format(path=path), markup=False)
        seen = file_sha256(path)
        passed = False
        if session.is_untouched_starter(exercise_id):
            console.print(M.CLI_WATCH_STARTER.format(id=exercise.id), style="dim", markup=False)
        else:
            passed = _watch_grade(session, console, exercise_id, path, args)
            if passed and not follow:
                _say_next_by_id(session, console, exercise_id)
        if not (passed and follow):
            # One watcher for the whole exercise: saves made while a grading runs are kept
            # by it and reported at the next turn.
            for changes in watchfiles.watch(
                path.parent, recursive=False, step=WATCH_STEP_MS, debounce=WATCH_DEBOUNCE_MS
            ):
                sha = file_sha256(path)
                if not any(Path(p) == path for _, p in changes) or sha in (None, seen):
                    continue
                seen = sha
                console.print(M.CLI_WATCH_CHANGED, style="dim", markup=False)
                passed = _watch_grade(session, console, exercise_id, path, args)
                if passed and follow:
                    break
                if passed:
                    _say_next_by_id(session, console, exercise_id)
        nxt = session.exercise_after(exercise_id)
        if nxt is None:
            console.print(M.CLI_WATCH_ALL_DONE, markup=False)
            return EXIT_OK
        console.print(M.CLI_WATCH_NEXT.format(id=exercise_id, next=nxt.exercise.id), markup=False)
        exercise_id = nxt.exercise.id


def _say_next_by_id(session: Session, console, exercise_id: str) -> None:
    """`tutor watch ID` stays on its exercise after a pass; it says where to go on."""
    nxt = session.exercise_after(exercise_id)
    if nxt is not None:
        console.print(
            M.CLI_WATCH_NEXT_BY_ID.format(id=exercise_id, next=nxt.exercise.id),
            style="dim",
            markup=False,
        )


def _watch_grade(session: Session, console, exercise_id: str, path: Path, args) -> bool:
    """Grade once for `tutor watch`; a file that cannot be graded is said, and watch goes on."""
    try:
        verdict = session.submit(exercise_id, path, seed=args.seed, device=args.device)
    except (UsageError, CannotGrade) as exc:
        console.print(f"tutor: {exc}", style="red", markup=False)
        return False
    render_verdict(
        console,
        verdict,
        replay_parts=session.replay_parts(verdict, path),
        verbose=args.verbose,
        replayed=args.seed is not None,
    )
    return verdict.passed and args.seed is None


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
                "skipped_wrong": report.skipped_wrong,
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
    if not args.json:
        for needs, files in sorted(report.skipped_wrong.items()):
            shown = ", ".join(files)
            print(
                M.VALIDATE_WRONG_SKIPPED_DEVICE.format(
                    n=len(files), device=needs, files=shown, dir=shlex.quote(args.dir)
                )
            )
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
    from tutor.roster import RosterError, check_folders, read_roster, students_from_folders
    from tutor.validate import validate
    from tutor.workspace import tutor_home

    session = _session(args)
    pack, home = session.pack, tutor_home()
    students = []
    try:
        if args.roster:
            students = read_roster(Path(args.roster))
            for warning in check_folders(students, Path(args.roster)):
                print(warning, file=sys.stderr)
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
            rate=decimal(rate, 1),
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
