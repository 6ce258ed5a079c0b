from __future__ import annotations

from django.urls import path

from concord.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/new/", views.event_edit, name="create"),
    path("events/give-back/<str:token>/", views.give_back, name="cancel"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/edit/", views.event_edit, name="edit"),
    path("events/<slug:slug>/registrations/", views.registrations, name="registrations"),
    path("events/<slug:slug>/signed-up/<str:outcome>/", views.signed_up, name="signed_up"),
]
