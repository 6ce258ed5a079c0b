"""Figures and judgements in words, for every performance page and report.

No queries: these functions take what the services worked out.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from concord.performance import charts, rules
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
    "no_data": "Not known",
}

SIGNIFICANCE_LABELS = {
    "better": "Better",
    "similar": "Similar",
    "worse": "Worse",
    "higher": "Higher",
    "lower": "Lower",
    "not_tested": "Not tested (no confidence interval)",
}

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
