"""Load a lesson pack: one loader for the app, the CLI and the validator.

Every fault is collected as `file:line: message` (in Turkish) and reported together.
YAML is read with the safe loader only; no path in a pack may point outside it. Every
command and the app load the pack, so loading is bounded: file sizes, nesting and what YAML
aliases expand to are limited, and a file over a limit is a fault, never a hang.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor import messages as M
from tutor.pack import model, parsecache
from tutor.pack.encoding import NotUtf8, decode_utf8, decode_windows_1254, find_mojibake
from tutor.pack.typecheck import Path as DataPath
from tutor.pack.typecheck import build

yaml: Any = None  # PyYAML once `_yaml()` has run


def _yaml():
    """PyYAML, imported on the first file that is not in the parse cache (`parsecache`): a
    command on an unchanged pack never needs it (20 ms)."""
    global yaml
    import yaml

    return yaml


def _safe_loader() -> type:
    # libyaml is several times faster; the pure-Python safe loader is the fallback.
    return getattr(_yaml(), "CSafeLoader", None) or _yaml().SafeLoader


MANIFEST = "pack.yaml"

# Limits on what a pack file may be (the largest built-in lesson is under 100 KB and 700 nodes).
MAX_FILE_BYTES = 1024 * 1024
MAX_YAML_NODES = 20_000  # after expanding aliases
MAX_YAML_DEPTH = 32


@dataclass(frozen=True, order=True)
class Fault:
    file: str
    line: int
    message: str
    exercise: str = ""  # the exercise the fault belongs to, where there is one

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        about = f"[{self.exercise}] " if self.exercise else ""
        return f"{where}: {about}{self.message}"


class PackError(Exception):
    """The pack could not be loaded; `faults` lists every problem found."""

    def __init__(self, faults: list[Fault]):
        super().__init__("\n".join(map(str, faults)))
        self.faults = sorted(set(faults))


@dataclass
class LoadedLesson:
    lesson: model.Lesson
    file: Path
    shown: str = ""  # the file as faults name it (relative to the pack)
    lines: dict[DataPath, int] = field(default_factory=dict, repr=False)


@dataclass
class Pack:
    root: Path
    manifest: model.Manifest
    lessons: list[LoadedLesson]
    exercises: dict[str, tuple[model.Lesson, model.Exercise]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def is_student_edition(self) -> bool:
        return self.manifest.edition == model.STUDENT_EDITION

    def path(self, relative: str) -> Path:
        return self.root / relative

    def exercise(self, exercise_id: str) -> tuple[model.Lesson, model.Exercise]:
        return self.exercises[exercise_id]

    def ordered_exercises(self) -> list[tuple[model.Lesson, model.Exercise]]:
        return [(item.lesson, ex) for item in self.lessons for ex in item.lesson.exercises]


def builtin_pack_dir() -> Path:
    """The pack shipped with tutor: inside the package when installed, else the repo root."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_builtin"
    if (installed / MANIFEST).is_file():
        return installed
    return package.parent


def load_pack(root: Path | str) -> Pack:
    pack, faults = collect_pack(root)
    if faults:
        raise PackError(faults)
    assert pack is not None
    return pack


def collect_pack(root: Path | str, *, salvage: bool = False) -> tuple[Pack | None, list[Fault]]:
    """Load what can be loaded and every fault found; `load_pack` refuses any fault.

    With `salvage`, a lesson with faults still contributes the exercises whose own entries
    are valid, so that the validator can go on to grade them in the same run.
    """
    root = Path(root)
    if not root.is_dir():
        return None, [Fault(str(root), 0, M.PACK_NOT_A_DIR.format(path=root))]
    root = root.resolve()
    faults: list[Fault] = []
    manifest_file = root / MANIFEST
    if not manifest_file.is_file():
        return None, [Fault(str(manifest_file), 0, M.PACK_NO_MANIFEST)]
    manifest, _, _ = _load_model(manifest_file, model.Manifest, root, faults)
    if manifest is None:
        return None, faults
    student = manifest.edition == model.STUDENT_EDITION
    lessons: list[LoadedLesson] = []
    for rel in manifest.lessons:
        lesson_file = root / rel
        lesson, lines, data = _load_model(lesson_file, model.Lesson, root, faults, student)
        if lesson is None and salvage:
            lesson = _salvage_lesson(data, root, student)
        if lesson is not None:
            lessons.append(LoadedLesson(lesson, lesson_file, _display(lesson_file, root), lines))
    pack = Pack(root, manifest, lessons)
    _cross_check(pack, faults)
    return pack, faults


def _salvage_lesson(data, root: Path, student: bool) -> model.Lesson | None:
    """A stand-in for a faulty lesson file: its sections and exercises that are valid."""
    if not isinstance(data, dict):
        return None

    def valid(cls: type, items, placeholder=None) -> list:
        built = []
        for raw in items if isinstance(items, list) else []:
            obj, problems = build(
                cls, raw, lambda rel, optional: check_pack_path(root, rel, optional and student)
            )
            if obj is not None and not problems:
                built.append(obj)
            elif placeholder is not None:
                built.append(placeholder)  # keeps the indexes that lines are looked up by
        return built

    exercises = valid(model.Exercise, data.get("exercises"))
    sections = valid(model.Section, data.get("sections"), model.Section("-", "-"))
    if not exercises and not any(s.examples for s in sections):
        return None
    lesson_id = data.get("id") if isinstance(data.get("id"), str) else "?"
    return model.Lesson(
        id=lesson_id, number=0, title=lesson_id, summary="-", sections=sections, exercises=exercises
    )


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_text(
    path: Path,
    root: Path,
    faults: list[Fault],
    exercise: str = "",
    shown: str | None = None,
    *,
    mojibake: bool = True,
) -> str | None:
    """Read a pack file as UTF-8, reporting size, bad bytes and mojibake with their line
    (the mojibake check left to the caller with `mojibake=False`)."""
    shown = shown or _display(path, root)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        faults.append(Fault(shown, 0, M.PACK_PATH_MISSING.format(path=shown), exercise))
        return None
    if len(data) > MAX_FILE_BYTES:
        line = data.count(b"\n", 0, MAX_FILE_BYTES) + 1
        limit = MAX_FILE_BYTES // 1024
        faults.append(Fault(shown, line, M.PACK_FILE_TOO_BIG.format(limit=limit), exercise))
        return None
    try:
        text = decode_utf8(data)
    except NotUtf8 as exc:
        message = (
            M.PACK_WINDOWS_1254.format(root=root)
            if decode_windows_1254(data) is not None
            else M.PACK_NOT_UTF8.format(byte=exc.byte)
        )
        faults.append(Fault(shown, exc.line, message, exercise))
        return None
    if mojibake:
        _check_mojibake(text, shown, root, faults, exercise)
    return text


def _check_mojibake(
    text: str, shown: str, root: Path, faults: list[Fault], exercise: str = ""
) -> None:
    found = find_mojibake(text)
    if found:
        line, bad, good = found
        message = M.PACK_MOJIBAKE.format(bad=bad.strip(), good=good.strip(), root=root)
        faults.append(Fault(shown, line, message, exercise))


def _load_model(path: Path, cls: type, root: Path, faults: list[Fault], student: bool = False):
    """(model or None, line of every value, the plain data) for one YAML file."""
    shown = _display(path, root)
    text = read_text(path, root, faults, mojibake=False)
    if text is None:
        return None, {}, None
    cached = parsecache.get(text)  # the same text read clean before: the same data
    if cached is not None:
        data, lines = cached
    else:
        before = len(faults)
        _check_mojibake(text, shown, root, faults)
        yaml = _yaml()
        try:
            data, lines = _parse_yaml(text, shown, faults)
        except yaml.YAMLError as exc:
            faults.append(_yaml_fault(exc, shown, text))
            return None, {}, None
        except _TooBig as exc:
            faults.append(Fault(shown, exc.line, exc.message))
            return None, {}, None
        except (ValueError, TypeError, RecursionError, MemoryError) as exc:
            # A value YAML accepts but Python cannot build (an integer of 5000 digits, say).
            faults.append(Fault(shown, 0, M.PACK_YAML_SYNTAX.format(problem=exc)))
            return None, {}, None
        if data is None:
            faults.append(Fault(shown, 1, M.PACK_YAML_EMPTY))
            return None, {}, None
        if len(faults) == before:
            parsecache.put(text, data, lines)
    obj, type_faults = build(
        cls, data, lambda rel, optional: check_pack_path(root, rel, optional and student)
    )
    for f in type_faults:
        faults.append(Fault(shown, _line_for(lines, f.path), f.message))
    if cls is model.Lesson and isinstance(data, dict):
        _check_quiz_answers(data, lines, shown, faults)
    return obj, lines, data


def _check_quiz_answers(data: dict, lines: dict, shown: str, faults: list[Fault]) -> None:
    """On the raw data, so that it is reported even when other fields of the lesson are wrong."""
    for quiz_name in ("quiz", "pre_quiz"):
        questions = data.get(quiz_name)
        for qi, q in enumerate(questions if isinstance(questions, list) else []):
            if not isinstance(q, dict):
                continue
            answer, choices = q.get("answer"), q.get("choices")
            if (
                isinstance(answer, int)
                and isinstance(choices, list)
                and not 0 <= answer < len(choices)
            ):
                line = _line_for(lines, (quiz_name, qi, "answer"))
                faults.append(
                    Fault(
                        shown, line, M.PACK_QUIZ_ANSWER_RANGE.format(answer=answer, n=len(choices))
                    )
                )


def _yaml_fault(exc: yaml.YAMLError, shown: str, text: str) -> Fault:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 0
    problem = getattr(exc, "problem", None) or str(exc)
    if problem.startswith("found character") and mark is not None:
        row = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        char = row[mark.column] if mark.column < len(row) else ""
        message = (
            M.PACK_YAML_TAB
            if char == "\t" or "\\t" in problem
            else M.PACK_YAML_BAD_START.format(char=char)
        )
        return Fault(shown, line, M.PACK_YAML_SYNTAX.format(problem=message))
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.split("tag", 1)[1].strip(" '")
        return Fault(shown, line, M.PACK_YAML_UNSAFE_TAG.format(tag=tag))
    translated = M.PACK_YAML_PROBLEMS.get(problem)
    if translated is None:
        translated = next(
            (v for k, v in M.PACK_YAML_PROBLEMS.items() if problem.startswith(k)), problem
        )
    return Fault(shown, line, M.PACK_YAML_SYNTAX.format(problem=translated))


class _TooBig(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _parse_yaml(text: str, shown: str, faults: list[Fault]):
    _yaml()
    """Parse once into nodes, keep the line of every value, then build plain data.

    Aliases let a short file stand for a huge tree ("billion laughs"), or for one that
    contains itself; the tree is measured on the nodes, before anything is expanded.
    """
    loader = _safe_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        _measure(node)
        lines: dict[DataPath, int] = {}
        _collect_lines(node, (), lines, shown, faults)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return data, lines


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _measure(root) -> None:
    """Refuse a tree that, with aliases expanded, is too big, too deep or contains itself.

    Iterative, with the expanded size of each node computed once: cost grows with the
    file, not with what it expands to.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            depth[key] = 1 + max((depth[id(k)] for k in kids), default=0)
            line = node.start_mark.line + 1
            if size[key] > MAX_YAML_NODES:
                raise _TooBig(line, M.PACK_YAML_TOO_MANY_NODES.format(limit=MAX_YAML_NODES))
            if depth[key] > MAX_YAML_DEPTH:
                raise _TooBig(line, M.PACK_YAML_TOO_DEEP.format(limit=MAX_YAML_DEPTH))
            continue
        if key in size:
            continue
        if key in on_path:
            raise _TooBig(node.start_mark.line + 1, M.PACK_YAML_ALIAS_LOOP)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in _children(node) if id(k) not in size)


def _collect_lines(node, path: DataPath, lines: dict, shown: str, faults: list[Fault]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            if key in seen:
                faults.append(
                    Fault(
                        shown,
                        key_node.start_mark.line + 1,
                        M.PACK_YAML_DUPLICATE_KEY.format(key=key),
                    )
                )
            seen.add(key)
            _collect_lines(value_node, (*path, key), lines, shown, faults)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect_lines(item, (*path, i), lines, shown, faults)


def _line_for(lines: dict[DataPath, int], path: DataPath) -> int:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


line_for = _line_for  # for the validator: the line of a value in a lesson file


def check_pack_path(root: Path, rel: str, may_be_absent: bool = False) -> str | None:
    """None if `rel` names an existing file inside the pack, else the Turkish problem.

    `may_be_absent`: a file that only instructors need, in a student edition.
    """
    if "\0" in rel:
        return M.PACK_PATH_MISSING.format(path=rel.replace("\0", "\\0"))
    if Path(rel).is_absolute() or rel.startswith("~"):
        return M.PACK_PATH_ABSOLUTE.format(path=rel)
    try:
        target = (root / rel).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long
        return M.PACK_PATH_MISSING.format(path=rel)
    if not target.is_relative_to(root):
        return M.PACK_PATH_ESCAPES.format(path=rel)
    try:
        present = target.is_file()
    except OSError:  # a name longer than the file system allows, say
        present = False
    if not present and not may_be_absent:
        return M.PACK_PATH_MISSING.format(path=rel)
    return None


def _where(item: LoadedLesson, *path) -> tuple[str, int]:
    return item.shown, _line_for(item.lines, tuple(path))


def _cross_check(pack: Pack, faults: list[Fault]) -> None:
    lesson_ids: dict[str, str] = {}
    for item in pack.lessons:
        lesson = item.lesson
        shown, line = _where(item, "id")
        if lesson.id in lesson_ids:
            faults.append(
                Fault(
                    shown,
                    line,
                    M.PACK_DUPLICATE_LESSON.format(id=lesson.id, where=lesson_ids[lesson.id]),
                )
            )
        lesson_ids.setdefault(lesson.id, f"{shown}:{line}")
        for ei, ex in enumerate(lesson.exercises):
            shown, line = _where(item, "exercises", ei, "id")
            if ex.id in pack.exercises:
                first_lesson, _ = pack.exercises[ex.id]
                faults.append(
                    Fault(
                        shown,
                        line,
                        M.PACK_DUPLICATE_EXERCISE.format(id=ex.id, where=first_lesson.id),
                    )
                )
                continue
            pack.exercises[ex.id] = (lesson, ex)
            for si, name in enumerate(ex.symbols):
                if not name.isidentifier():
                    shown, line = _where(item, "exercises", ei, "symbols", si)
                    faults.append(Fault(shown, line, M.PACK_BAD_SYMBOL.format(name=name)))


def check_exercise_files(
    pack: Pack, lesson: model.Lesson, ex: model.Exercise, *, student: bool = False
) -> list[Fault]:
    """Deeper checks for the validator: the files parse and define what they must.

    Encoding faults are left to the caller, which reads every file of the pack once.
    """
    faults: list[Fault] = []
    for rel, what, must_define in (
        (ex.starter, M.WHAT_STARTER, ex.symbols),
        (ex.solution, M.WHAT_SOLUTION, ex.symbols),
        (ex.grader, None, ["GRADER"]),
    ):
        path = pack.path(rel)
        if student and rel == ex.solution and not path.exists():
            continue
        text = read_text(path, pack.root, [], shown=rel)
        if text is None:
            continue
        try:
            tree = ast.parse(text, filename=rel)
        except SyntaxError as exc:
            from tutor.pyerrors import turkish_syntax_message  # its rules only when needed

            message = turkish_syntax_message(exc.msg or "")
            faults.append(Fault(rel, exc.lineno or 0, M.PACK_PY_SYNTAX.format(msg=message), ex.id))
            continue
        except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, deep nesting
            faults.append(Fault(rel, 1, M.PACK_PY_SYNTAX.format(msg=exc), ex.id))
            continue
        defined = _top_level_names(tree)
        for name in must_define:
            if name not in defined:
                message = (
                    M.PACK_GRADER_NO_SPEC
                    if what is None
                    else M.PACK_SYMBOL_NOT_DEFINED.format(what=what, name=name)
                )
                faults.append(Fault(rel, 1, message, ex.id))
    return faults


def _top_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


__all__ = [
    "MAX_FILE_BYTES",
    "Fault",
    "LoadedLesson",
    "Pack",
    "PackError",
    "builtin_pack_dir",
    "check_exercise_files",
    "check_pack_path",
    "collect_pack",
    "line_for",
    "load_pack",
    "read_text",
]
