"""``python -m concord.demo``: run the demo with its environment set before Django loads."""

from __future__ import annotations

import sys

from concord.demo.launch import main

if __name__ == "__main__":
    sys.exit(main())
