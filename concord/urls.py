"""Top-level URLs: each app owns its own ``urls.py``."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from concord.portal import views as portal_views

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("healthz", portal_views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("concord.portal.urls")),
    path("", include("concord.meetings.urls")),
    path("", include("concord.actions.urls")),
    path("", include("concord.people.urls")),
    path("", include("concord.secretariat.urls")),
    path("", include("concord.governance.urls")),
    path("", include("concord.exports.urls")),
    path("", include("concord.api.urls")),
    path("", include("concord.imports.urls")),
    path("performance/", include("concord.performance.urls")),
]
