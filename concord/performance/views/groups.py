"""The population groups figures are broken down by (equality breakdowns): the
secretariat lists, adds and edits the dimensions and their groups here. Every change
keeps its history; a save made stale by someone else's is refused on the form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from concord.governance.access import viewer_for
from concord.lib.access import require_secretariat
from concord.lib.locking import save_form_or_refuse
from concord.performance.group_forms import DimensionForm, GroupForm
from concord.performance.models import Dimension, Group


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    """Every dimension with its groups and its reference group (two queries)."""
    require_secretariat(viewer_for(request))
    dimensions = Dimension.objects.select_related("reference_group").prefetch_related(
        Prefetch("groups", queryset=Group.objects.order_by("order", "name"))
    )
    return render(request, "performance/groups.html", {"dimensions": dimensions})


def _form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, intro: str = ""
) -> HttpResponse:
    return render(
        request,
        "performance/form.html",
        {"form": form, "title": title, "intro": intro, "cancel": reverse("performance:groups")},
    )


def _saved(request: HttpRequest, form: forms.ModelForm[Any], what: str) -> bool:
    """Save a valid posted form (refusing a stale one on the form); say so."""
    if request.method != "POST" or not form.is_valid() or save_form_or_refuse(form) is None:
        return False
    messages.success(request, f"{what} saved.")
    return True


@login_required
def dimension_create(request: HttpRequest) -> HttpResponse:
    require_secretariat(viewer_for(request))
    form = DimensionForm(request.POST or None)
    if _saved(request, form, "Dimension"):
        return redirect("performance:groups")
    return _form_page(request, form, "Add a dimension")


@login_required
def dimension_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(viewer_for(request))
    dimension = get_object_or_404(Dimension, pk=pk)
    form = DimensionForm(request.POST or None, instance=dimension)
    if _saved(request, form, "Dimension"):
        return redirect("performance:groups")
    return _form_page(request, form, f"Edit the dimension {dimension.name}")


@login_required
def group_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(viewer_for(request))
    dimension = get_object_or_404(Dimension, pk=pk)
    form = GroupForm(request.POST or None, instance=Group(dimension=dimension))
    if _saved(request, form, "Group"):
        return redirect("performance:groups")
    return _form_page(request, form, f"Add a group to {dimension.name}")


@login_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(viewer_for(request))
    group = get_object_or_404(Group.objects.select_related("dimension"), pk=pk)
    form = GroupForm(request.POST or None, instance=group)
    if _saved(request, form, "Group"):
        return redirect("performance:groups")
    return _form_page(request, form, f"Edit the group {group}")
