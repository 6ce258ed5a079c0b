from __future__ import annotations

from django.urls import path

from concord.actions import views

app_name = "actions"
urlpatterns = [
    path("actions/", views.tracker, name="tracker"),
    path("actions/mine/", views.mine, name="mine"),
    path("actions/<int:pk>/", views.detail, name="detail"),
    path("actions/<int:pk>/edit/", views.edit, name="edit"),
    path("items/<int:item_pk>/actions/new/", views.create, name="create"),
]
