"""The registers' tests use the shared ``world`` of tests/conftest.py: the small partnership
(tests/personas.py) with a body editor and entries in every register (entries.py)."""
