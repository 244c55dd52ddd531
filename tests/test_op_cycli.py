"""The OP cycles on every surface: PO 24-03 adopted its 2022 plan on 20 January 2022 and the
next one on 20 November 2026, ten months after the deadline. Every surface keeps saying so once
the next cycle has started, and the portfolio counts it (ADR 0056)."""

import datetime
import re

import pytest
from django.urls import reverse

from dashboards import kaart
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan import views
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory, OndersteuningsplanFactory
from rapporten import services
from rapporten.models import Rapportstatus
from rapporten.tests.hulp import tekst
from swv.tests.factories import GemeenteFactory, swv_met_regio

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = D(2026, 12, 6)
TE_LAAT = "te laat behaald (10 maanden)"
VIERKANT = {
    "type": "Polygon",
    "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]],
}


def vastgesteld(swv, op, van):
    plan = OndersteuningsplanFactory(
        swv=swv,
        titel=f"Ondersteuningsplan {van.year}-{van.year + 4}",
        periode_van=van,
        periode_tot=van.replace(year=van.year + 4) - datetime.timedelta(days=1),
    )
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.OP_VASTGESTELD, datum=op)
    return plan


@pytest.fixture
def po2403(maak_gebruiker):
    am = maak_gebruiker("accountmanager")
    gemeente = GemeenteFactory(naam="Utrecht", grens=VIERKANT)
    swv = swv_met_regio(gemeente, code="PO2403", pc4s=["3511"], accountmanager=am)
    vastgesteld(swv, D(2014, 1, 26), D(2014, 8, 1))
    vastgesteld(swv, D(2018, 1, 20), D(2018, 8, 1))
    vastgesteld(swv, D(2022, 1, 20), D(2022, 8, 1))
    vastgesteld(swv, D(2026, 11, 20), D(2026, 8, 1))
    swv.am = am
    return swv


def platte_tekst(antwoord) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", antwoord.content.decode()).split())


def test_the_swv_page_shows_the_late_cycle_beside_the_current_one(client, po2403):
    client.force_login(po2403.am)
    t = platte_tekst(client.get(f"/samenwerkingsverbanden/PO2403/?peildatum={PEILDATUM}"))
    assert "Huidige OP-cyclus 2026-2030" in t
    assert f"Vorige: OP-cyclus 2022-2026: {TE_LAAT.capitalize()}" in t
    assert f"2022-2026 20 januari 2026 20 november 2026 {TE_LAAT.capitalize()}" in t


def test_the_portfolio_counts_the_late_cycle(client, po2403):
    client.force_login(po2403.am)
    antwoord = client.get(reverse("dashboards:portefeuille"), {"peildatum": PEILDATUM})
    regel = next(r for r in antwoord.context["regels"] if r.swv == po2403)
    assert regel.te_laat == 1  # the 2022 cycle; nothing else was met late
    t = platte_tekst(antwoord)
    assert "1 met een te laat behaalde mijlpaal of OP-cyclus" in t
    assert f"2022-2026: {TE_LAAT}" in t


def test_the_matrix_shows_the_current_and_the_previous_cycle(client, po2403):
    client.force_login(po2403.am)
    antwoord = client.get(reverse("dashboards:monitor"), {"peildatum": PEILDATUM, "sector": "PO"})
    t = platte_tekst(antwoord)
    assert "Nieuw ondersteuningsplan (huidige OP-cyclus)" in t
    assert f"2022-2026: {TE_LAAT}" in t


def test_the_map_colours_by_the_current_op_cycle_by_default(client, po2403):
    gekozen, _ = kaart.kies_mijlpaal("PO", PEILDATUM)
    assert gekozen.code == "nieuw-op"
    client.force_login(po2403.am)
    antwoord = client.get(reverse("dashboards:kaart"), {"peildatum": PEILDATUM, "sector": "PO"})
    t = platte_tekst(antwoord)
    assert "gekleurd naar status van de huidige OP-cyclus" in t
    assert f"2026-2030: open 2022-2026: {TE_LAAT}" in t


def test_the_api_gives_the_cycle_and_its_days_late(client, po2403, maak_gebruiker):
    client.force_login(maak_gebruiker("inspectie"))
    mijlpalen = client.get(
        f"/api/v1/samenwerkingsverbanden/PO2403/mijlpalen?peildatum={PEILDATUM}"
    ).json()
    nieuw = next(m for m in mijlpalen if m["mijlpaal"] == "nieuw-op")
    assert (nieuw["status"], nieuw["deadline"], nieuw["cyclus"]["naam"]) == (
        "open",
        "2030-11-20",
        "2026-2030",
    )
    vorige = nieuw["cycli"][-2]
    assert (vorige["naam"], vorige["status"], vorige["dagenTeLaat"], vorige["uitkomst"]) == (
        "2022-2026",
        "te_laat",
        304,
        TE_LAAT,
    )


def test_the_pdf_lists_every_cycle(po2403, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.vraag_aan(po2403.am, "swv", PEILDATUM, swv=po2403)
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    with rapport.pdf.open("rb") as f:
        t = " ".join(tekst(f.read()).split())
    assert "OP-cycli" in t
    assert f"2022-2026 20 januari 2026 20 november 2026 {TE_LAAT.capitalize()}" in t


def test_what_is_missing_starts_the_next_plan_when_the_current_one_is_adopted():
    swv = swv_met_regio(code="VO2708", sector="VO", pc4s=["3512"])
    vastgesteld(swv, D(2014, 4, 30), D(2014, 8, 1))
    huidig = vastgesteld(swv, D(2017, 12, 25), D(2018, 8, 1))
    feiten = op_selectors.feiten_van(swv)

    label, url = views.ontbrekend_item(swv, Stap.OP_VASTGESTELD, huidig, feiten)
    assert url == "/samenwerkingsverbanden/VO2708/plannen/nieuw/"
    assert label == "OP vastgesteld door het SWV: nieuw ondersteuningsplan aanmaken"

    label, url = views.ontbrekend_item(swv, Stap.OP_AANGEBODEN_INSPECTIE, huidig, feiten)
    assert (
        url
        == f"/samenwerkingsverbanden/VO2708/plannen/{huidig.pk}/stappen/op_aangeboden_inspectie/"
    )


def test_the_late_list_keeps_the_late_cycle_as_its_own_row(po2403):
    from dashboards import selectors as dashboards
    from dashboards import tables
    from swv.models import Samenwerkingsverband

    matrix = dashboards.matrix(Samenwerkingsverband.objects.filter(pk=po2403.pk), PEILDATUM)
    tabel = tables.achterstanden(dashboards.achterstanden(matrix))
    rijen = [[str(cel) for cel in rij[2:5]] for rij in tabel.rijen[0:100]]
    assert [
        "Nieuw ondersteuningsplan (OP-cyclus 2022-2026)",
        "2026-01-20",
        "te_laat",
    ] in rijen, rijen


def test_the_national_pdf_counts_every_cycle_and_its_annex_the_late_one(po2403):
    from rapporten import inhoud, pdf

    cijfers = inhoud.verzamel("landelijk", PEILDATUM)
    cycli = {(r["naam"], r["sector"]): r["telling"] for r in cijfers["op_cycli"]}
    assert [(naam, {k: v for k, v in t.items() if v}) for (naam, _), t in cycli.items()] == [
        ("Eerste plan", {"behaald": 1}),
        ("Tweede plan", {"behaald": 1}),
        ("Derde plan", {"behaald": 1}),
        ("Vierde plan", {"te_laat": 1}),
        ("Vijfde plan", {"open": 1}),
    ]
    (bijlage,) = cijfers["bijlage"]
    assert bijlage["behaald"] >= 4  # the four adopted plans, the late one included

    t = " ".join(tekst(pdf.render(cijfers, "Voortgangsrapportage").pdf).split())
    assert "Ondersteuningsplannen per cyclus per 6 december 2026" in t
    assert "Vierde plan po 0 1 0 0 0" in t
