"""`tutor pack new DIR`: a new pack that validates as it stands, to be filled in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tutor import messages as M
from tutor.pack.schema import write_schemas

TEMPLATE = Path(__file__).resolve().parent / "template"


class ScaffoldError(Exception):
    pass


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")
    return slug if slug and slug[0].isalnum() else "yeni-paket"


def new_pack(target: Path) -> list[Path]:
    """Copy the template pack into `target` (which must be empty or absent); return the files."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(M.PACK_NEW_NOT_EMPTY.format(path=target))
    shutil.copytree(
        TEMPLATE, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    manifest = target / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "id: yeni-paket", f"id: {_slug(target.resolve().name)}", 1
    )
    manifest.write_text(text, encoding="utf-8")
    write_schemas(target / "schema")
    return sorted(p for p in target.rglob("*") if p.is_file())
