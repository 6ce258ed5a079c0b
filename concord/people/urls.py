from __future__ import annotations

from django.urls import path

from concord.people import views

app_name = "people"
urlpatterns = [path("people/<int:pk>/", views.person, name="person")]
