"""`tutor pack build --student OUT`: the pack as learners get it.

A student edition holds what learning and self-grading need (the manifest, the lessons, the
starters, the graders and what lies beside them, the schemas) and nothing only instructors
need: no reference solutions, no known-wrong submissions, no tests or tools of the pack's
repository. Its manifest says `edition: student`, so that the loader accepts the missing
solutions and `pack validate` asks for the full pack instead.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from tutor import messages as M
from tutor.pack import model
from tutor.pack.loader import MANIFEST, Pack, load_pack

# Files beside the graders that are not needed to grade (caches, editor backups).
_SKIPPED = re.compile(r"(__pycache__|\.pyc$|\.bak$|~$|\.swp$)")


class EditionError(Exception):
    pass


def student_files(pack: Pack) -> list[str]:
    """The pack-relative paths a student edition holds."""
    keep: set[str] = {MANIFEST, *pack.manifest.lessons}
    solutions = {ex.solution for _, ex in pack.ordered_exercises()}
    grader_dirs: set[Path] = set()
    for _, ex in pack.ordered_exercises():
        keep.add(ex.starter)
        keep.add(ex.grader)
        grader_dirs.add((pack.root / ex.grader).parent)
    for folder in grader_dirs:
        for path in folder.rglob("*"):
            rel = str(path.relative_to(pack.root))
            if path.is_file() and not path.is_symlink() and not _SKIPPED.search(rel):
                keep.add(rel)
    schema = pack.root / "schema"
    if schema.is_dir():
        keep.update(str(p.relative_to(pack.root)) for p in schema.glob("*.json"))
    # A solution never travels, even when it lies beside a grader or is named twice.
    solution_hashes = {_digest(pack.root / rel) for rel in solutions if (pack.root / rel).is_file()}
    starters = {ex.starter for _, ex in pack.ordered_exercises()}
    return sorted(
        rel
        for rel in keep - solutions
        if rel in starters or rel == MANIFEST or _digest(pack.root / rel) not in solution_hashes
    )


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def mark_student_manifest(text: str) -> str:
    """The manifest's text with `edition: student`, keeping its comments and order."""
    line = f"edition: {model.STUDENT_EDITION}"
    pattern = re.compile(r"^edition:.*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(line, text, count=1)
    return text.rstrip("\n") + "\n" + line + "\n"


def build_student_edition(source: Path, out: Path) -> list[Path]:
    """Write the student edition of the pack at `source` into `out` (empty or absent)."""
    pack = load_pack(source)
    if pack.is_student_edition:
        raise EditionError(M.EDITION_ALREADY_STUDENT.format(path=source))
    out = out.expanduser()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise EditionError(M.EDITION_OUT_NOT_EMPTY.format(path=out))
    written = []
    for rel in student_files(pack):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel == MANIFEST:
            text = (pack.root / rel).read_text(encoding="utf-8")
            target.write_text(mark_student_manifest(text), encoding="utf-8")
        else:
            shutil.copy2(pack.root / rel, target)
        written.append(target)
    load_pack(out)  # what was written must load as it stands
    return written
