"""Check plain YAML data against the dataclass models and build the JSON Schema from them.

One set of type hints, two uses: `build` turns data into model objects and reports every
fault (not only the first) with its path, and `json_schema` publishes the same rules for
editors.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections.abc import Callable
from dataclasses import MISSING
from typing import Annotated, Any, get_args, get_origin

from tutor import messages as M

Path = tuple[str | int, ...]


@dataclasses.dataclass
class Fault:
    path: Path
    message: str


# By identity: annotations carrying a dict of constraints cannot be hashed. Each entry keeps
# its annotation, so the id cannot be reused while it is here.
_SPLIT_CACHE: dict[int, tuple[Any, tuple[Any, dict]]] = {}


def _split_annotated(tp: Any) -> tuple[Any, dict]:
    """(the bare type, its constraints), worked out once per annotation: a pack load checks
    some 4,000 values against a few dozen annotations."""
    entry = _SPLIT_CACHE.get(id(tp))
    if entry is not None and entry[0] is tp:
        return entry[1]
    split = _split(tp)
    _SPLIT_CACHE[id(tp)] = (tp, split)
    return split


def _split(tp: Any) -> tuple[Any, dict]:
    meta: dict = {}
    while get_origin(tp) is Annotated:
        args = get_args(tp)
        tp = args[0]
        for extra in args[1:]:
            if isinstance(extra, dict):
                meta = {**extra, **meta}
    return tp, meta


_HINTS_CACHE: dict[type, dict[str, Any]] = {}
_FIELDS_CACHE: dict[type, dict[str, dataclasses.Field]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS_CACHE:
        _HINTS_CACHE[cls] = typing.get_type_hints(cls, include_extras=True)
    return _HINTS_CACHE[cls]


def _fields(cls: type) -> dict[str, dataclasses.Field]:
    if cls not in _FIELDS_CACHE:
        _FIELDS_CACHE[cls] = {f.name: f for f in dataclasses.fields(cls)}
    return _FIELDS_CACHE[cls]


# (relative path, whether it may be absent in a student edition) → the problem, or None
PathCheck = Callable[[str, bool], "str | None"]


def build(cls: type, data: Any, check_path: PathCheck | None = None) -> tuple[Any, list[Fault]]:
    """Return (instance or None, faults). `check_path` vets every field marked as a pack path."""
    faults: list[Fault] = []
    value = _check(cls, data, (), faults, check_path)
    return value, faults


def _check(
    tp: Any, data: Any, path: Path, faults: list[Fault], check_path: PathCheck | None = None
) -> Any:
    tp, meta = _split_annotated(tp)
    if dataclasses.is_dataclass(tp):
        return _check_dataclass(tp, data, path, faults, check_path)
    origin = get_origin(tp)
    if origin is list:
        if not isinstance(data, list):
            faults.append(Fault(path, M.SCHEMA_EXPECTED_LIST.format(got=_kind(data))))
            return None
        (item_tp,) = get_args(tp)
        items = [
            _check(item_tp, item, (*path, i), faults, check_path) for i, item in enumerate(data)
        ]
        if len(items) < meta.get("minItems", 0):
            faults.append(
                Fault(path, M.SCHEMA_MIN_ITEMS.format(n=meta["minItems"], got=len(items)))
            )
        return items
    if tp is str:
        if not isinstance(data, str):
            if isinstance(data, (int, float)) and not isinstance(data, bool) and not meta:
                return str(data)
            faults.append(Fault(path, M.SCHEMA_EXPECTED_TEXT.format(got=_kind(data))))
            return None
        if meta.get("minLength") and not data.strip():
            faults.append(Fault(path, M.SCHEMA_EMPTY_TEXT))
        if "pattern" in meta and not re.match(meta["pattern"], data):
            faults.append(Fault(path, M.SCHEMA_BAD_SLUG.format(value=data)))
        if "enum" in meta and data not in meta["enum"]:
            options = ", ".join(meta["enum"])
            faults.append(Fault(path, M.SCHEMA_ENUM.format(value=data, options=options)))
        if meta.get("pack_path") and check_path is not None:
            problem = check_path(data, bool(meta.get("instructor_only")))
            if problem:
                faults.append(Fault(path, problem))
        return data
    if tp is bool:
        if not isinstance(data, bool):
            faults.append(Fault(path, M.SCHEMA_EXPECTED_BOOL.format(got=_kind(data))))
        return data
    if tp in (int, float):
        ok = isinstance(data, (int, float)) and not isinstance(data, bool)
        if tp is int and isinstance(data, float):
            ok = False
        if not ok:
            expected = M.KIND_INT if tp is int else M.KIND_NUMBER
            faults.append(
                Fault(path, M.SCHEMA_EXPECTED_NUMBER.format(kind=expected, got=_kind(data)))
            )
            return None
        if "minimum" in meta and data < meta["minimum"]:
            faults.append(Fault(path, M.SCHEMA_MINIMUM.format(n=meta["minimum"], got=data)))
        if "exclusiveMinimum" in meta and data <= meta["exclusiveMinimum"]:
            faults.append(
                Fault(path, M.SCHEMA_GREATER.format(n=meta["exclusiveMinimum"], got=data))
            )
        if "maximum" in meta and not data <= meta["maximum"]:  # `not <=` also catches NaN
            faults.append(Fault(path, M.SCHEMA_MAXIMUM.format(n=meta["maximum"], got=data)))
        elif data != data:
            faults.append(Fault(path, M.SCHEMA_NOT_A_NUMBER))
        return tp(data)
    raise TypeError(f"unsupported type in pack model: {tp!r}")


def _check_dataclass(
    cls: type, data: Any, path: Path, faults: list[Fault], check_path: PathCheck | None
) -> Any:
    if not isinstance(data, dict):
        faults.append(Fault(path, M.SCHEMA_EXPECTED_MAPPING.format(got=_kind(data))))
        return None
    hints = _hints(cls)
    fields = _fields(cls)
    values: dict[str, Any] = {}
    ok = True
    for key in data:
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.5)
            hint = M.SCHEMA_DID_YOU_MEAN.format(name=close[0]) if close else ""
            faults.append(Fault((*path, key), M.SCHEMA_UNKNOWN_FIELD.format(name=key) + hint))
    for name, f in fields.items():
        if name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                faults.append(Fault(path, M.SCHEMA_MISSING_FIELD.format(name=name)))
                ok = False
            continue
        before = len(faults)
        values[name] = _check(hints[name], data[name], (*path, name), faults, check_path)
        ok = ok and len(faults) == before
    if not ok:
        return None
    return cls(**values)


def _kind(data: Any) -> str:
    if data is None:
        return M.KIND_NULL
    if isinstance(data, bool):
        return M.KIND_BOOL
    if isinstance(data, (int, float)):
        return M.KIND_NUMBER
    if isinstance(data, str):
        return M.KIND_TEXT
    if isinstance(data, list):
        return M.KIND_LIST
    if isinstance(data, dict):
        return M.KIND_MAPPING
    return type(data).__name__


def json_schema(cls: type, title: str) -> dict:
    """The JSON Schema (draft 2020-12) for a model, with every dataclass under $defs."""
    defs: dict[str, dict] = {}
    root = _schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **root,
        "$defs": defs,
    }


def _schema(tp: Any, defs: dict[str, dict]) -> dict:
    tp, meta = _split_annotated(tp)
    extra = {k: v for k, v in meta.items() if k not in ("pack_path", "instructor_only")}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve against recursion
            hints = _hints(tp)
            props = {}
            required = []
            for f in dataclasses.fields(tp):
                props[f.name] = _schema(hints[f.name], defs)
                doc = M.SCHEMA_DOCS.get(f"{name}.{f.name}")
                if doc:
                    props[f.name]["description"] = doc
                if f.default is MISSING and f.default_factory is MISSING:
                    required.append(f.name)
                elif f.default is not MISSING:
                    props[f.name]["default"] = f.default
            defs[name] = {
                "type": "object",
                "description": M.SCHEMA_DOCS.get(name, ""),
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}", **extra}
    if get_origin(tp) is list:
        (item_tp,) = get_args(tp)
        return {"type": "array", "items": _schema(item_tp, defs), **extra}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[tp], **extra}
