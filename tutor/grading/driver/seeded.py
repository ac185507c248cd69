"""Seeded values both sides compute the same way: nothing here is secret.

The learner's process and the grading job each compute the upstream gradient fed into
`backward()` and the fresh parameter values loaded before a module step, from the case's
seed alone, so neither value has to cross the boundary.
"""

from __future__ import annotations

import zlib

import torch


def upstream_gradient(seed: int, shape, dtype: torch.dtype) -> torch.Tensor:
    """The gradient fed into backward(): the same in the learner's process and the reference."""
    g = torch.Generator().manual_seed(seed + 1)
    if not dtype.is_floating_point and not dtype.is_complex:
        dtype = torch.float32
    return torch.randn(tuple(shape), generator=g, dtype=dtype)


def step_upstream(seed: int, index: int, k: int, shape, dtype: torch.dtype) -> torch.Tensor:
    """The gradient fed into backward() for output `k` of step `index` of a module case."""
    return upstream_gradient(seed + 7_919 * (index + 1) + 104_729 * k, shape, dtype)


def fresh_value(seed: int, index: int, key: str, shape, dtype: torch.dtype) -> torch.Tensor:
    """A seeded value for state entry `key` before step `index`. Names with 'var' stay positive."""
    g = torch.Generator().manual_seed((seed + zlib.crc32(f"{index}:{key}".encode())) % (2**62))
    low, high = (0.5, 1.5) if "var" in key else (-1.0, 1.0)
    return (
        torch.rand(tuple(shape), generator=g, dtype=torch.float64)
        .mul(high - low)
        .add(low)
        .to(dtype)
    )
