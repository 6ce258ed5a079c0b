"""The partnership's identity, set by the secretariat: name, place, logo, colours and
introduction, shown in every page's header and on the home page; the logo is checked
and re-encoded, colours must carry white text, a stale save is refused, and every
change is in the history."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from concord.governance.identity import current_identity, forget_identity
from concord.governance.models import Partnership
from tests.factories import make_secretariat_user, make_user
from tests.governance.identity import png_bytes, set_identity

pytestmark = pytest.mark.django_db
URL = "/register/partnership/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def secretariat(client):
    client.force_login(make_secretariat_user())
    return client


def form_data(**changes) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Harrowby Together",
        "place": "Harrowby",
        "introduction": "We plan together for <b>Harrowby</b>.\n\nSecond paragraph.",
        "header_colour": "#1f4e3d",
        "accent_colour": "#5b2a86",
        "opened_version": "1",
    }
    data.update(changes)
    return data


def jpeg(width: int = 900, height: int = 300) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#336699").save(out, format="JPEG")
    return SimpleUploadedFile("logo.jpg", out.getvalue(), content_type="image/jpeg")


def test_unset_the_pages_show_the_name_from_the_settings(client, settings) -> None:
    settings.CONCORD_PARTNERSHIP_NAME = "Riverside Partnership"
    forget_identity()
    page = client.get("/").content.decode()
    assert "<title>Riverside Partnership — Concord</title>" in page
    assert "brand-logo" not in page and "theme.css" not in page


def test_the_secretariat_sets_the_identity_and_every_page_shows_it(secretariat, client) -> None:
    secretariat.get(URL)  # the row is made on opening the page
    response = secretariat.post(URL, {**form_data(), "logo_file": jpeg()})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    page = client.get("/").content.decode()
    assert "<title>Harrowby Together — Concord</title>" in page
    assert "The partnership for Harrowby." in page
    # The introduction is escaped, in paragraphs.
    assert "<p>We plan together for &lt;b&gt;Harrowby&lt;/b&gt;.</p>" in page
    assert 'class="brand-logo"' in page
    theme = client.get(reverse("register:theme")).content.decode()
    assert "--accent: #1f4e3d;" in theme and "--brand-accent: #5b2a86;" in theme
    logo = client.get(reverse("register:logo"))
    assert logo["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(logo.content)) as image:  # re-encoded, and made smaller
        assert image.format == "PNG" and image.size == (600, 200)


def test_every_change_is_in_the_history_and_a_stale_save_is_refused(secretariat) -> None:
    secretariat.get(URL)
    assert secretariat.post(URL, form_data()).status_code == 302
    stale = secretariat.post(URL, form_data(name="Someone else's name"))
    assert stale.status_code == 400
    assert "Someone else saved" in stale.content.decode()
    record = Partnership.objects.get(pk=1)
    assert record.name == "Harrowby Together"
    assert record.history.count() == 2  # made on opening, then saved once
    assert "Harrowby Together" in secretariat.get(URL).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("header_colour", "green", "Header colour: give a colour as # and six hex digits"),
        ("header_colour", "#ffdd00", "Header colour: white text on #ffdd00 has a contrast"),
        ("accent_colour", "#12345g", "Accent colour: give a colour"),
    ],
)
def test_a_bad_colour_is_refused_naming_the_field(secretariat, field, value, message) -> None:
    secretariat.get(URL)
    response = secretariat.post(URL, form_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Partnership.objects.get(pk=1).version == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"), "not a readable PNG or JPEG"),
        (SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "not a readable"),
        (SimpleUploadedFile("logo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "PNG or JPEG"),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"\0" * (2 * 1024 * 1024)), "larger than 2 MB"),
    ],
)
def test_a_file_that_is_not_a_png_or_jpeg_logo_is_refused(secretariat, upload, message) -> None:
    secretariat.get(URL)
    response = secretariat.post(URL, {**form_data(), "logo_file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Partnership.objects.get(pk=1).logo


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(secretariat) -> None:
    out = io.BytesIO()
    Image.new("1", (5000, 4000)).save(out, format="PNG")  # small file, 20 million pixels
    secretariat.get(URL)
    upload = SimpleUploadedFile("huge.png", out.getvalue())
    response = secretariat.post(URL, {**form_data(), "logo_file": upload})
    assert "too many pixels" in response.content.decode()


def test_only_the_secretariat_may_open_the_settings(client) -> None:
    assert client.get(URL).status_code == 302  # to sign in
    client.force_login(make_user())
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403
    assert not Partnership.objects.exists()


def test_without_a_logo_the_logo_address_is_a_404(client) -> None:
    assert client.get(reverse("register:logo")).status_code == 404
    set_identity(logo=False)
    assert client.get(reverse("register:logo")).status_code == 404


def test_the_identity_is_read_once_until_something_is_written() -> None:
    set_identity(logo=False, name="Harrowby Together")
    forget_identity()
    with CaptureQueriesContext(connection) as first:
        assert current_identity().name == "Harrowby Together"
    with CaptureQueriesContext(connection) as again:
        assert current_identity().name == "Harrowby Together"
    assert len(first) == 1 and len(again) == 0
    Partnership.objects.filter(pk=1).update(name="Harrowby Partnership")  # any write
    assert current_identity().name == "Harrowby Partnership"


def test_the_logo_is_served_as_stored_png(client) -> None:
    set_identity()
    response = client.get(reverse("register:logo"))
    assert response.content == png_bytes()
    assert response["X-Content-Type-Options"] == "nosniff"
