from __future__ import annotations

from django.urls import path

from concord.imports import review_views, views

app_name = "imports"
urlpatterns = [
    path("imports/", views.document_list, name="list"),
    path("imports/<int:pk>/", review_views.review, name="review"),
    path("imports/<int:pk>/confirm/", review_views.confirm, name="confirm"),
    path("imports/<int:pk>/discard/", review_views.discard, name="discard"),
    path("imports/<int:pk>/undo/", review_views.undo, name="undo"),
    path("imports/register/<str:kind>/merge/", review_views.merge_entry, name="merge_entry"),
    path(
        "imports/register/<str:kind>/<int:pk>/delete/",
        review_views.delete_entry,
        name="delete_entry",
    ),
    path("imports/<int:pk>/original/", views.original, name="original"),
    path("imports/merges/", views.proposals, name="proposals"),
    path("imports/merges/<int:pk>/decide/", views.decide, name="decide"),
    path(
        "imports/merges/organisations/<int:pk>/decide/",
        views.decide_organisation,
        name="decide_organisation",
    ),
]
