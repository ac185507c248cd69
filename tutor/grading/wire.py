"""Values across the trust boundary: a small bounded format instead of pickle.

The trusted side never unpickles what the learner's process sends. A message is one frame:

    [4-byte big-endian length] [4-byte header length] [UTF-8 JSON header] [raw tensor bytes]

The JSON header holds plain values (None, bool, int, float, str, lists) and a few tagged
objects: `{"$tuple": [...]}`, `{"$dict": [[key, value], ...]}`, `{"$t": i}` (tensor `i` of the
header's tensor table, whose bytes follow the header), `{"$other": type name, "text": repr}`
(anything else, kept only as a description) and `{"$dtype": name}`. JSON has no references,
so nothing expands while it is read; decoding checks the header's size, depth and node count,
every tensor's dtype, shape and byte range, and fails with `WireError` on anything else.

The same format carries a grading plan into the learner's process (inputs as data).
Imports only the standard library and torch, so the learner's side can use it too.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch

LENGTH = struct.Struct(">I")

DTYPES: dict[str, torch.dtype] = {
    "float16": torch.float16,
    "bfloat16": torch.bfloat16,
    "float32": torch.float32,
    "float64": torch.float64,
    "complex64": torch.complex64,
    "complex128": torch.complex128,
    "uint8": torch.uint8,
    "int8": torch.int8,
    "int16": torch.int16,
    "int32": torch.int32,
    "int64": torch.int64,
    "bool": torch.bool,
}
DTYPE_NAMES = {v: k for k, v in DTYPES.items()}


class WireError(ValueError):
    """A frame that does not follow the format or its limits."""


@dataclass(frozen=True)
class Limits:
    header_bytes: int = 8 * 1024 * 1024
    depth: int = 48
    nodes: int = 1_000_000
    tensors: int = 50_000
    dims: int = 12
    text: int = 64 * 1024  # longest string kept


TRUSTED_LIMITS = Limits()


@dataclass
class TensorMeta:
    """What the sender said about a tensor besides its values."""

    device: str = "cpu"
    requires_grad: bool = False
    is_parameter: bool = False


# ---------------------------------------------------------------------------------------------
# Encoding (either side)
# ---------------------------------------------------------------------------------------------


def _safe_repr(value: Any) -> str:
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - a learner's __repr__ may raise anything
        return ""
    return text[:200] if isinstance(text, str) else ""


def _type_name(value: Any) -> str:
    try:
        name = type(value).__name__
    except BaseException:  # noqa: BLE001
        return "?"
    return name if isinstance(name, str) else "?"


class _Encoder:
    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.table: list[list[Any]] = []
        self.blobs: list[bytes] = []
        self.offset = 0

    def tensor(self, value: torch.Tensor) -> Any:
        try:
            if value.layout != torch.strided or value.is_quantized or value.is_meta:
                return {"$other": "Tensor", "text": f"{value.layout} tensor"}
            dtype = DTYPE_NAMES.get(value.dtype)
            if dtype is None:
                return {"$other": "Tensor", "text": str(value.dtype)}
            device = str(value.device)
            requires_grad = bool(value.requires_grad)
            is_parameter = isinstance(value, torch.nn.Parameter)
            with torch.no_grad():
                data = torch.Tensor.detach(value).to("cpu").contiguous().reshape(-1)
                raw = data.view(torch.uint8).numpy().tobytes() if data.numel() else b""
            shape = [int(d) for d in value.shape]
        except BaseException as exc:  # noqa: BLE001 - a broken tensor subclass, say
            return {"$other": "Tensor", "text": f"{type(exc).__name__}"}
        index = len(self.table)
        self.table.append(
            [dtype, shape, self.offset, len(raw), device, requires_grad, is_parameter]
        )
        self.blobs.append(raw)
        self.offset += len(raw)
        return {"$t": index}

    def value(self, value: Any, depth: int = 0) -> Any:
        if depth > self.max_depth:
            return {"$other": _type_name(value), "text": ""}
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        if isinstance(value, torch.Tensor):
            return self.tensor(value)
        if isinstance(value, torch.dtype):
            name = DTYPE_NAMES.get(value)
            return {"$dtype": name} if name else {"$other": "dtype", "text": str(value)}
        if isinstance(value, torch.device):
            return {"$device": str(value)}
        if type(value) is tuple:
            return {"$tuple": [self.value(v, depth + 1) for v in value]}
        if type(value) is list:
            return [self.value(v, depth + 1) for v in value]
        if type(value) is dict:
            items = []
            for k, v in value.items():
                if k is None or isinstance(k, (str, int, float, bool)):
                    items.append([k, self.value(v, depth + 1)])
            return {"$dict": items}
        return {"$other": _type_name(value), "text": _safe_repr(value)}


def dumps(value: Any, *, max_depth: int = 40) -> bytes:
    """One message as a frame payload (without the 4-byte length prefix)."""
    encoder = _Encoder(max_depth)
    body = encoder.value(value)
    header = json.dumps(
        {"v": body, "tensors": encoder.table}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    return LENGTH.pack(len(header)) + header + b"".join(encoder.blobs)


def frame(value: Any) -> bytes:
    payload = dumps(value)
    return LENGTH.pack(len(payload)) + payload


# ---------------------------------------------------------------------------------------------
# Decoding, with limits (the trusted side reads the learner's frames with these)
# ---------------------------------------------------------------------------------------------

TensorFactory = Callable[[torch.Tensor, TensorMeta], Any]


def plain_tensor(tensor: torch.Tensor, meta: TensorMeta) -> torch.Tensor:
    return tensor


def loads(
    payload: bytes | bytearray | memoryview,
    *,
    limits: Limits = TRUSTED_LIMITS,
    make_tensor: TensorFactory = plain_tensor,
) -> Any:
    payload = memoryview(payload)
    if len(payload) < LENGTH.size:
        raise WireError("short frame")
    (header_len,) = LENGTH.unpack_from(payload)
    if header_len > limits.header_bytes or LENGTH.size + header_len > len(payload):
        raise WireError("header too large")
    header_bytes = bytes(payload[LENGTH.size : LENGTH.size + header_len])
    blob = payload[LENGTH.size + header_len :]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise WireError(f"unreadable header: {type(exc).__name__}") from None
    if not isinstance(header, dict) or "v" not in header:
        raise WireError("header without a value")
    table = header.get("tensors", [])
    if not isinstance(table, list) or len(table) > limits.tensors:
        raise WireError("bad tensor table")
    decoder = _Decoder(limits, table, blob, make_tensor)
    return decoder.value(header["v"], 0)


class _Decoder:
    def __init__(self, limits: Limits, table: list, blob: memoryview, make_tensor) -> None:
        self.limits = limits
        self.table = table
        self.blob = blob
        self.make_tensor = make_tensor
        self.nodes = 0
        self.cache: dict[int, Any] = {}

    def value(self, node: Any, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.nodes:
            raise WireError("too many values")
        if depth > self.limits.depth:
            raise WireError("nested too deeply")
        if node is None or isinstance(node, (bool, int)):
            return node
        if isinstance(node, float):
            return node
        if isinstance(node, str):
            return node[: self.limits.text]
        if isinstance(node, list):
            return [self.value(v, depth + 1) for v in node]
        if not isinstance(node, dict) or len(node) > 2:
            raise WireError("unknown value")
        if "$t" in node:
            return self.tensor(node["$t"])
        if "$tuple" in node and isinstance(node["$tuple"], list):
            return tuple(self.value(v, depth + 1) for v in node["$tuple"])
        if "$dict" in node and isinstance(node["$dict"], list):
            out: dict[Any, Any] = {}
            for item in node["$dict"]:
                if not isinstance(item, list) or len(item) != 2:
                    raise WireError("bad mapping item")
                key = item[0]
                if not (key is None or isinstance(key, (str, int, float, bool))):
                    raise WireError("bad mapping key")
                self.nodes += 1
                out[key[: self.limits.text] if isinstance(key, str) else key] = self.value(
                    item[1], depth + 1
                )
            return out
        if "$other" in node:
            name, text = node.get("$other"), node.get("text", "")
            if not isinstance(name, str) or not isinstance(text, str):
                raise WireError("bad description")
            return Other(name[:100], text[:200])
        if "$dtype" in node:
            dtype = DTYPES.get(node["$dtype"]) if isinstance(node["$dtype"], str) else None
            if dtype is None:
                raise WireError("unknown dtype")
            return dtype
        if "$device" in node and isinstance(node["$device"], str):
            return torch.device(_device_name(node["$device"]))
        raise WireError("unknown tag")

    def tensor(self, index: Any) -> Any:
        if not isinstance(index, int) or isinstance(index, bool):
            raise WireError("bad tensor reference")
        if not 0 <= index < len(self.table):
            raise WireError("tensor reference out of range")
        if index in self.cache:
            # A reference used twice is the same data; decoding it again would let a small
            # frame cost memory in proportion to how often it repeats the reference.
            return self.cache[index]
        entry = self.table[index]
        if not isinstance(entry, list) or len(entry) != 7:
            raise WireError("bad tensor entry")
        dtype_name, shape, offset, nbytes, device, requires_grad, is_parameter = entry
        dtype = DTYPES.get(dtype_name) if isinstance(dtype_name, str) else None
        if dtype is None:
            raise WireError("unknown dtype")
        if (
            not isinstance(shape, list)
            or len(shape) > self.limits.dims
            or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape)
        ):
            raise WireError("bad shape")
        for number in (offset, nbytes):
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                raise WireError("bad byte range")
        itemsize = torch.empty((), dtype=dtype).element_size()
        numel = math.prod(shape)
        if numel * itemsize != nbytes or offset + nbytes > len(self.blob):
            raise WireError("tensor bytes do not match its shape")
        if not isinstance(device, str) or not isinstance(requires_grad, bool):
            raise WireError("bad tensor metadata")
        if nbytes:
            raw = bytearray(self.blob[offset : offset + nbytes])
            flat = torch.frombuffer(raw, dtype=torch.uint8)
            if dtype == torch.bool:
                tensor = (flat != 0).reshape(shape)
            else:
                tensor = flat.view(dtype).reshape(shape)
        else:
            tensor = torch.empty(shape, dtype=dtype)
        meta = TensorMeta(_device_name(device), requires_grad, bool(is_parameter))
        made = self.make_tensor(tensor, meta)
        self.cache[index] = made
        return made


def _device_name(text: str) -> str:
    """A device string as the sender wrote it, reduced to something torch accepts."""
    text = text[:32]
    kind, _, number = text.partition(":")
    if kind not in ("cpu", "cuda", "mps", "meta", "xpu"):
        return "?"
    return kind + (":" + number if number.isdigit() else "")


@dataclass
class Other:
    """A value that is neither a tensor nor a plain Python value, described by its sender."""

    type_name: str
    text: str


# ---------------------------------------------------------------------------------------------
# Frames on a byte stream
# ---------------------------------------------------------------------------------------------


class FrameReader:
    """Splits a byte stream into frames, refusing any frame larger than `max_frame`."""

    def __init__(self, max_frame: int) -> None:
        self.max_frame = max_frame
        self.pending = bytearray()

    def feed(self, chunk: bytes) -> list[bytes]:
        self.pending += chunk
        frames = []
        while len(self.pending) >= LENGTH.size:
            (size,) = LENGTH.unpack_from(self.pending)
            if size > self.max_frame:
                raise WireError("frame too large")
            if len(self.pending) < LENGTH.size + size:
                break
            frames.append(bytes(self.pending[LENGTH.size : LENGTH.size + size]))
            del self.pending[: LENGTH.size + size]
        return frames
