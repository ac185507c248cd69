"""A training run's loss curve beside the reference run's, drawn with plotext.

The grader sends the learner's curve (`Check.series`) and, where it has one, the reference
solution's on the same data (`Check.reference_series`). Seeing the two together tells more
than any number: a curve that starts right but flattens (a missing `zero_grad`), one that
climbs (a sign error), one that never moves (a forgotten `step`).
"""

from __future__ import annotations

import math

from textual_plotext import PlotextPlot

from tutor import messages as M
from tutor.numbers import general

# plotext's own colours: the learner's curve stands out, the reference is quieter.
_YOURS = "orange"
_REFERENCE = "cyan"


def _finite(values: list[float]) -> list[float]:
    return [v for v in values if math.isfinite(v)]


class LossCurve(PlotextPlot):
    """Two curves on one set of axes, the y ticks written with a decimal comma."""

    DEFAULT_CSS = """
    LossCurve {
        height: 14;
        width: 1fr;
        max-width: 90;
        margin-left: 2;
    }
    """

    def __init__(self, values: list[float], reference: list[float] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.values = values
        self.reference = reference or []
        plt = self.plt
        # Non-finite values cannot be drawn; the label above the plot names them.
        shown = [(i + 1, v) for i, v in enumerate(values) if math.isfinite(v)]
        if self.reference:
            ref = [(i + 1, v) for i, v in enumerate(self.reference) if math.isfinite(v)]
            if ref:
                plt.plot(*zip(*ref), label=M.APP_CURVE_REFERENCE, color=_REFERENCE)
        if shown:
            plt.plot(*zip(*shown), label=M.APP_CURVE_YOURS, color=_YOURS)
        plt.xlabel(M.APP_CURVE_X)
        longest = max(len(values), len(self.reference))
        if longest > 1:  # whole numbers on the x axis: the 1st, ..., the nth value
            xs = sorted({1, *(round(1 + (longest - 1) * k / 4) for k in range(1, 4)), longest})
            plt.xticks(xs, [str(x) for x in xs])
        every = _finite(values) + _finite(self.reference)
        if every:
            low, high = min(every), max(every)
            if high > low:
                ticks = [low + (high - low) * k / 3 for k in range(4)]
            else:
                ticks = [low]
            plt.yticks(ticks, [general(t, 3) for t in ticks])
