"""Figures and judgements in words, for every performance page and report.

No queries: these functions take what the services worked out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe

from concord.performance import charts, rules

if TYPE_CHECKING:  # status.py reads these words
    from concord.performance.status import IndicatorStatus
from concord.performance.models import (
    Unit,
)

RAG_LABELS = {
    "green": "Green: target met",
    "amber": "Amber: missed, within tolerance",
    "red": "Red: missed by more than tolerance",
    "no_data": "No data: awaited",
    "data_only": "Data only: no target",
}

TRAVEL_LABELS = {
    "improving": "Improving",
    "worsening": "Worsening",
    "increasing": "Increasing",
    "decreasing": "Decreasing",
    # The change is within the tolerance or the confidence intervals overlap: say so.
    "no_change": "No significant change (within tolerance or the confidence interval)",
    "no_data": "Not known (no figure to compare with)",
}

SIGNIFICANCE_LABELS = {
    "better": "Better",
    # The intervals overlap: the difference may be chance. Say so.
    "similar": "Similar: no significant difference (the confidence intervals overlap)",
    "worse": "Worse",
    "higher": "Higher",
    "lower": "Lower",
    "not_tested": "Not tested (no confidence interval)",
}


def comparison_words(
    significance: str,
    comparator: str = "",
    *,
    has_interval: bool = True,
    comparator_has_figure: bool = True,
    comparator_has_interval: bool = True,
) -> str:
    """The comparison with another area in words, with the reason when it was not tested.

    >>> comparison_words("not_tested", "Harrowby", has_interval=False)
    'Not tested: this figure has no confidence interval'
    >>> comparison_words("not_tested", "Harrowby", comparator_has_figure=False)
    'Not tested: Harrowby has no figure for the period'
    >>> comparison_words("not_tested", "Harrowby", comparator_has_interval=False)
    "Not tested: Harrowby's figure has no confidence interval"
    >>> comparison_words("not_tested")
    'Not tested: there is no area above this one to compare with'
    >>> comparison_words("similar", "Harrowby")
    'Similar: no significant difference (the confidence intervals overlap)'
    """
    if significance != "not_tested":
        return SIGNIFICANCE_LABELS.get(significance, significance)
    if not comparator:
        return "Not tested: there is no area above this one to compare with"
    if not has_interval:
        return "Not tested: this figure has no confidence interval"
    if not comparator_has_figure:
        return f"Not tested: {comparator} has no figure for the period"
    if not comparator_has_interval:
        return f"Not tested: {comparator}'s figure has no confidence interval"
    return SIGNIFICANCE_LABELS["not_tested"]


def status_comparison_words(status: IndicatorStatus) -> str:
    """:func:`comparison_words` for one indicator's status (no queries)."""
    point, other = status.point, status.comparator_point
    return comparison_words(
        status.significance.value,
        status.comparator.name if status.comparator else "",
        has_interval=point is not None and point.ci is not None,
        comparator_has_figure=other is not None,
        comparator_has_interval=other is not None and other.ci is not None,
    )


STATUS_FILTERS = [("", "Any status"), *((k, v.split(":")[0]) for k, v in RAG_LABELS.items())]

ILLUSTRATIVE_TEXT = (
    "Illustrative figures: this data set is invented for demonstration and is not real."
)


def svg(markup: str) -> SafeString:
    """Mark a chart from :mod:`concord.performance.charts` safe for a template.

    Only for our own SVG: the chart functions escape every piece of text they
    are given, so no imported text reaches the page unescaped.
    """
    return mark_safe(markup)  # built by charts.py, which escapes all text


def unit_suffix(unit: str, unit_label: str = "") -> str:
    """What follows a figure: '%' for a percentage, else the unit's label."""
    if unit == Unit.PERCENT:
        return "%"
    return ""


def figure(value: float | None, indicator_unit: str = "", decimals: int = 1) -> str:
    """A value with its unit, e.g. '41.5%' or '1,204'; '' when missing.

    >>> figure(41.456, "percent"), figure(1204.0, "count", 0), figure(None)
    ('41.5%', '1,204', '')
    """
    if value is None:
        return ""
    return charts.format_number(value, decimals) + unit_suffix(indicator_unit)


def target_text(target: float | rules.Band | None, unit: str = "", decimals: int = 1) -> str:
    """A target or band in words: '40', '40 to 60'; '' when there is none."""
    if target is None:
        return ""
    if isinstance(target, rules.Band):
        return f"{figure(target.low, unit, decimals)} to {figure(target.high, unit, decimals)}"
    return figure(target, unit, decimals)


SUPPRESSED = "Suppressed (small number)"


def summary_text(summary: rules.RagSummary) -> str:
    """'60% achieving target (6 of 10); 2 without a target; 1 awaiting data'.

    >>> summary_text(rules.summarise_rag(["green", "red", "no_data"]))
    '50% achieving target (1 of 2); 1 awaiting data'
    """
    if summary.percent_achieving is None:
        head = "Achieving target: not available (no indicator could be judged)"
    else:
        head = (
            f"{charts.format_number(summary.percent_achieving, 0)}% achieving target "
            f"({summary.green} of {summary.denominator})"
        )
    parts = [head]
    if summary.data_only:
        parts.append(f"{summary.data_only} without a target")
    if summary.no_data:
        parts.append(f"{summary.no_data} awaiting data")
    return "; ".join(parts)
