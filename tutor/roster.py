"""Who is in the class: a roster file, or the folders given on the command line.

A roster is a CSV file with a row per student: student id, name, folder (relative to the
roster file), and optionally the student's progress store. A header row is recognised by its
names; `,`, `;` and tab all work, and a file saved by Turkish Excel (Windows-1254) is read too.

Without a roster each folder is a student whose id is the folder's name; two folders with the
same name get ids that tell them apart (`a/ali`, `b/ali`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from tutor import messages as M
from tutor.pack.encoding import NotUtf8, decode_utf8, decode_windows_1254

PROGRESS_STORE = "ilerleme.sqlite3"

_HEADER_NAMES = {
    "id": {"ogrenci_no", "öğrenci_no", "no", "numara", "id", "student_id", "ogrenci", "kimlik"},
    "name": {"ad", "ad_soyad", "adı", "adi", "isim", "name", "ad soyad", "öğrenci"},
    "folder": {"klasor", "klasör", "folder", "dizin", "calisma_alani", "çalışma_alanı", "yol"},
    "progress": {"ilerleme", "progress", "ilerleme_dosyasi", "ilerleme_dosyası"},
}


class RosterError(Exception):
    """The roster cannot be used (exit code 2); the message names the file and line."""


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    folder: Path
    progress_store: Path | None = None
    roster_line: int | None = None  # where the roster names this student

    def workspace(self, pack_id: str) -> Path:
        """The exercise files: the folder itself, or `calisma/<pack id>` inside a tutor data
        folder handed in whole."""
        inner = self.folder / "calisma" / pack_id
        return inner if inner.is_dir() else self.folder

    def store(self) -> Path | None:
        if self.progress_store is not None:
            return self.progress_store
        candidate = self.folder / PROGRESS_STORE
        return candidate if candidate.is_file() else None


def read_roster(path: Path) -> list[Student]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(M.ROSTER_UNREADABLE.format(path=path, error=exc.strerror)) from None
    try:
        text = decode_utf8(data)
    except NotUtf8:
        converted = decode_windows_1254(data)
        if converted is None:
            raise RosterError(M.ROSTER_ENCODING.format(path=path)) from None
        text = converted
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [
        (number, [cell.strip() for cell in row])
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        if any(cell.strip() for cell in row)
    ]
    if not rows:
        raise RosterError(M.ROSTER_EMPTY.format(path=path))
    columns = {"id": 0, "name": 1, "folder": 2, "progress": 3}
    header = [c.lower() for c in rows[0][1]]
    named = {
        key: i
        for i, cell in enumerate(header)
        for key, names in _HEADER_NAMES.items()
        if cell in names
    }
    if {"id", "folder"} <= set(named):
        columns = {key: named.get(key, -1) for key in columns}
        rows = rows[1:]
    base = path.parent
    students: list[Student] = []
    seen: dict[str, int] = {}
    for number, row in rows:

        def cell(key: str, row=row) -> str:
            i = columns[key]
            return row[i] if 0 <= i < len(row) else ""

        student_id, name, folder = cell("id"), cell("name"), cell("folder")
        if not student_id or not folder:
            raise RosterError(M.ROSTER_ROW.format(path=path, line=number))
        if student_id in seen:
            raise RosterError(
                M.ROSTER_DUPLICATE.format(
                    path=path, line=number, id=student_id, first=seen[student_id]
                )
            )
        seen[student_id] = number
        progress = cell("progress")
        students.append(
            Student(
                id=student_id,
                name=name or student_id,
                folder=(base / folder).expanduser(),
                progress_store=(base / progress).expanduser() if progress else None,
                roster_line=number,
            )
        )
    return students


def check_folders(students: list[Student], roster: Path) -> list[str]:
    """Warnings for roster students whose folder does not exist (nothing handed in); a
    RosterError when none exists, which is a wrong path rather than an empty class."""
    listed = [s for s in students if s.roster_line is not None]
    absent = [s for s in listed if not s.folder.is_dir()]
    if listed and len(absent) == len(listed):
        raise RosterError(M.ROSTER_NO_FOLDERS.format(path=roster, folder=absent[0].folder))
    return [
        M.ROSTER_NO_FOLDER.format(path=roster, line=s.roster_line, id=s.id, folder=s.folder)
        for s in absent
    ]


def students_from_folders(folders: list[Path]) -> list[Student]:
    """One student per distinct folder; ids are the shortest path tails that differ."""
    unique: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        resolved = folder.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(resolved)
    ids = _distinct_tails(unique)
    return [Student(id=i, name=folder.name, folder=folder) for i, folder in zip(ids, unique)]


def _distinct_tails(paths: list[Path]) -> list[str]:
    depth = {p: 1 for p in paths}
    while True:
        tails = {p: "/".join(p.parts[-depth[p] :]) for p in paths}
        clashes: dict[str, list[Path]] = {}
        for p, tail in tails.items():
            clashes.setdefault(tail, []).append(p)
        grown = False
        for group in clashes.values():
            if len(group) > 1:
                for p in group:
                    if depth[p] < len(p.parts):
                        depth[p] += 1
                        grown = True
        if not grown:
            return [tails[p] for p in paths]
