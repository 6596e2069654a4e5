#!/usr/bin/env python3
"""Run the constitution-rules CLI from a checkout: ``python cli.py check FILE``.

The same command is installed as ``constitution-rules``; this file only makes the checkout runnable
without installing.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from constitution_rules.cli import main

if __name__ == "__main__":
    main()
