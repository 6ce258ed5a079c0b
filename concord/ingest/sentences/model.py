"""The shipped sentence model: labels ``action``, ``decision`` or ``other``.

``weights.json`` is written by :mod:`concord.ingest.sentences.train` and read
once per process; scoring is the line model's (a sum of weights per label).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from concord.ingest.lines.model import best_labels

WEIGHTS = Path(__file__).with_name("weights.json")
LABELS = ("action", "decision", "other")
Classifier = Callable[[list[list[str]]], list[tuple[str, float]]]


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[float, ...]]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {f: tuple(ws) for f, ws in data["weights"].items()}


def classify(features: list[list[str]]) -> list[tuple[str, float]]:
    """``(label, margin)`` for each sentence's features (see :mod:`.features`)."""
    return best_labels(LABELS, _weights(), features)
