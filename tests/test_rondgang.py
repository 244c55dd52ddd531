"""The crawl: every page of every role, on the demo's 150 SWVs, answers with the status its
view's roles promise, within a bounded number of queries, and in Dutch: no English word, no
number or date written otherwise than passend.formatting writes it (tests/rondgang.py finds the
pages).
The server time of the same pages is printed by bench/paginas.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.nederlands import ENGELS, opmaakfouten, zichtbare_tekst
from tests.rondgang import GEBRUIKERS, OVERGESLAGEN, PEILDATUM, paginas, url_namen

#: The most queries any page may run; none depends on the number of SWVs.
MAX_QUERIES = 25


@pytest.fixture
def demo_land(demo):
    """The demo (150 SWVs, their history, the demo accounts) as the session built it, and a
    report and a batch so that their pages can be opened."""
    from accounts.models import Gebruiker
    from rapporten.models import Batch, Rapport

    am = Gebruiker.objects.get(username=GEBRUIKERS["accountmanager"])
    Rapport.objects.create(soort="landelijk", peildatum=PEILDATUM, aangevraagd_door=am)
    Batch.objects.create(peildatum=PEILDATUM, aangevraagd_door=am)


def test_elke_pagina_staat_in_de_rondgang_of_is_met_reden_overgeslagen():
    namen = set(url_namen())
    assert set(OVERGESLAGEN) <= namen, "a skipped page no longer exists"


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(GEBRUIKERS))
def test_elke_pagina_van_elke_rol(rol, client, demo_land):
    from accounts.models import Gebruiker

    gebruiker = None
    if GEBRUIKERS[rol]:
        gebruiker = Gebruiker.objects.get(username=GEBRUIKERS[rol])
        client.force_login(gebruiker)
    fouten = []
    for pagina in paginas(gebruiker):
        with CaptureQueriesContext(connection) as queries:
            antwoord = client.get(pagina.url)
        if antwoord.status_code != pagina.verwacht:
            fouten.append(f"{pagina.naam}: {antwoord.status_code}, verwacht {pagina.verwacht}")
        if len(queries) > MAX_QUERIES:
            fouten.append(f"{pagina.naam}: {len(queries)} queries")
        if antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/html"):
            html = antwoord.content.decode()
            tekst = zichtbare_tekst(html)
            fouten += [f"{pagina.url}: {fout}" for fout in opmaakfouten(tekst, html)]
            fouten += [f"{pagina.url}: Engels {w}" for w in sorted(set(ENGELS.findall(tekst)))]
    assert not fouten, "\n".join(fouten)
