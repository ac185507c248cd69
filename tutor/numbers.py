"""Numbers as Turkish writes them, in one place: "%10", "0,07 sn", "1,25".

Turkish puts the percent sign before the number and uses a decimal comma. The app, the CLI
and the reports all format numbers for people through these functions. (Numbers inside code,
such as tolerances in a grader's message, are Python's and keep their point.)
"""

from __future__ import annotations

import math


def decimal(value: float, digits: int = 2) -> str:
    """A fixed number of decimals with a comma: `decimal(0.0712)` → "0,07"."""
    return f"{value:.{digits}f}".replace(".", ",")


def general(value: float, significant: int = 4) -> str:
    """A short form for values of any size, with a comma: 0.012345 → "0,01234"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:.{significant}g}".replace(".", ",")


def percent(fraction: float) -> str:
    """A share of 1 as a whole percent, the sign first: 0.1 → "%10"."""
    return f"%{round(fraction * 100)}"


def seconds(value: float) -> str:
    """A duration: 0.0712 → "0,07 sn"."""
    return f"{decimal(value, 2)} sn"
