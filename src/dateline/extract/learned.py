"""Learned decisions over rule candidates, behind one small interface.

The rules of ``attributions`` and ``events`` find candidates and describe each by named signals
(``{"lemma=say": 1.0, "cue rate": 0.8, ...}``). A ``LinearFilter`` read from a JSON file in
``dateline.data`` weighs them: its log-odds decide keep or drop against a threshold, and a Platt
calibration fitted on annotated real news turns them into a confidence (0-1) that means what it
says: of the facts given 0.7, about seven in ten are right. The files are written by the training
scripts in ``scripts/`` (``train_attribution_filter.py``, ``train_event_filter.py``,
``calibrate_confidence.py``); without a file every candidate is kept with no confidence of its own.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Calibration:
    """Log-odds -> probability: ``1 / (1 + exp(-(slope * log_odds + intercept)))``. ``unweighed`` is
    the confidence of a candidate the filter has no signals for (a headline's "X: ...")."""

    slope: float = 1.0
    intercept: float = 0.0
    unweighed: float = 0.5

    def probability(self, log_odds: float) -> float:
        z = self.slope * log_odds + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LinearFilter:
    """Weights by signal name, a keep threshold on the log-odds, and a calibration."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = float("-inf")
    calibration: Calibration = field(default_factory=Calibration)

    def score(self, signals: dict[str, float]) -> float:
        """Log-odds that the candidate is right."""
        return sum(self.weights.get(name, 0.0) * value for name, value in signals.items())

    def keeps(self, signals: dict[str, float]) -> bool:
        """Whether the candidate stays: always when there is no model or nothing to weigh."""
        if not signals or not self.weights:
            return True
        return self.score(signals) >= self.threshold

    def confidence(self, signals: dict[str, float]) -> float | None:
        """The calibrated probability that the candidate is right; None with no model at all."""
        if not self.weights:
            return None
        if not signals:
            return round(self.calibration.unweighed, 3)
        return round(self.calibration.probability(self.score(signals)), 3)


@lru_cache(maxsize=8)
def load_filter(file_name: str) -> LinearFilter:
    """The filter stored as ``dateline/data/<file_name>``, or an empty one that keeps everything."""
    path = resources.files("dateline.data").joinpath(file_name)
    if not path.is_file():
        return LinearFilter()
    data = json.loads(path.read_text(encoding="utf-8"))
    calibration = Calibration(**data.get("calibration", {}))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return LinearFilter(weights, float(data["threshold"]), calibration)
