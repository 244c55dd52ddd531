"""`Authorization: Bearer pp_…` with a token from `Apitoken`."""

import datetime

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from passend.api.models import Apitoken, hash_van

#: Recording the last use at most this often keeps a read from writing on every request.
GEBRUIK_BIJWERKEN = datetime.timedelta(minutes=5)


class TokenAuthenticatie(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        kop = authentication.get_authorization_header(request).split()
        if not kop or kop[0].lower() != self.keyword.lower().encode():
            return None
        if len(kop) != 2:
            raise exceptions.AuthenticationFailed("Geef het token als 'Bearer <token>'.")
        try:
            sleutel = kop[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Dit token is ongeldig.") from None
        token = (
            Apitoken.objects.select_related("gebruiker")
            .filter(sleutel_hash=hash_van(sleutel))
            .first()
        )
        if token is None or not token.is_geldig or not token.gebruiker.is_active:
            raise exceptions.AuthenticationFailed("Dit token is ongeldig, verlopen of ingetrokken.")
        nu = timezone.now()
        if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op > GEBRUIK_BIJWERKEN:
            Apitoken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
        return token.gebruiker, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class TokenAuthenticatieSchema(OpenApiAuthenticationExtension):
    target_class = TokenAuthenticatie
    name = "apitoken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Een token dat de beheerder uitgeeft (begint met pp_).",
        }
