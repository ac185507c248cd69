"""The published JSON Schemas, generated from the models in `tutor.pack.model`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tutor.pack import model
from tutor.pack.typecheck import json_schema

SCHEMAS = {
    "lesson.schema.json": (model.Lesson, "tutor ders dosyası (lessons/*.yaml)"),
    "pack.schema.json": (model.Manifest, "tutor ders paketi bildirimi (pack.yaml)"),
}


def schema_text(cls: type, title: str) -> str:
    return json.dumps(json_schema(cls, title), ensure_ascii=False, indent=2) + "\n"


def write_schemas(out_dir: Path | None) -> list[Path]:
    """Write both schemas into `out_dir`; with None, print the lesson schema to stdout."""
    if out_dir is None:
        cls, title = SCHEMAS["lesson.schema.json"]
        sys.stdout.write(schema_text(cls, title))
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (cls, title) in SCHEMAS.items():
        path = out_dir / name
        path.write_text(schema_text(cls, title), encoding="utf-8")
        written.append(path)
    return written
