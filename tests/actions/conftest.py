"""The core tests' small partnership and sign-in helper, for the action tests."""

from tests.core.conftest import as_user, world

__all__ = ["as_user", "world"]
