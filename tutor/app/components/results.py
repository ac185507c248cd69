"""The results panel: a `Verdict` (the one the CLI and `--json` also render) as widgets.

Each check with its state, a failed check's message in full, the error and its kind, the
duration, the device and the seed, what the learner's code printed, and for checks that carry
a series (a training run's losses) a sparkline of it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ProgressBar, Sparkline, Static

from tutor import messages as M
from tutor.grading.verdict import Check, Verdict


def _percent(score: float) -> str:
    return M.APP_PERCENT.format(n=round(score * 100))


def verdict_widgets(
    verdict: Verdict, *, fixed: bool = False
) -> list[Static | Sparkline | Vertical]:
    """The widgets that show one verdict, top to bottom."""
    passed = sum(c.passed for c in verdict.checks)
    state = M.VERDICT_PASSED if verdict.passed else M.VERDICT_FAILED
    head = Static(
        Content(
            M.APP_VERDICT_HEAD.format(
                state=state, score=_percent(verdict.score), passed=passed, total=len(verdict.checks)
            )
        ),
        id="verdict-head",
        classes="passed" if verdict.passed else "failed",
    )
    duration = M.APP_DURATION_FIXED if fixed else M.APP_DURATION.format(s=verdict.duration_s)
    meta = Static(
        Content(
            M.APP_VERDICT_META.format(duration=duration, device=verdict.device, seed=verdict.seed)
        ),
        id="verdict-meta",
    )
    widgets: list[Static | Sparkline | Vertical] = [head, meta]
    if verdict.error is not None:
        kind = M.ERROR_KIND_NAMES.get(verdict.error.kind, verdict.error.kind)
        line = M.VERDICT_ERROR_LINE.format(line=verdict.error.line) if verdict.error.line else ""
        widgets.append(
            Static(
                Content(
                    M.APP_VERDICT_ERROR.format(
                        kind=kind, code=verdict.error.kind, message=verdict.error.message
                    )
                    + line
                ),
                id="verdict-error",
            )
        )
    for index, check in enumerate(verdict.checks):
        widgets.append(_check_widget(check, index, verdict))
    if verdict.output.strip():
        widgets.append(Static(Content(M.APP_VERDICT_OUTPUT), classes="output-label"))
        widgets.append(Static(Content(verdict.output.rstrip()), id="verdict-output"))
    if not verdict.passed:
        widgets.append(
            Static(
                Content(M.VERDICT_REPLAY.format(exercise=verdict.exercise, seed=verdict.seed)),
                id="verdict-replay",
            )
        )
    return widgets


def _check_widget(check: Check, index: int, verdict: Verdict) -> Vertical:
    mark, style = ("✔", "bold $success") if check.passed else ("✘", "bold $error")
    children: list[Static | Sparkline] = [
        Static(Content.assemble((f"{mark} ", style), check.name), classes="check-name")
    ]
    # A check stopped by the verdict's error would only repeat it: the error is shown once, above.
    repeats_error = verdict.error is not None and verdict.error.message in check.message
    if not check.passed and check.message and not repeats_error:
        children.append(Static(Content(check.message), classes="check-message"))
    if check.series:
        values = [float(v) for v in check.series]
        children.append(
            Static(
                Content(
                    M.APP_SERIES.format(
                        n=len(values), first=values[0], last=values[-1], low=min(values)
                    )
                ),
                classes="series-label",
            )
        )
        children.append(Sparkline(values, summary_function=max, classes="series"))
    return Vertical(
        *children, classes="check " + ("passed" if check.passed else "failed"), id=f"check-{index}"
    )


class ResultsPanel(Vertical):
    """Progress while grading runs, then the verdict."""

    def compose(self) -> ComposeResult:
        yield Static(Content(M.APP_RESULTS_TITLE), id="results-title")
        yield ProgressBar(total=None, show_eta=False, id="grading-bar")
        yield Static(Content(M.APP_RESULTS_EMPTY), id="grading-status")
        yield VerticalScroll(id="verdict")

    def on_mount(self) -> None:
        self.query_one("#grading-bar", ProgressBar).display = False

    def start(self) -> None:
        bar = self.query_one("#grading-bar", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        status = self.query_one("#grading-status", Static)
        status.display = True
        status.update(Content(M.APP_GRADING_STARTING))
        self.add_class("running")

    def grading_event(self, event: dict) -> None:
        """An event from the grading worker (`tutor.grading.client`)."""
        bar = self.query_one("#grading-bar", ProgressBar)
        status = self.query_one("#grading-status", Static)
        kind = event.get("event")
        if kind == "started":
            bar.update(total=max(int(event.get("total") or 0), 1), progress=0)
            status.update(Content(M.APP_GRADING_STARTED.format(total=event.get("total", 0))))
        elif kind == "case":
            total = int(event.get("total") or 0)
            bar.update(total=max(total, 1), progress=int(event.get("index") or 0))
            status.update(
                Content(
                    M.APP_GRADING_CASE.format(
                        name=event.get("name", ""),
                        index=int(event.get("index") or 0) + 1,
                        total=total,
                    )
                )
            )

    async def show_verdict(self, verdict: Verdict, *, fixed: bool = False) -> None:
        bar = self.query_one("#grading-bar", ProgressBar)
        bar.update(total=max(len(verdict.checks), 1), progress=max(len(verdict.checks), 1))
        bar.display = False
        self.remove_class("running")
        self.query_one("#grading-status", Static).update("")
        self.query_one("#grading-status", Static).display = False
        area = self.query_one("#verdict", VerticalScroll)
        await area.remove_children()
        await area.mount_all(verdict_widgets(verdict, fixed=fixed))
        area.scroll_home(animate=False)

    async def show_problem(self, message: str) -> None:
        """Grading could not run at all (no worker, a missing file): say why."""
        self.query_one("#grading-bar", ProgressBar).display = False
        self.remove_class("running")
        status = self.query_one("#grading-status", Static)
        status.display = True
        status.update(Content(M.APP_GRADING_PROBLEM.format(message=message)))
        await self.query_one("#verdict", VerticalScroll).remove_children()
