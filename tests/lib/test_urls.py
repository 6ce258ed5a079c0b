"""``url_for_each``: one reverse per page, the same addresses as reversing each record."""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix

from concord.lib.urls import url_for_each


@pytest.mark.parametrize(
    "name", ["meetings:minutes_text", "meetings:item_edit", "actions:detail", "meetings:paper"]
)
@pytest.mark.parametrize("prefix", ["/", "/partnership/"])
def test_the_same_address_as_reverse_for_any_id(name, prefix):
    set_script_prefix(prefix)
    try:
        address = url_for_each(name)
        for pk in (1, 7, 12, 918273645, 10**9):
            assert address(pk) == reverse(name, args=[pk])
    finally:
        set_script_prefix("/")
