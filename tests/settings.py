"""Settings for the test suite: Concord's own settings with testing switched on.

``CONCORD_TESTING`` must be in the environment before ``concord.settings`` is
read (it selects the cheap password hasher and allows the default secret key).
"""

from __future__ import annotations

import os

os.environ.setdefault("CONCORD_TESTING", "1")

from concord.settings import *  # noqa: F403
