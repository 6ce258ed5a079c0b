"""Top-level URLs: each app owns its own ``urls.py``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from concord.lib.auth import AdminSignInForm, SignInForm
from concord.portal import views as portal_views

admin.site.login_form = AdminSignInForm


def _reset_context() -> dict[str, object]:
    """What the reset pages and e-mail say: the partnership's name, how long a link lasts."""
    return {
        "site_name": settings.CONCORD_PARTNERSHIP_NAME,
        "timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }


urlpatterns = [
    path("", portal_views.home, name="home"),
    path("healthz", portal_views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(
            extra_email_context=_reset_context(), extra_context=_reset_context()
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(extra_context=_reset_context()),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("", include("concord.portal.urls")),
    path("", include("concord.meetings.urls")),
    path("", include("concord.events.urls")),
    path("", include("concord.actions.urls")),
    path("", include("concord.agenda.urls")),
    path("", include("concord.people.urls")),
    path("", include("concord.secretariat.urls")),
    path("", include("concord.governance.urls")),
    path("", include("concord.exports.urls")),
    path("", include("concord.api.urls")),
    path("", include("concord.imports.urls")),
    path("", include("concord.registers.urls")),
    path("", include("concord.search.urls")),
    path("", include("concord.following.urls")),
    path("performance/", include("concord.performance.urls")),
    path("facts/", include("concord.facts.urls")),
]
