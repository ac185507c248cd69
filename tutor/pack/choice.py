"""Which pack a command uses when `--pack` is not given, so that no hint needs `--pack`.

In order: the `TUTOR_PACK` environment variable, the pack remembered by `tutor pack use DIR`
(a line in the tutor home), and the built-in pack.
"""

from __future__ import annotations

import os
from pathlib import Path

from tutor import messages as M
from tutor.pack.loader import Fault, Pack, PackError, builtin_pack_dir, load_pack

ENV_VAR = "TUTOR_PACK"
CHOICE_FILE = "secili-paket.txt"

FROM_OPTION, FROM_ENV, FROM_CHOICE, FROM_BUILTIN = "option", "env", "remembered", "builtin"


def _home(home: Path | None) -> Path:
    if home is not None:
        return home
    from tutor.workspace import tutor_home  # the workspace module imports the loader

    return tutor_home()


def chosen_pack_dir(home: Path | None = None) -> tuple[Path, str]:
    """(the pack folder, where the choice came from)."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser(), FROM_ENV
    choice = _home(home) / CHOICE_FILE
    try:
        remembered = choice.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        remembered = ""
    if remembered:
        return Path(remembered), FROM_CHOICE
    return builtin_pack_dir(), FROM_BUILTIN


def load_chosen_pack(pack_dir: Path | str | None = None, home: Path | None = None) -> Pack:
    """The pack of `--pack`, else the chosen one; a chosen folder that is gone says so."""
    if pack_dir is not None:
        return load_pack(pack_dir)
    folder, source = chosen_pack_dir(home)
    if source != FROM_BUILTIN and not (folder / "pack.yaml").is_file():
        message = M.PACK_CHOICE_ENV_GONE if source == FROM_ENV else M.PACK_CHOICE_GONE
        raise PackError([Fault(str(folder), 0, message.format(path=folder, var=ENV_VAR))])
    return load_pack(folder)


def remember_pack(folder: Path, home: Path | None = None) -> Pack:
    """Load the pack (a broken one is refused) and remember its absolute path."""
    pack = load_pack(folder)
    target = _home(home) / CHOICE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(str(pack.root) + "\n", encoding="utf-8")
    return pack


def forget_pack(home: Path | None = None) -> None:
    (_home(home) / CHOICE_FILE).unlink(missing_ok=True)
