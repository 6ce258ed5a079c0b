"""Concord's read-only JSON API (django-ninja), mounted at ``/api/``.

Not a models app: it only reads the domain apps' models through their
``visible_to`` QuerySet methods, exactly as the HTML views do.
"""
