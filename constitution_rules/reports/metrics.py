"""The balance metrics as JSON (``metrics --format json``): the metrics model with its schema version."""

from __future__ import annotations

import json
from typing import Any

from constitution_rules.metrics import METRICS_VERSION

#: The model's own version (2: acting powers, checks and oversight coverage re-founded, issue 9),
#: under the key every JSON output uses.
METRICS_SCHEMA_VERSION = METRICS_VERSION


def render_metrics_json(metrics: Any) -> str:
    payload = {"schema_version": METRICS_SCHEMA_VERSION, **metrics.model_dump(mode="json")}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
