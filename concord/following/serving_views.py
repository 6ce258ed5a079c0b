"""The secretariat's page of which bodies serve which area (``serving.py``): a list per
body, a form to add a pair and a button to remove each, the changes below. Works
without JavaScript (the body picker's search falls back to a typed name)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import require_secretariat

from .forms import BodyAreaForm
from .serving import AlreadyServes, add_pair, pair_changes, remove_pair, served_areas


@login_required
def areas_served(request: HttpRequest) -> HttpResponse:
    """List the pairs (every body, or ``?body=<slug>``'s) and add one (POST)."""
    viewer = viewer_for(request)
    require_secretariat(viewer)
    body = Body.objects.filter(slug=request.GET.get("body", "")[:200]).first()
    initial = {"body": body.pk} if body else {}
    form = BodyAreaForm(request.POST or None, viewer=viewer, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                pair = add_pair(form.cleaned_data["body"], form.cleaned_data["area"])
            except AlreadyServes as exc:
                form.add_error("area", str(exc))
            else:
                messages.success(request, f"Added: {pair}.")
                return redirect(request.get_full_path())
        status = 400
    return render(
        request,
        "following/areas_served.html",
        {
            "form": form,
            "body": body,
            "served": served_areas(body),
            "changes": pair_changes(body),
        },
        status=status,
    )


@login_required
@require_POST
def remove_area_served(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove one pair; say so if someone else removed it first."""
    require_secretariat(viewer_for(request))
    pair = remove_pair(pk) if 0 < pk < 2**63 else None
    if pair is None:
        messages.warning(request, "That pair had already been removed (by someone else?).")
    else:
        messages.success(request, f"Removed: {pair}.")
    back = request.POST.get("body", "")[:200]
    response = redirect("following:areas_served")
    if back and Body.objects.filter(slug=back).exists():
        response["Location"] += f"?body={back}"
    return response
