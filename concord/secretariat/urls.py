from __future__ import annotations

from django.urls import path

from concord.secretariat import views

app_name = "secretariat"
urlpatterns = [
    path("secretariat/", views.dashboard, name="dashboard"),
    path("secretariat/attendance/", views.attendance, name="attendance"),
]
