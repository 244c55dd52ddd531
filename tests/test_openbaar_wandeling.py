"""Every public page and every download of it (ADRs 0083, 0084), walked as a visitor who is not
logged in: no count under five anywhere, and nothing an SWV did not publish. The walk follows
the links the pages offer, and fails when a public address is left unvisited."""

import datetime
import json
import re
from html import unescape

import pytest
from django.urls import get_resolver

from dashboards import publicatie
from ondersteuningsplan.tests.factories import SwvFactory
from swv.tests.factories import LeerlingtellingFactory
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import leg_cijfertoelichting_vast, registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

D = datetime.date
KLEIN = re.compile(r"^[0-4]$")
#: A table cell that holds nothing but a number of one digit, after the tags are gone.
CEL = re.compile(r"<t[dh][^>]*>\s*([0-9.]+)\s*</t[dh]>")


@pytest.fixture
def land():
    """Seven po SWVs founded on time and three vo SWVs, each with a few thuiszitters (one to
    four) in a round, and pupils; all but PO1006 published. After PO1005 published, it
    submitted a second round and explained it: neither is public."""
    rondes = [ronde(D(2025, 9, 1), D(2025, 10, 31)), ronde(D(2025, 11, 1), D(2025, 12, 31))]
    swvs = [SwvFactory(code=f"PO10{i:02d}", opgericht=True) for i in range(7)] + [
        SwvFactory(code=f"VO20{i:02d}", vo=True, opgericht=True) for i in range(3)
    ]
    for i, swv in enumerate(swvs):
        categorie = "bao" if swv.sector == "PO" else "vo"
        LeerlingtellingFactory(swv=swv, teldatum=D(2025, 10, 1), categorie=categorie, aantal=900)
        registreer_thuiszitters(
            swv=swv,
            ronde=rondes[0],
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): 1 + i % 4},
            door=None,
        )
        if swv.code != "PO1006":
            publicatie.publiceer(swv)
    registreer_thuiszitters(
        swv=swvs[5],
        ronde=rondes[1],
        aantallen={(Verzuimsoort.RELATIEF, Duur.KORT, True): 37},
        door=None,
    )
    leg_cijfertoelichting_vast(swv=swvs[5], door=None, tekst="Niet gepubliceerd.", ronde=rondes[1])
    return swvs


def _openbare_patronen() -> set[str]:
    [openbaar] = [p for p in get_resolver().url_patterns if str(p.pattern) == "openbaar/"]
    return {p.name for p in openbaar.url_patterns}


def test_no_public_page_or_download_shows_a_small_count_or_an_unpublished_figure(client, land):
    bezocht, te_bezoeken, namen = set(), ["/openbaar/"], set()
    while te_bezoeken:
        adres = te_bezoeken.pop()
        if adres in bezocht:
            continue
        bezocht.add(adres)
        antwoord = client.get(adres)
        assert antwoord.status_code == 200, adres
        namen.add(antwoord.resolver_match.url_name)
        if adres.endswith(".json"):
            data = json.loads(antwoord.content)
            for rij in data["rijen"]:
                for waarde in rij:
                    assert not (isinstance(waarde, int) and 0 <= waarde < 5), (adres, rij)
                    assert waarde != "Niet gepubliceerd.", adres
            continue
        if adres.endswith(".csv"):
            tekst = antwoord.content.decode("utf-8-sig")
            for regel in tekst.splitlines()[1:]:
                assert not any(KLEIN.match(cel) for cel in regel.split(";")), (adres, regel)
            assert "Niet gepubliceerd." not in tekst
            continue
        html = antwoord.content.decode()
        assert not [c for c in CEL.findall(html) if KLEIN.match(c)], adres
        assert "Niet gepubliceerd." not in unescape(html), adres
        for link in re.findall(r'href="(/openbaar/[^"]*)"', html):
            te_bezoeken.append(unescape(link))
    # every kind of public address was visited, and every published SWV with its downloads
    assert namen == _openbare_patronen()
    assert {a for a in bezocht if re.fullmatch(r"/openbaar/[A-Z]{2}\d{4}/", a)} == {
        f"/openbaar/{s.code}/" for s in land if s.code != "PO1006"
    }


def test_what_was_not_published_stays_off_the_public_page(client, land):
    pagina = unescape(client.get("/openbaar/PO1005/").content.decode())
    assert "37" not in re.findall(r"\d+", pagina)
    rijen = json.loads(client.get("/openbaar/PO1005/thuiszitters.json").content)["rijen"]
    assert [r[0] for r in rijen] == ["2025-09-01"]  # the second round came after publishing
    assert client.get("/openbaar/PO1006/").status_code == 404  # never published
    assert client.get("/openbaar/PO1006/thuiszitters.json").status_code == 404
