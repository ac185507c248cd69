"""Where the learner's files and data live.

- Data (progress database, worker log): `TUTOR_HOME`, else the platform's user data folder.
- Workspace (the files the learner edits): `--workspace DIR` or `TUTOR_WORKSPACE`, else
  `<data>/calisma/<pack id>`. Inside it, `<lesson id>/<exercise id>.py`. Starters in the pack
  are copied there on first use and never edited in place.
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


class Workspace:
    def __init__(self, root: Path, pack: Pack):
        self.root = root
        self.pack = pack

    def file_for(self, lesson: Lesson, exercise: Exercise) -> Path:
        return self.root / lesson.id / f"{exercise.id}.py"

    def ensure(self, lesson: Lesson, exercise: Exercise) -> Path:
        """The learner's file, created from the starter the first time."""
        path = self.file_for(lesson, exercise)
        if not path.exists():
            atomic_write(path, self.pack.path(exercise.starter).read_bytes())
        return path

    def reset(self, lesson: Lesson, exercise: Exercise) -> tuple[Path, Path | None]:
        """Restore the starter; keep the learner's current file as a timestamped backup."""
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
