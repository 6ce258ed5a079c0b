from __future__ import annotations

from django.urls import path

from concord.portal import decisions, views

app_name = "portal"
urlpatterns = [
    path("bodies/", views.bodies, name="bodies"),
    path("bodies/<slug:slug>/", views.body, name="body"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions.atom", decisions.DecisionsFeed(), name="decisions_feed"),
]
