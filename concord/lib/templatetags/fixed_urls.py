"""``{% fixed_url 'name' %}``: the address of a page that takes no arguments, reversed once.

The site's header links to the same dozen or so pages on every request, and
``{% url %}`` reverses each one every time (about a fifth of a signed-in page
that otherwise comes from the cache). An address without arguments depends
only on the URL configuration and the script prefix the site is served
under, so it is remembered per both.
"""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.lru_cache(maxsize=512)
def _reversed(name: str, prefix: str, urlconf: Any) -> str:
    # ``prefix`` is only part of the key: ``reverse`` reads the same thread-local itself.
    return reverse(name, urlconf=urlconf)


def fixed_url(name: str) -> str:
    """``reverse(name)`` for a page without arguments, remembered per URL conf and prefix.

    >>> fixed_url("home") == reverse("home")
    True
    """
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(name, get_script_prefix(), urlconf)


register.simple_tag(fixed_url, name="fixed_url")
