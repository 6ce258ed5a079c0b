"""The facts portal, mounted at ``/facts/``."""

from __future__ import annotations

from django.urls import path

from concord.facts import views

app_name = "facts"
urlpatterns = [
    path("", views.index, name="index"),
    # Old numbered addresses (before priorities had slugs) redirect to the slug's.
    path(
        "strategies/<int:strategy>/priorities/<int:number>/",
        views.numbered_priority,
        name="numbered_priority",
    ),
    path(
        "strategies/<int:strategy>/priorities/<int:number>/facts.csv",
        views.numbered_priority,
        {"csv": True},
        name="numbered_priority_csv",
    ),
    path("strategies/<int:strategy>/priorities/<slug:slug>/", views.priority, name="priority"),
    path(
        "strategies/<int:strategy>/priorities/<slug:slug>/facts.csv",
        views.priority_csv,
        name="priority_csv",
    ),
    path("wards/<str:code>/", views.profile, name="profile"),
    path("wards/<str:code>/profile.csv", views.profile_csv, name="profile_csv"),
]
