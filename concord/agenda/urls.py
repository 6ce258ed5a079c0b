from __future__ import annotations

from django.urls import path

from concord.agenda import pack_views, views

app_name = "agenda"
urlpatterns = [
    path("bodies/<slug:slug>/work-programme/", views.programme, name="programme"),
    path("bodies/<slug:slug>/work-programme/new/", views.entry_create, name="entry_create"),
    path("bodies/<slug:slug>/work-programme/carry/", views.carry, name="carry"),
    path("work-programme/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("meetings/<int:pk>/agenda/", views.draft, name="draft"),
    path("meetings/<int:pk>/agenda/generate/", views.generate, name="generate"),
    path("meetings/<int:pk>/agenda/reorder/", views.reorder, name="reorder"),
    path("meetings/<int:pk>/agenda/renumber/", views.renumber_items, name="renumber"),
    path("items/<int:pk>/remove/", views.remove, name="remove"),
    path("meetings/<int:pk>/agenda-pack.docx", pack_views.pack_docx_view, name="pack_docx"),
    path("meetings/<int:pk>/agenda-pack.pdf", pack_views.pack_pdf_view, name="pack_pdf"),
]
