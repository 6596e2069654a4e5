"""The field's indices computed from a constitution's text: Fish & Kroenig's Parliamentary Powers
Index and Shugart & Carey's presidential powers, each item with the clauses that decide it.

Decision rules, sources and limits: docs/indices.md; agreement with published codes:
docs/validation.md.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.indices.ppi import PPI, compute_ppi
from constitution_rules.indices.roles import roles_of
from constitution_rules.indices.shugart_carey import ShugartCarey, compute_shugart_carey

SCHEMA_VERSION = "1"


class FileIndices(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    ppi: PPI
    shugart_carey: ShugartCarey


def compute_indices(constitution: m.Constitution, file: str | None = None) -> FileIndices:
    roles = roles_of(constitution)
    return FileIndices(
        file=file or constitution.file,
        ppi=compute_ppi(constitution, roles),
        shugart_carey=compute_shugart_carey(constitution, roles),
    )


__all__ = ["PPI", "SCHEMA_VERSION", "FileIndices", "ShugartCarey", "compute_indices", "flat_indices"]


def flat_indices(report: FileIndices) -> dict[str, float | str | None]:
    """Every index figure as one named value, for diff and history: the scores, and each item
    (PPI items "yes"/"no", Shugart-Carey items 0-4; ``None`` where the text does not decide it)."""
    ppi, sc = report.ppi, report.shugart_carey
    flat: dict[str, float | str | None] = {
        "ppi.score": ppi.score,
        "ppi.weighted": ppi.weighted,
        "ppi.decided": float(ppi.decided),
        "shugart_carey.total": float(sc.total),
        "shugart_carey.decided": float(sc.decided),
    }
    for name, item in ppi.items.items():
        flat[f"ppi.{name}"] = None if item.value is None else ("yes" if item.value else "no")
    for name, item in sc.items.items():
        flat[f"shugart_carey.{name}"] = None if item.value is None else float(item.value)
    return flat
