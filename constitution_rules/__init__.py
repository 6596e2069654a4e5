"""constitution-rules: a rule engine for the balance of power in constitutions."""

__version__ = "0.1.0"
