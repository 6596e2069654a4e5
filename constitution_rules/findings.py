"""What rules produce: findings with their evidence. Shared by rules, reports, renderers and diff."""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict

from constitution_rules.model import SourceLocation

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 3, "warning": 2, "info": 1}


class Evidence(BaseModel):
    """One clause (or declaration) that, with the others, produces a finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    provision_id: str | None = None
    clause_id: str | None = None
    citation: str | None = None
    text: str
    location: SourceLocation | None = None


class Finding(BaseModel):
    """A rule's verdict on one situation in one constitution."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    rule: str
    severity: Severity
    message: str
    institutions: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    location: SourceLocation | None = None
    waived: bool = False
    waiver_reason: str | None = None

    @property
    def provision_ids(self) -> tuple[str, ...]:
        return tuple(sorted({e.provision_id for e in self.evidence if e.provision_id}))

    @property
    def key(self) -> str:
        """Identity that survives reformatting and renumbering of lines: rule, institutions, provisions."""
        return "|".join([self.code, ",".join(sorted(self.institutions)), ",".join(self.provision_ids)])

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (
            loc.file if loc else "",
            loc.line if loc else 0,
            loc.column if loc else 0,
            self.code,
            self.key,
        )
