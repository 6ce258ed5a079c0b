"""What a targets import would do, shown before anything is written.

Fills the same :class:`~concord.performance.tabular.preview.Preview` as the
observations import: the counts of new, changed and unchanged rows, how each
column was read, and a bounded sample of each kind of row. A changed row
shows the old target, the new one, who set the old one and when (its latest
history record) and which other columns change. Its queries do not grow with
the file: one each for the sampled rows' indicators, areas and history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from concord.performance import rules
from concord.performance.models import Indicator, Target, TargetKind
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.preview import (
    CHANGE_KINDS,
    SAMPLE,
    Preview,
    area_labels,
    begin_preview,
    entered_words,
)
from concord.performance.tabular.reading import ImportResult, IndicatorFound, Periods
from concord.performance.words import figure

if TYPE_CHECKING:
    from concord.performance.tabular.targets import TargetRow

# The columns besides the value whose change a changed row names.
_ALSO = (
    ("kind", ("kind",)),
    ("top of the band", ("value_high",)),
    ("baseline", ("baseline_period_id", "baseline_value")),
    ("note", ("note",)),
)


def target_words(values: dict[str, Any], ind: Indicator, periods: dict[int, rules.Period]) -> str:
    """A target in words: its value or band, whether a milestone, and its baseline.

    >>> ind = Indicator(unit="percent", decimals=0)
    >>> target_words({"kind": "target", "value": 90, "value_high": None,
    ...               "baseline_period_id": None, "baseline_value": None}, ind, {})
    '90%'
    >>> p = {7: rules.parse_period("2023/24")}
    >>> target_words({"kind": "milestone", "value": 80, "value_high": 85,
    ...               "baseline_period_id": 7, "baseline_value": 70}, ind, p)
    '80% to 85% (profiled milestone), from 70% in 2023/24'
    """
    text = figure(values["value"], ind.unit, ind.decimals)
    if values["value_high"] is not None:
        text += f" to {figure(values['value_high'], ind.unit, ind.decimals)}"
    if values["kind"] == TargetKind.MILESTONE:
        text += " (profiled milestone)"
    baseline = values["baseline_period_id"]
    if baseline is not None and values["baseline_value"] is not None:
        label = periods[baseline].label() if baseline in periods else "an earlier period"
        text += f", from {figure(values['baseline_value'], ind.unit, ind.decimals)} in {label}"
    return text


def _stored(target: Target) -> dict[str, Any]:
    return {
        f: getattr(target, f)
        for f in ("kind", "value", "value_high", "baseline_period_id", "baseline_value", "note")
    }


def _set_by(targets: list[Target]) -> dict[int, str]:
    """Who set each target and when, from its latest history record (one query)."""
    latest: dict[int, str] = {}
    records = (
        Target.history.filter(id__in={t.pk for t in targets})
        .select_related("history_user")
        .order_by("id", "-history_date", "-history_id")
    )
    batches = {t.pk: t.batch_id for t in targets}
    for record in records:
        if record.id in latest:
            continue
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user is not None else ""
        latest[record.id] = entered_words(record.history_date, who, batches.get(record.id))
    return latest


def fill_target_preview(
    preview: Preview,
    parsed: list[TargetRow],
    periods: Periods,
    lookups: tuple[Lookup[IndicatorFound], Lookup[int]],
    result: ImportResult,
) -> None:
    """Counts, column readings and the sample rows of a classified targets file."""
    begin_preview(preview, lookups, result)
    preview.columns.append(
        ("value", "the target for the period (value_high, when given, makes it a band)")
    )
    sampled: list[TargetRow] = []
    for kind, _ in CHANGE_KINDS:
        sampled += [r for r in parsed if r.change == kind][:SAMPLE]
    inds = Indicator.objects.in_bulk({r.indicator_id for r in sampled})
    places = area_labels({r.area_id for r in sampled})
    by_id = {pk: rules.parse_period(code) for code, pk in periods.ids.items()}
    set_by = _set_by([r.old for r in sampled if r.old is not None])
    preview.samples = {kind: [] for kind, _ in CHANGE_KINDS}
    for r in sampled:
        ind = inds[r.indicator_id]
        old = _stored(r.old) if r.old is not None else None
        also = [
            word
            for word, fields in _ALSO
            if old is not None and any(old[f] != r.values[f] for f in fields)
        ]
        preview.samples[r.change].append(
            {
                "row": r.row,
                "indicator_id": r.indicator_id,
                "indicator": f"{ind.code} {ind.title}",
                "area": places.get(r.area_id, ""),
                "period": by_id[r.period_id].label(),
                "new": target_words(r.values, ind, by_id),
                "old": target_words(old, ind, by_id) if old is not None else "",
                "entered": set_by.get(r.old.pk, entered_words(None, "", r.old.batch_id))
                if r.old is not None
                else "",
                "ytd": "",
                "also": ", ".join(also),
            }
        )
