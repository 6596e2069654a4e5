"""Rules: a registry plus one module per family of rules. Importing this package registers them."""

from __future__ import annotations

import importlib

# Each family module registers its rules on import. Add a family by adding its module here.
BUILTIN_FAMILIES: tuple[str, ...] = ("concentration", "oversight", "drafting")

for _family in BUILTIN_FAMILIES:
    importlib.import_module(f"{__name__}.{_family}")
