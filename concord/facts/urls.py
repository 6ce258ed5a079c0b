"""The facts portal, mounted at ``/facts/``."""

from __future__ import annotations

from django.urls import path

from concord.facts import views

app_name = "facts"
urlpatterns = [
    path("", views.index, name="index"),
    path("strategies/<int:strategy>/priorities/<int:number>/", views.priority, name="priority"),
    path(
        "strategies/<int:strategy>/priorities/<int:number>/facts.csv",
        views.priority_csv,
        name="priority_csv",
    ),
    path("wards/<str:code>/", views.profile, name="profile"),
    path("wards/<str:code>/profile.csv", views.profile_csv, name="profile_csv"),
]
