from __future__ import annotations

from django.urls import path

from concord.following import views

app_name = "following"
urlpatterns = [
    path("follow/sent/", views.sent, name="sent"),
    path("follow/confirm/<str:value>/", views.confirm_link, name="confirm"),
    path("follow/unsubscribe/<str:token>/", views.unsubscribe_link, name="unsubscribe"),
    path("follow/<str:kind>/<str:key>/", views.follow, name="follow"),
    path("follow/<str:kind>/<str:key>/feed.atom", views.SubjectFeed(), name="feed"),
]
