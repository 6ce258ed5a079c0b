from __future__ import annotations

from django.urls import path

from concord.portal import decisions, topics, views

app_name = "portal"
urlpatterns = [
    path("bodies/", views.bodies, name="bodies"),
    path("bodies/<slug:slug>/", views.body, name="body"),
    path("structure/", views.structure, name="structure"),
    path("calendar/", views.calendar_month, name="calendar"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions.atom", decisions.DecisionsFeed(), name="decisions_feed"),
    path("decisions/<int:pk>/topics/", topics.decision_topics, name="decision_topics"),
    path("topics/", topics.topic_list, name="topics"),
    path("topics/new/", topics.topic_edit, name="topic_create"),
    path("topics/<slug:slug>/", topics.topic, name="topic"),
    path("topics/<slug:slug>/edit/", topics.topic_edit, name="topic_edit"),
]
