"""Two-factor authentication with a time-based code (TOTP) for every role.

When `TWEESTAPS_VERPLICHT` is on (production), a password alone opens nothing but the second
step: an account without an authenticator app sets one up (scan the QR code, type a code), an
account with one types the code it shows now. Until then every page and the API are closed.
django-otp keeps the device and marks the session as verified; the throttling of wrong codes is
django-otp's too. The embedded demo and the tests switch the requirement off.
"""

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.access import PUBLIEK, is_api_view, toegestane_rollen


def tweestapsstap(view):
    """Marks a view that an account may open between password and code."""
    view.tweestapsstap = True
    return view


def bevestigd_apparaat(gebruiker) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=gebruiker, confirmed=True).order_by("pk").first()


def nieuw_apparaat(gebruiker) -> TOTPDevice:
    """The device being set up: one unconfirmed per account, kept until it is confirmed, so a
    reload shows the same QR code."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("pk").first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(
            user=gebruiker, name="Authenticator-app", confirmed=False
        )
    return apparaat


def geheim(apparaat: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing it into an app by hand."""
    tekst = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def qr_svg(apparaat: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no script, no style attribute)."""
    svg = segno.make(apparaat.config_url, error="m").svg_inline(
        scale=5, light="#fff", title="QR-code voor uw authenticator-app", svgclass="passend-qr"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


class TweestapsMiddleware:
    """Closes everything but the second step to a signed-in account whose session is not yet
    verified with a code. Runs after `ToegangMiddleware`, so roles are checked first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.TWEESTAPS_VERPLICHT:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if getattr(view_func, "tweestapsstap", False):
            return None
        if toegestane_rollen(view_func) == PUBLIEK:
            return None
        if is_api_view(view_func):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Tweestapsverificatie nodig",
                    "status": 403,
                    "detail": "Bevestig eerst uw aanmelding met de code uit uw authenticator-app.",
                },
                status=403,
                content_type="application/problem+json",
            )
        return redirect(f"{reverse('tweestaps')}?{urlencode({'next': request.get_full_path()})}")
