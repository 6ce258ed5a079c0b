"""Addresses of many records at once, reversed once instead of once per record."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

# A number no record has: it stands for the record's id in the reversed address.
_STAND_IN = 918273645


def url_for_each(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for any ``pk``, reversing ``name`` only once.

    For pages that link every one of many records to the same view (a minutes
    page's items): the address is reversed once with a stand-in id, then the id
    is put in its place. Only for views whose one argument is an ``<int:pk>``.
    Call it during the request (the script prefix is the request's).
    """
    before, stand_in, after = reverse(name, args=[_STAND_IN]).rpartition(str(_STAND_IN))
    if not stand_in:  # pragma: no cover - the route does not show its argument
        return lambda pk: reverse(name, args=[pk])
    return lambda pk: f"{before}{pk}{after}"
