"""The results panel: a `Verdict` (the one the CLI and `--json` also render) as widgets.

Read top to bottom as the learner needs it: the headline (passed or not, the score), the
error said once in words, the first failing check in full, the other failures one line
each (Enter or a click opens one), the checks the error stopped and those that passed in a
line each, what the learner's code printed, a training run's loss curve, and how to replay
the run. The wording comes from `tutor.verdict_text`, shared with the CLI.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

from tutor import messages as M
from tutor import verdict_text as T
from tutor.app.components.code import CodeBlock
from tutor.grading.verdict import Check, Verdict
from tutor.numbers import general


def _check_name(check: Check) -> Content:
    mark, style = ("✔", "bold $success") if check.passed else ("✘", "bold $error")
    return Content.assemble((f"{mark} ", style), check.name)


def _series(check: Check) -> list[Widget]:
    """The loss curve: a line that says it in numbers, then the plot (the reference beside it)."""
    values = [float(v) for v in check.series or []]
    if not values:
        return []
    from tutor.app.components.curve import LossCurve  # plotext only when there is a curve

    finite = [v for v in values if math.isfinite(v)] or [math.nan]
    label = M.APP_SERIES.format(
        n=len(values), first=general(values[0]), last=general(values[-1]), low=general(min(finite))
    )
    if len(finite) < len(values) or math.isnan(finite[0]):
        label += M.APP_SERIES_NONFINITE.format(n=len(values) - len([v for v in finite if v == v]))
    reference = [float(v) for v in check.reference_series or []]
    return [
        Static(Content(label), classes="series-label"),
        LossCurve(values, reference, classes="series"),
    ]


def verdict_widgets(
    verdict: Verdict,
    *,
    duration: str | None = None,
    replay_command: str = "",
    stale: bool = False,
    replay: bool = False,
) -> list[Widget]:
    """The widgets that show one verdict, top to bottom."""
    from textual.widgets import Collapsible  # a few ms; not before the first verdict

    widgets: list[Widget] = [
        Static(
            Content(T.headline(verdict)),
            id="verdict-head",
            classes="passed" if verdict.passed else "failed",
        ),
        Static(Content(T.details(verdict, duration)), id="verdict-meta"),
        Static(Content(M.APP_VERDICT_STALE), id="verdict-stale"),
    ]
    widgets[-1].display = stale
    if replay:
        widgets.append(Static(Content(M.APP_VERDICT_REPLAY), id="verdict-replay-note"))
    if verdict.error is not None:
        widgets.append(Static(Content(T.error_text(verdict.error)), id="verdict-error"))

    groups = T.group_checks(verdict)
    index = {id(check): i for i, check in enumerate(verdict.checks)}
    if groups.first_failure is not None:
        check = groups.first_failure
        widgets.append(
            Vertical(
                Static(_check_name(check), classes="check-name"),
                Static(Content(check.message), classes="check-message"),
                *_series(check),
                classes="check failed first",
                id=f"check-{index[id(check)]}",
            )
        )
    for check in groups.other_failures:
        title = Content.assemble(
            ("✘ ", "bold $error"), check.name, (" — " + T.first_line(check.message), "dim")
        )
        widgets.append(
            Collapsible(
                Static(Content(check.message), classes="check-message"),
                *_series(check),
                title=title,  # type: ignore[arg-type]  # Content: no markup parsing
                classes="check failed more",
                id=f"check-{index[id(check)]}",
            )
        )
    if groups.other_failures:
        widgets.append(Static(Content(M.APP_VERDICT_EXPAND), id="verdict-expand"))
    if groups.blocked:
        widgets.append(Static(Content(T.blocked_line(groups.blocked)), id="checks-blocked"))
    plain_passes = [c for c in groups.passed if not c.series]
    if plain_passes:
        widgets.append(
            Static(
                Content.assemble(("✔ ", "bold $success"), T.passed_line(plain_passes)),
                id="checks-passed",
            )
        )
    for check in groups.passed:
        if check.series:
            widgets.append(
                Vertical(
                    Static(_check_name(check), classes="check-name"),
                    *_series(check),
                    classes="check passed",
                    id=f"check-{index[id(check)]}",
                )
            )
    if verdict.output.strip():
        widgets.append(Static(Content(M.APP_VERDICT_OUTPUT), classes="output-label"))
        widgets.append(Static(Content(verdict.output.rstrip()), id="verdict-output"))
    if verdict.passed:
        widgets.append(Static(Content(M.APP_NEXT_AFTER_PASS), id="verdict-next"))
    elif replay_command:
        # The command on a line of its own, never wrapped: it is there to be copied.
        widgets.append(Static(Content(M.APP_VERDICT_REPLAY_LABEL), id="verdict-replay"))
        widgets.append(CodeBlock(replay_command, language="bash", id="replay-command"))
    return widgets


class ResultsPanel(Vertical):
    """Progress while grading runs, then the verdict (or why there is none)."""

    # idle: nothing graded yet · running · graded · problem: grading could not run
    state = var("idle")

    def compose(self) -> ComposeResult:
        yield Static(Content(M.APP_RESULTS_TITLE), id="results-title")
        yield ProgressBar(total=None, show_eta=False, id="grading-bar")
        yield Static(Content(M.APP_RESULTS_EMPTY), id="grading-status")
        yield VerticalScroll(id="verdict")

    def watch_state(self, old: str, new: str) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
        self.query_one("#grading-bar", ProgressBar).display = new == "running"
        self.query_one("#grading-status", Static).display = new != "graded"

    def on_mount(self) -> None:
        self.watch_state("idle", self.state)

    _case_line = ""

    def start(self) -> None:
        self.query_one("#grading-bar", ProgressBar).update(total=None, progress=0)
        self.query_one("#grading-status", Static).update(Content(M.APP_GRADING_STARTING))
        self.state = "running"

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
            self._case_line = M.APP_GRADING_CASE.format(
                name=event.get("name", ""), index=int(event.get("index") or 0) + 1, total=total
            )
            status.update(Content(self._case_line))
        elif kind == "progress":
            # A training case reports its epochs: the bar follows them until the next case.
            epoch, of = event.get("epoch"), event.get("of")
            if isinstance(epoch, int) and isinstance(of, int) and of > 0:
                bar.update(total=of, progress=min(epoch + 1, of))
            status.update(Content(self._case_line + T.training_progress(event)))

    async def show_verdict(
        self,
        verdict: Verdict,
        *,
        duration: str | None = None,
        replay_command: str = "",
        stale: bool = False,
        replay: bool = False,
    ) -> None:
        area = self.query_one("#verdict", VerticalScroll)
        await area.remove_children()
        await area.mount_all(
            verdict_widgets(
                verdict,
                duration=duration,
                replay_command=replay_command,
                stale=stale,
                replay=replay,
            )
        )
        self.state = "graded"
        self.mark_stale(stale)
        area.scroll_home(animate=False)

    async def show_summary(self, summary: str) -> None:
        """An attempt recorded before verdicts were kept: what is known of it."""
        await self.query_one("#verdict", VerticalScroll).remove_children()
        self.query_one("#grading-status", Static).update(Content(summary))
        self.state = "idle"

    def mark_stale(self, stale: bool) -> None:
        """The file changed after this verdict was made (or changed back)."""
        self.set_class(stale, "-stale")
        for note in self.query("#verdict-stale"):
            note.display = stale

    @property
    def is_stale(self) -> bool:
        return self.has_class("-stale")

    async def show_problem(self, message: str) -> None:
        """Grading could not run at all (no worker, a missing file): say why."""
        self.query_one("#grading-status", Static).update(
            Content(M.APP_GRADING_PROBLEM.format(message=message))
        )
        await self.query_one("#verdict", VerticalScroll).remove_children()
        self.state = "problem"
