"""An SWV's public page (ADR 0084): the coördinator previews and publishes; the public page shows
what was published and nothing newer; every count under five is "< 5"; an SWV that does not
publish for too long is published by the portal, once."""

import datetime
import json
from html import unescape

import pytest
from django.utils import timezone

from accounts.models import Rol
from dashboards import publicatie
from dashboards.models import Publicatie
from dashboards.tasks import publiceer_verlopen
from ondersteuningsplan.models import Mijlpaal
from ondersteuningsplan.services import leg_toelichting_vast
from ondersteuningsplan.tests.factories import SwvFactory
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import leg_cijfertoelichting_vast, registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def swv():
    """Founded late; three thuiszitters in a round, eight in the next."""
    swv = SwvFactory(code="PO0101", naam="Passend Noord", laat_opgericht=True)
    for (van, tot), aantal in (
        ((D(2025, 9, 1), D(2025, 10, 31)), 3),
        ((D(2025, 11, 1), D(2025, 12, 31)), 8),
    ):
        registreer_thuiszitters(
            swv=swv,
            ronde=ronde(van, tot),
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): aantal},
            door=None,
        )
    return swv


def test_the_coordinator_previews_and_publishes_and_anyone_reads_it(client, maak_gebruiker, swv):
    assert client.get("/openbaar/PO0101/").status_code == 404  # nothing published yet
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    voorbeeld = unescape(client.get("/samenwerkingsverbanden/PO0101/publiceren/").content.decode())
    assert "Nog niet gepubliceerd." in voorbeeld
    assert "Thuiszitters per rapportageronde" in voorbeeld
    antwoord = client.post("/samenwerkingsverbanden/PO0101/publiceren/")
    assert antwoord.status_code == 302
    assert Publicatie.objects.filter(swv=swv, automatisch=False).count() == 1

    client.logout()
    pagina = unescape(client.get("/openbaar/PO0101/").content.decode())
    assert "Passend Noord" in pagina and "gepubliceerd door het samenwerkingsverband" in pagina
    rijen = json.loads(client.get("/openbaar/PO0101/thuiszitters.json").content)["rijen"]
    assert [r[2] for r in rijen] == [8, "< 5"]
    csv = client.get("/openbaar/PO0101/thuiszitters.csv").content.decode("utf-8-sig")
    assert "< 5" in csv and ";3;" not in csv
    assert "PO 01-01 Passend Noord" in unescape(client.get("/openbaar/").content.decode())

    # an explanation written after the publication is public only after the next one
    leg_toelichting_vast(
        swv=swv,
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        cyclus=0,
        tekst="De notaris was laat.",
        verwacht_op=None,
        door=None,
    )
    assert "De notaris was laat." not in client.get("/openbaar/PO0101/").content.decode()
    leg_cijfertoelichting_vast(
        swv=swv,
        door=None,
        tekst="Vijf nieuwe thuiszitters uit een school die sloot.",
        ronde=ronde(D(2025, 11, 1), D(2025, 12, 31)),
    )
    publicatie.publiceer(swv)
    assert "De notaris was laat." in client.get("/openbaar/PO0101/").content.decode()
    rijen = json.loads(client.get("/openbaar/PO0101/thuiszitters.json").content)["rijen"]
    assert [r[-1] for r in rijen] == ["Vijf nieuwe thuiszitters uit een school die sloot.", ""]


def test_only_its_own_coordinator_publishes(client, client_als, maak_gebruiker, swv):
    assert (
        client_als(Rol.ACCOUNTMANAGER).get("/samenwerkingsverbanden/PO0101/publiceren/").status_code
        == 403
    )
    ander = maak_gebruiker(Rol.COORDINATOR, swvs=[SwvFactory(code="PO0102")])
    client.force_login(ander)
    assert client.get("/samenwerkingsverbanden/PO0101/publiceren/").status_code == 404
    assert client.post("/samenwerkingsverbanden/PO0101/publiceren/").status_code == 404
    assert not Publicatie.objects.exists()
    client.logout()
    assert client.get("/samenwerkingsverbanden/PO0101/publiceren/").status_code == 302
    assert client.get("/openbaar/PO0101/onbekend.csv").status_code == 404


def test_the_portal_publishes_for_an_swv_that_did_not_publish_for_too_long(swv, settings):
    settings.PUBLICATIE_TERMIJN_WEKEN = 6
    recent = SwvFactory(code="PO0103")
    publicatie.publiceer(recent, op=timezone.now() - datetime.timedelta(weeks=2))
    lang_geleden = SwvFactory(code="PO0104")
    publicatie.publiceer(lang_geleden, op=timezone.now() - datetime.timedelta(weeks=7))

    assert publiceer_verlopen() == 2  # PO0101 (never) and PO0104 (seven weeks ago)
    automatisch = Publicatie.objects.filter(automatisch=True)
    assert sorted(p.swv.code for p in automatisch) == ["PO0101", "PO0104"]
    assert publiceer_verlopen() == 0  # the same day again: nothing more
