"""Rules: a registry plus one module per family of rules. Importing this package registers them."""

from __future__ import annotations

# Each family module registers its rules on import. Add a family by adding its module here.
BUILTIN_FAMILIES: tuple[str, ...] = ()
