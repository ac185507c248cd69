"""Where the learner's files and data live.

- Data (progress database, worker log): `TUTOR_HOME`, else the platform's user data folder.
- Workspace (the files the learner edits): `--workspace DIR` or `TUTOR_WORKSPACE`, else
  `<data>/calisma/<pack id>`. Inside it, `<lesson id>/<exercise id>.py`. Starters in the pack
  are copied there on first use and never edited in place.

Exercise ids never change, but an exercise may move to another lesson (a lesson split in two).
A learner's file left under the old lesson's folder is then found and moved to the new place,
never over a file that is already there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from tutor.pack.loader import Pack
from tutor.pack.model import Exercise, Lesson

BACKUP_DIR = ".yedekler"


def tutor_home() -> Path:
    env = os.environ.get("TUTOR_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tutor", appauthor=False))


def default_workspace(pack: Pack) -> Path:
    env = os.environ.get("TUTOR_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return tutor_home() / "calisma" / pack.id


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def find_exercise_file(root: Path, lesson: Lesson, exercise: Exercise) -> Path:
    """Where the file of `exercise` is under `root`: its own place, or else a copy left under
    another lesson's folder (the newest if several), or else its own place (not there yet)."""
    path = root / lesson.id / f"{exercise.id}.py"
    if path.exists():
        return path
    return _left_behind(root, lesson, exercise) or path


def _left_behind(root: Path, lesson: Lesson, exercise: Exercise) -> Path | None:
    """A file of `exercise` in another lesson's folder of `root`: where an earlier version of
    the pack kept it. Hidden folders (backups) and symbolic links are not looked at."""
    try:
        folders = [f for f in root.iterdir() if f.name != lesson.id and not f.name.startswith(".")]
    except OSError:
        return None
    found = []
    for folder in folders:
        candidate = folder / f"{exercise.id}.py"
        if folder.is_symlink() or not folder.is_dir() or candidate.is_symlink():
            continue
        if candidate.is_file():
            found.append(candidate)
    if not found:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime_ns, str(p)))


def move_without_replacing(source: Path, target: Path) -> bool:
    """Move `source` to `target` atomically; False (and nothing moved) if `target` exists.

    A hard link is made first, so `target` appears whole or not at all and is never replaced;
    only then is `source` removed. Where the file system has no hard links, the bytes go to a
    temporary file beside `target`, which is then renamed into place if `target` is still free.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError:
        if target.exists():
            return False
        data = source.read_bytes()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            shutil.copystat(source, tmp)
            if target.exists():
                Path(tmp).unlink()
                return False
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    source.unlink(missing_ok=True)
    try:
        source.parent.rmdir()  # the old lesson folder, if that was its last file
    except OSError:
        pass
    return True


class Workspace:
    def __init__(self, root: Path, pack: Pack):
        self.root = root
        self.pack = pack

    def file_for(self, lesson: Lesson, exercise: Exercise) -> Path:
        return self.root / lesson.id / f"{exercise.id}.py"

    def ensure(self, lesson: Lesson, exercise: Exercise) -> Path:
        """The learner's file: brought over from another lesson's folder if an earlier version
        of the pack kept it there, else created from the starter the first time."""
        path = self.file_for(lesson, exercise)
        if not path.exists():
            self.adopt_left_behind(lesson, exercise)
        if not path.exists():
            atomic_write(path, self.pack.path(exercise.starter).read_bytes())
        return path

    def adopt_left_behind(self, lesson: Lesson, exercise: Exercise) -> Path | None:
        """Move a file of `exercise` left under another lesson's folder to its own place.

        Returns the old path if a file was moved; None if there was none, or if the exercise
        already has a file in its own place (which is never replaced)."""
        path = self.file_for(lesson, exercise)
        if path.exists():
            return None
        old = _left_behind(self.root, lesson, exercise)
        if old is None:
            return None
        return old if move_without_replacing(old, path) else None

    def reset(self, lesson: Lesson, exercise: Exercise) -> tuple[Path, Path | None]:
        """Restore the starter; keep the learner's current file as a timestamped backup."""
        self.adopt_left_behind(lesson, exercise)
        path = self.file_for(lesson, exercise)
        starter = self.pack.path(exercise.starter).read_bytes()
        backup = None
        if path.exists() and path.read_bytes() != starter:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = self.root / BACKUP_DIR / f"{exercise.id}-{stamp}.py"
            n = 1
            while backup.exists():
                n += 1
                backup = self.root / BACKUP_DIR / f"{exercise.id}-{stamp}-{n}.py"
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, backup)
        atomic_write(path, starter)
        return path, backup
