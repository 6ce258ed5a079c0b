from __future__ import annotations

from django.urls import path

from concord.imports import views

app_name = "imports"
urlpatterns = [
    path("imports/", views.document_list, name="list"),
    path("imports/<int:pk>/", views.review, name="review"),
    path("imports/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("imports/<int:pk>/original/", views.original, name="original"),
    path("imports/merges/", views.proposals, name="proposals"),
    path("imports/merges/<int:pk>/decide/", views.decide, name="decide"),
    path(
        "imports/merges/organisations/<int:pk>/decide/",
        views.decide_organisation,
        name="decide_organisation",
    ),
]
