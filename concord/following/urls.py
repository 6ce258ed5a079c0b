from __future__ import annotations

from django.urls import path

from concord.following import serving_views, views

app_name = "following"
urlpatterns = [
    path("following/areas-served/", serving_views.areas_served, name="areas_served"),
    path(
        "following/areas-served/<int:pk>/remove/",
        serving_views.remove_area_served,
        name="remove_area_served",
    ),
    path("follow/sent/", views.sent, name="sent"),
    path("follow/confirm/<str:value>/", views.confirm_link, name="confirm"),
    path("follow/unsubscribe/<str:token>/", views.unsubscribe_link, name="unsubscribe"),
    path("follow/<str:kind>/<str:key>/", views.follow, name="follow"),
    path("follow/<str:kind>/<str:key>/feed.atom", views.SubjectFeed(), name="feed"),
]
