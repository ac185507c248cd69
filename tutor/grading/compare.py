"""Compare what the learner's code returned with the reference, and say how they differ.

The messages aim at `torch.testing.assert_close`'s precision, in Turkish: how many elements
differ, the largest absolute and relative difference and where, the tolerances used; before
that, the type, shape, dtype and device, and NaN/Inf where finite values were expected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch

from tutor import messages as M
from tutor.numbers import decimal

# (atol, rtol) by dtype: a little looser than torch.testing's defaults, because a correct
# learner implementation does not fuse operations the way PyTorch's kernels do.
TOLERANCES: dict[torch.dtype, tuple[float, float]] = {
    torch.float16: (1e-3, 1e-3),
    torch.bfloat16: (1e-2, 1.6e-2),
    torch.float32: (1e-5, 1e-4),
    torch.float64: (1e-7, 1e-7),
    torch.complex64: (1e-5, 1e-4),
    torch.complex128: (1e-7, 1e-7),
}


@dataclass
class RemoteTensor:
    """A tensor as it arrived from the learner's process, with what it was there."""

    tensor: torch.Tensor
    device: str
    requires_grad: bool
    is_parameter: bool = False


@dataclass
class RemoteOther:
    """A value that is neither a tensor nor a plain Python value."""

    type_name: str
    text: str


def describe_type(value: Any) -> str:
    if isinstance(value, RemoteTensor):
        return M.KIND_TENSOR
    if isinstance(value, RemoteOther):
        return value.type_name
    if value is None:
        return "None"
    return type(value).__name__


def tolerances(dtype: torch.dtype) -> tuple[float, float]:
    return TOLERANCES.get(dtype, (0.0, 0.0))


def format_index(flat: int, shape: tuple[int, ...]) -> str:
    if not shape:
        return "[]"
    idx = []
    for size in reversed(shape):
        idx.append(flat % size)
        flat //= size
    return "[" + ", ".join(str(i) for i in reversed(idx)) + "]"


def format_shape(shape) -> str:
    dims = tuple(shape)
    return "(" + ", ".join(map(str, dims)) + ("," if len(dims) == 1 else "") + ")"


def check_tensor(
    actual: Any,
    expected: torch.Tensor,
    what: str,
    *,
    atol: float | None = None,
    rtol: float | None = None,
    expected_device: str | None = None,
    check_dtype: bool = True,
) -> str | None:
    """None when `actual` matches `expected`, else the Turkish explanation."""
    if not isinstance(actual, RemoteTensor):
        return M.CMP_NOT_TENSOR.format(what=what, got=describe_type(actual))
    got = actual.tensor
    if tuple(got.shape) != tuple(expected.shape):
        return M.CMP_SHAPE.format(
            what=what, expected=format_shape(expected.shape), actual=format_shape(got.shape)
        )
    if check_dtype and got.dtype != expected.dtype:
        return M.CMP_DTYPE.format(what=what, expected=expected.dtype, actual=got.dtype)
    if expected_device is not None and actual.device != expected_device:
        return M.CMP_DEVICE.format(what=what, expected=expected_device, actual=actual.device)
    return compare_values(got, expected.detach().cpu(), what, atol=atol, rtol=rtol)


def compare_values(
    got: torch.Tensor,
    expected: torch.Tensor,
    what: str,
    *,
    atol: float | None = None,
    rtol: float | None = None,
) -> str | None:
    default_atol, default_rtol = tolerances(expected.dtype)
    atol = default_atol if atol is None else atol
    rtol = default_rtol if rtol is None else rtol
    shape = tuple(expected.shape)
    if expected.dtype.is_floating_point or expected.dtype.is_complex:
        g = (
            got.detach()
            .to(torch.float64 if not expected.is_complex() else torch.complex128)
            .reshape(-1)
        )
        e = expected.detach().to(g.dtype).reshape(-1)
        problem = _nonfinite(g, e, what, shape)
        if problem:
            return problem
        finite = torch.isfinite(e)
        diff = (g - e).abs()
        diff = torch.where(finite, diff, torch.zeros_like(diff))
        bad = diff > atol + rtol * e.abs()
        count = int(bad.sum())
        if count == 0:
            return None
        if not shape:  # one number: say it plainly
            return M.CMP_SCALAR_TENSOR.format(
                what=what,
                expected=_scalar(e[0]),
                actual=_scalar(g[0]),
                diff=float(diff[0]),
                atol=atol,
                rtol=rtol,
            )
        abs_i = int(diff.argmax())
        scale = e.abs()
        rel = torch.where(
            scale > 0, diff / scale.clamp_min(torch.finfo(torch.float64).tiny), diff * math.inf
        )
        rel = torch.where(finite & (diff > 0), rel, torch.zeros_like(rel))
        rel_i = int(rel.argmax())
        return M.CMP_VALUES.format(
            what=what,
            total=e.numel(),
            count=count,
            percent=decimal(100.0 * count / e.numel(), 1),  # prose: a comma
            abs_diff=float(diff[abs_i]),
            abs_index=format_index(abs_i, shape),
            expected=_scalar(e[abs_i]),
            actual=_scalar(g[abs_i]),
            rel_diff=float(rel[rel_i]),
            rel_index=format_index(rel_i, shape),
            atol=atol,
            rtol=rtol,
        )
    g = got.reshape(-1)
    e = expected.reshape(-1).to(got.dtype) if got.dtype != expected.dtype else expected.reshape(-1)
    bad = g != e
    count = int(bad.sum())
    if count == 0:
        return None
    first = int(bad.nonzero()[0])
    return M.CMP_EXACT.format(
        what=what,
        total=e.numel(),
        count=count,
        index=format_index(first, shape),
        expected=_scalar(e[first]),
        actual=_scalar(g[first]),
    )


def _scalar(t: torch.Tensor):
    value = t.item()
    return value.real if isinstance(value, complex) and value.imag == 0 else value


def _nonfinite(g: torch.Tensor, e: torch.Tensor, what: str, shape: tuple[int, ...]) -> str | None:
    if g.is_complex():
        return None
    for kind, test in ((M.NONFINITE_NAN, torch.isnan), (M.NONFINITE_INF, torch.isinf)):
        unexpected = test(g) & ~test(e)
        count = int(unexpected.sum())
        if count:
            first = int(unexpected.nonzero()[0])
            if bool(torch.isfinite(e).all()):
                return M.CMP_NONFINITE.format(
                    what=what, count=count, kind=kind, index=format_index(first, shape)
                )
            return M.CMP_NONFINITE_EXPECTED.format(
                what=what,
                index=format_index(first, shape),
                expected=_scalar(e[first]),
                actual=_scalar(g[first]),
            )
    # Expected NaN/Inf that did not come: report where.
    mismatch = (torch.isnan(e) & ~torch.isnan(g)) | (torch.isinf(e) & (g != e))
    if bool(mismatch.any()):
        first = int(mismatch.nonzero()[0])
        return M.CMP_NONFINITE_EXPECTED.format(
            what=what,
            index=format_index(first, shape),
            expected=_scalar(e[first]),
            actual=_scalar(g[first]),
        )
    return None


def same_tensor(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Exact equality, NaN equal to NaN: for spotting inputs changed in place."""
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.is_floating_point:
        return bool(
            torch.equal(torch.nan_to_num(a, nan=0.0), torch.nan_to_num(b, nan=0.0))
        ) and bool(torch.equal(torch.isnan(a), torch.isnan(b)))
    return bool(torch.equal(a, b))
