"""A verdict in words: the pieces the CLI and the app both show, decided once.

How an error is said (its kind in words, once, and its line, once), how checks are grouped
(the first failure in full, the other failures one line each, the checks an error stopped in
one line together), and how the headline's numbers are written. Imports no UI library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tutor import messages as M
from tutor.grading.verdict import Check, GradeError, Verdict
from tutor.numbers import general, percent, seconds
from tutor.textfold import fold

# Words (folded) by which an engine message already names its own kind: then the kind is not
# said again in front of it. Matched, not shown.
_SELF_NAMING = {
    "syntax": ("sozdizimi", "girinti"),
    "import": ("yuklen", "modul", "ice aktar"),
    "missing_symbol": ("tanimli degil", "tanimlamali", "eksik"),
    "exception": ("istisna",),
    "forbidden": ("yasak",),
    "timeout": ("sure siniri", "zaman asimi"),
    "memory": ("bellek",),
    "crash": ("cok", "surec", "sonlandi"),
}


def _names_itself(text: str, kind: str) -> bool:
    folded = fold(text)
    return any(word in folded for word in _SELF_NAMING.get(kind, ()))


def error_text(error: GradeError) -> str:
    """The error in one sentence: what kind (in words, once), where (once), and the message.

    "Kodunuz çalışırken hata verdi (12. satır): Çözüm henüz yazılmamış ..." or, when the
    message names its kind itself, "Yasak çağrı: F.softmax kullanılmış (8. satırda). ..."
    """
    message = error.message.strip()
    line = ""
    if error.line and f"{error.line}. satır" not in message:
        line = M.VERDICT_ERROR_AT_LINE.format(line=error.line)
    head, sep, body = message.partition(": ")
    if sep and len(head) <= 60 and _names_itself(head, error.kind):
        return f"{head}{line}: {body}"  # "Python sözdizimi hatası (3. satır): ..."
    first_clause = message.split(";")[0].split(". ")[0]
    if _names_itself(first_clause, error.kind):
        if not line:
            return message
        stop = "." if message.endswith(".") else ""
        return message.removesuffix(".") + line + stop
    heading = M.ERROR_KIND_HEADINGS.get(error.kind, M.ERROR_KIND_HEADINGS["crash"])
    return f"{heading}{line}: {message}"


def json_error_text(error: dict) -> str:
    """`error_text` for the error of a verdict read back from JSON (reports, exports)."""
    return error_text(GradeError(error["kind"], error["message"], error.get("line")))


def training_progress(event: dict) -> str:
    """A grading "progress" event in words, to follow the case's line: " · dönem 3/10"."""
    epoch, of, steps = event.get("epoch"), event.get("of"), event.get("steps")
    if isinstance(epoch, int):
        if isinstance(of, int) and of > 0:
            return M.GRADING_EPOCH_OF.format(epoch=epoch + 1, of=of)
        return M.GRADING_EPOCH.format(epoch=epoch + 1)
    if isinstance(steps, int):
        return M.GRADING_STEPS.format(steps=steps)
    return ""


_BARS = "▁▂▃▄▅▆▇█"


def _buckets(values: list[float], width: int) -> list[float]:
    """At most `width` values: the mean of each run of neighbours (NaN where one is not finite)."""
    if len(values) <= width:
        return values
    out = []
    for k in range(width):
        part = values[k * len(values) // width : (k + 1) * len(values) // width]
        out.append(sum(part) / len(part) if all(math.isfinite(v) for v in part) else math.nan)
    return out


def sparkline(values: list[float], low: float, high: float, width: int = 48) -> str:
    """A curve in block characters on a given scale (so that two curves can be compared);
    "×" where a value is NaN or infinite."""
    marks = []
    for v in _buckets(values, width):
        if not math.isfinite(v):
            marks.append("×")
        elif high <= low:
            marks.append(_BARS[0])
        else:
            level = (min(max(v, low), high) - low) / (high - low)
            marks.append(_BARS[min(int(level * len(_BARS)), len(_BARS) - 1)])
    return "".join(marks)


def curve_lines(check: Check, width: int = 48) -> list[str]:
    """A check's loss curve for a terminal: a line in numbers, then the learner's curve and the
    reference run's on one scale."""
    values = [float(v) for v in check.series or []]
    if not values:
        return []
    reference = [float(v) for v in check.reference_series or []]
    finite = [v for v in values + reference if math.isfinite(v)] or [0.0]
    low, high = min(finite), max(finite)
    mine = [v for v in values if math.isfinite(v)] or [math.nan]
    lines = [
        M.APP_SERIES.format(
            n=len(values),
            first=general(values[0]),
            last=general(values[-1]),
            low=general(min(mine)),
        )
    ]
    names = [M.APP_CURVE_YOURS] + ([M.APP_CURVE_REFERENCE] if reference else [])
    pad = max(len(n) for n in names)
    lines.append(f"{M.APP_CURVE_YOURS:<{pad}}  {sparkline(values, low, high, width)}")
    if reference:
        lines.append(f"{M.APP_CURVE_REFERENCE:<{pad}}  {sparkline(reference, low, high, width)}")
    return lines


@dataclass
class CheckGroups:
    """A verdict's checks as the learner should read them."""

    first_failure: Check | None = None  # shown in full
    other_failures: list[Check] = field(default_factory=list)  # one line each, expandable
    blocked: list[Check] = field(default_factory=list)  # failed only because of the error
    passed: list[Check] = field(default_factory=list)


def _blocked_by_error(check: Check, verdict: Verdict) -> bool:
    message = check.message.strip()
    if not message or message == M.GRADE_CASE_NOT_REACHED:
        return True
    # A check stopped by the verdict's error would only repeat it: the error is said once.
    return verdict.error is not None and verdict.error.message.strip() in message


def group_checks(verdict: Verdict) -> CheckGroups:
    groups = CheckGroups()
    for check in verdict.checks:
        if check.passed:
            groups.passed.append(check)
        elif _blocked_by_error(check, verdict):
            groups.blocked.append(check)
        elif groups.first_failure is None:
            groups.first_failure = check
        else:
            groups.other_failures.append(check)
    return groups


def first_line(message: str) -> str:
    """A failure message cut to its first sentence, for the one-line form."""
    text = " ".join(message.split())
    for stop in (". ", "; "):
        at = text.find(stop)
        if 0 < at < len(text) - 2:
            text = text[:at]
    return text.rstrip(".")


def headline(verdict: Verdict) -> str:
    """ "KALDI · puan %10 · 1/10 denetim geçti" """
    return M.VERDICT_HEADLINE.format(
        state=M.VERDICT_PASSED if verdict.passed else M.VERDICT_FAILED,
        score=percent(verdict.score),
        passed=sum(c.passed for c in verdict.checks),
        total=len(verdict.checks),
    )


def details(verdict: Verdict, duration: str | None = None) -> str:
    """ "0,07 sn · cihaz: cpu · tohum: 1234"; `duration` replaces the measured one (tests)."""
    return M.VERDICT_DETAILS.format(
        duration=duration if duration is not None else seconds(verdict.duration_s),
        device=verdict.device,
        seed=verdict.seed,
    )


def blocked_line(checks: list[Check]) -> str:
    # Case names may hold commas themselves ("auto, CUDA yokken"): a semicolon between them.
    return M.VERDICT_BLOCKED.format(n=len(checks), names="; ".join(c.name for c in checks))


def passed_line(checks: list[Check]) -> str:
    return M.VERDICT_PASSED_CHECKS.format(n=len(checks), names="; ".join(c.name for c in checks))
