from __future__ import annotations

from django.urls import path

from concord.registers import views

app_name = "registers"
urlpatterns = [
    path("registers/", views.index, name="index"),
    path("registers/risks/heat-map/", views.risk_heat_map, name="heat_map"),
    path("registers/funding/<int:pk>/step/", views.funding_step, name="funding_step"),
    path("registers/risks/<int:pk>/mitigate/", views.mitigate, name="mitigate"),
    path("registers/sharing/<int:pk>/parties/new/", views.party_create, name="party_create"),
    path("registers/sharing/parties/<int:pk>/edit/", views.party_edit, name="party_edit"),
    path("registers/<slug:slug>/", views.listing, name="list"),
    path("registers/<slug:slug>/new/", views.create, name="create"),
    path("registers/<slug:slug>/import/", views.import_entries, name="import"),
    path("registers/<slug:slug>/export.<str:fmt>", views.export, name="export"),
    path("registers/<slug:slug>/<int:pk>/", views.detail, name="detail"),
    path("registers/<slug:slug>/<int:pk>/edit/", views.edit, name="edit"),
]
