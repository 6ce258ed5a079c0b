from __future__ import annotations

from django.urls import path

from concord.meetings import minutes_views, views

app_name = "meetings"
urlpatterns = [
    path("meetings/new/", views.create, name="create"),
    path("meetings/<int:pk>/edit/", views.edit, name="edit"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/items/new/", views.item_create, name="item_create"),
    path("meetings/<int:pk>/approve/", views.approve, name="approve"),
    path("meetings/<int:pk>/matters-arising/", views.matters_arising_view, name="matters_arising"),
    path("meetings/<int:pk>/history/", views.history, name="history"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    path("items/<int:pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("items/<int:pk>/declarations/new/", views.declaration_create, name="declaration_create"),
    path("items/<int:pk>/papers/new/", views.paper_create, name="paper_create"),
    path("papers/<int:pk>/", views.paper, name="paper"),
    # Minutes written in one page (concord/meetings/minutes_views.py).
    path("meetings/<int:pk>/minutes/", minutes_views.page, name="minutes"),
    path(
        "meetings/<int:pk>/minutes/attendance/",
        minutes_views.attendance,
        name="minutes_attendance",
    ),
    path("meetings/<int:pk>/minutes/items/", minutes_views.new_item, name="minutes_item"),
    path("items/<int:pk>/minutes/text/", minutes_views.item_text, name="minutes_text"),
    path("items/<int:pk>/minutes/decisions/", minutes_views.item_decision, name="minutes_decision"),
    path("items/<int:pk>/minutes/actions/", minutes_views.item_action, name="minutes_action"),
]
