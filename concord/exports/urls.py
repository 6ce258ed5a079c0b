from __future__ import annotations

from django.urls import path

from concord.exports import views

app_name = "exports"

urlpatterns = [
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("bodies/<slug:slug>/calendar.ics", views.body_calendar_ics, name="body_calendar_ics"),
    path("meetings/<int:pk>/minutes.docx", views.minutes_docx, name="minutes_docx"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("actions.csv", views.actions_csv, name="actions_csv"),
    path("popolo.json", views.popolo, name="popolo"),
]
