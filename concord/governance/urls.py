from __future__ import annotations

from django.urls import path

from concord.governance import pickers, views

app_name = "register"
urlpatterns = [
    path("register/", views.index, name="index"),
    path("register/partnership/", views.partnership, name="partnership"),
    path("partnership/logo.png", views.partnership_logo, name="logo"),
    path("partnership/theme.css", views.partnership_theme, name="theme"),
    path("register/<slug:kind>/", views.listing, name="list"),
    path("register/<slug:kind>/new/", views.create, name="create"),
    path("register/<slug:kind>/<int:pk>/", views.edit, name="edit"),
    path("pick/<slug:kind>/", pickers.search, name="pick"),
]
