"""The shipped line model: a linear classifier scored in pure Python.

``weights.json`` holds, for each label, a weight per feature (see
:mod:`concord.ingest.lines.features`); a line's label is the one whose
weights sum highest over its features.  It is written by
:mod:`concord.ingest.lines.train` and read once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from concord.ingest.lines.features import document_features

WEIGHTS = Path(__file__).with_name("weights.json")


@lru_cache(maxsize=1)
def _weights() -> tuple[tuple[str, ...], dict[str, tuple[float, ...]]]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    labels = tuple(data["labels"])
    return labels, {f: tuple(ws) for f, ws in data["weights"].items()}


def classify(lines: list[str]) -> list[tuple[str, float]]:
    """``(label, margin)`` for each line: the best label and how far it leads the
    second (a small margin means the model is unsure).

    >>> [lab for lab, _ in classify(["Present:", "Ann Ashby (Chair)", "Bryn Lunt, Wendle Council"])]
    ['att_head', 'person', 'person']
    """
    labels, weights = _weights()
    return best_labels(labels, weights, document_features(lines))


def best_labels(
    labels: tuple[str, ...], weights: dict[str, tuple[float, ...]], features: list[list[str]]
) -> list[tuple[str, float]]:
    """``(label, margin)`` for each list of features under a linear model's weights."""
    out = []
    get = weights.get
    for feats in features:
        rows = [ws for ws in map(get, feats) if ws is not None]
        score = [sum(col) for col in zip(*rows, strict=True)] if rows else [0.0] * len(labels)
        best = max(range(len(labels)), key=score.__getitem__)
        top = score[best]
        score[best] = float("-inf")
        out.append((labels[best], top - max(score)))
    return out
