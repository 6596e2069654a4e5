"""The balance metrics as JSON (``metrics --format json``): the metrics model with its schema version."""

from __future__ import annotations

import json
from typing import Any

#: Changes only when a field is removed or changes meaning; new fields keep the version.
METRICS_SCHEMA_VERSION = "2"  # 2: acting powers, checks and oversight coverage re-founded (issue 9)


def render_metrics_json(metrics: Any) -> str:
    payload = {"schema_version": METRICS_SCHEMA_VERSION, **metrics.model_dump(mode="json")}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
