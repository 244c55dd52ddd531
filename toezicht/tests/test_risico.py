"""The yearly risk analysis (ADR 0074). One SWV's figures for 2024 are worked out here by hand
from its facts (risicowereld.py), as an inspector would with a calculator; then the ranking, the thresholds the
Inspectie changes from a day on, the pages and who may see them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Rol
from toezicht import risico, services
from toezicht.models import Risicomaat, Risicoregel
from toezicht.tests import factories as bevindingen
from toezicht.tests import risicowereld

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = D(2024, 12, 31)


@pytest.fixture
def amstelland():
    return risicowereld.amstelland()


def waarden(profiel):
    return {i.maat: i for i in profiel.indicatoren}


def test_one_swvs_figures_for_2024_reproduced_by_hand(amstelland):
    a, b = amstelland
    analyse = risico.analyse(2024)
    assert analyse.peildatum == PEILDATUM
    w = waarden(analyse.van(a))

    # 12 thuiszitters in September-October on 9,000 + 300 + 250 = 9,550 pupils: 1.2565 per
    # 1,000, written 1,3; the threshold is 1,0, so it counts with weight 3
    assert w[Risicomaat.THUISZITTERS].waarde == Decimal("1.3")
    assert w[Risicomaat.THUISZITTERS].punten == 3
    assert w[Risicomaat.THUISZITTERS].uitleg == (
        "12 thuiszitters in de ronde 1 sep \u2013 31 okt 2024, op 9.550 leerlingen (teldatum 01-10-2024)"
    )
    # a year earlier, September-October 2023: 8; (12 - 8) / 8 = 50 % ≥ 25 %: weight 1
    assert w[Risicomaat.THUISZITTERS_TREND].waarde == Decimal("50.0")
    assert w[Risicomaat.THUISZITTERS_TREND].punten == 1
    # heavy support: 250 / (9,000 + 300) = 2,688 %; the country (250 + 300) / (9,300 + 19,500)
    # = 1,910 %; 0,779 points above, written 0,8 ≥ 0,5: weight 1
    assert w[Risicomaat.DEELNAME].waarde == Decimal("0.8")
    assert w[Risicomaat.DEELNAME].punten == 1
    # a year earlier 200 / 9,300 = 2,151 %: up 0,538 points, written 0,5 ≥ 0,2: weight 1
    assert w[Risicomaat.DEELNAME_TREND].waarde == Decimal("0.5")
    assert w[Risicomaat.DEELNAME_TREND].punten == 1
    # every milestone met, the 2026 plan not due yet
    assert w[Risicomaat.MIJLPALEN].waarde == 0
    assert w[Risicomaat.MIJLPALEN].punten == 0
    # six rounds had their deadline in 2024: two in on time, one late, three missing: 4 ≥ 2
    assert w[Risicomaat.RAPPORTAGE].waarde == 4
    assert w[Risicomaat.RAPPORTAGE].punten == 2
    # received in 2024: February, June, September (December 2023 and January 2025 are out)
    assert w[Risicomaat.SIGNALEN].waarde == 3
    assert w[Risicomaat.SIGNALEN].punten == 1
    # June still open, September solved only in 2025: 2 not solved on the peildatum
    assert w[Risicomaat.SIGNALEN_ONOPGELOST].waarde == 2
    assert w[Risicomaat.SIGNALEN_ONOPGELOST].punten == 2
    # the agreement due in June 2024 is open; the one closed as not kept in March 2024 counts
    assert w[Risicomaat.VERVOLGAFSPRAKEN].waarde == 2
    assert w[Risicomaat.VERVOLGAFSPRAKEN].punten == 3
    # investigated from 1 September 2020: 1,582 days, 4,33 years, written 4,3 ≥ 4: weight 2
    assert w[Risicomaat.KWALITEITSONDERZOEK].waarde == Decimal("4.3")
    assert w[Risicomaat.KWALITEITSONDERZOEK].punten == 2

    profiel = analyse.van(a)
    assert profiel.score == 3 + 1 + 1 + 1 + 2 + 1 + 2 + 3 + 2 == 16
    assert profiel.vier_jaar_niet_onderzocht  # last begun 1 September 2020, before 31-12-2020
    assert profiel.verklaring.startswith("Score 16 = thuiszitters per 1.000 leerlingen (3) + ")

    # PO 27-04: nothing counts (its investigation of March 2022 is 2,8 years old)
    stil = analyse.van(b)
    assert stil.score == 0, stil.verklaring
    assert stil.verklaring == "Geen indicator boven de drempel: score 0."
    assert not stil.vier_jaar_niet_onderzocht
    # of two SWVs the quarter is one; a score of 0 is never marked
    assert [(p.swv.code, p.rang, p.hoogste_kwart) for p in analyse.profielen] == [
        ("PO2707", 1, True),
        ("PO2704", 2, False),
    ]


def test_the_analysis_of_a_past_year_stays_as_it_was(amstelland, django_assert_max_num_queries):
    a, _ = amstelland
    with django_assert_max_num_queries(20):
        voor = risico.analyse(2024)
    # the Inspectie raises the threshold for thuiszitters from today; later facts come in
    vandaag = datetime.date.today()
    services.stel_risicoregels_vast(
        door=None,
        geldig_vanaf=vandaag,
        regels={Risicomaat.THUISZITTERS: (Decimal("2.0"), 3)},
    )
    bevindingen.SignaalFactory(swv=a, ontvangen_op=D(2025, 3, 1))
    bevindingen.KwaliteitsonderzoekFactory(swv=a, begonnen_op=D(2025, 4, 1))
    na = risico.analyse(2024)
    assert [(p.swv.code, p.score) for p in na.profielen] == [
        (p.swv.code, p.score) for p in voor.profielen
    ]
    assert waarden(na.van(a))[Risicomaat.THUISZITTERS].regel.drempel == Decimal("1.0")
    # this year's analysis uses the new threshold
    nu = risico.analyse(vandaag.year)
    assert nu.regels[Risicomaat.THUISZITTERS].drempel == Decimal("2.0")


def test_a_rule_cannot_start_in_the_past_and_a_count_has_a_whole_threshold():
    voor = set(Risicoregel.objects.values_list("pk", flat=True))
    gisteren = datetime.date.today() - datetime.timedelta(days=1)
    with pytest.raises(services.ValidationError) as fout:
        services.stel_risicoregels_vast(
            door=None, geldig_vanaf=gisteren, regels={Risicomaat.SIGNALEN: (Decimal("2"), 1)}
        )
    assert "geldig_vanaf" in fout.value.message_dict
    with pytest.raises(services.ValidationError) as fout:
        services.stel_risicoregels_vast(
            door=None,
            geldig_vanaf=datetime.date.today(),
            regels={Risicomaat.SIGNALEN: (Decimal("2.5"), 1)},
        )
    assert fout.value.message_dict == {
        "drempel_signalen": ["Deze indicator telt; vul een heel getal in."]
    }
    assert set(Risicoregel.objects.values_list("pk", flat=True)) == voor


def test_ties_at_the_edge_of_the_quarter_are_all_marked():
    profielen = []
    for code, punten in (("PO01", 5), ("PO02", 3), ("PO03", 3), ("PO04", 0), ("PO05", 0)):
        profiel = risico.Risicoprofiel(
            swv=type("S", (), {"code": code, "pk": code})(),
            indicatoren=[
                risico.Indicatorwaarde(
                    Risicomaat.SIGNALEN,
                    Decimal(1),
                    Risicoregel(maat=Risicomaat.SIGNALEN, drempel=1, gewicht=punten),
                    "",
                )
            ],
            laatste_onderzoek=None,
            vier_jaar_niet_onderzocht=True,
        )
        profielen.append(profiel)
    risico._rangschik(profielen)
    # a quarter of five is two (rounded up); PO03 has the same score as PO02, the second
    assert [(p.swv.code, p.hoogste_kwart) for p in profielen] == [
        ("PO01", True),
        ("PO02", True),
        ("PO03", True),
        ("PO04", False),
        ("PO05", False),
    ]


# -- the pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.BEHEERDER])
def test_only_the_inspectie_reads_the_analysis(client, maak_gebruiker, amstelland, rol):
    a, _ = amstelland
    client.force_login(
        maak_gebruiker(rol, swvs=[a]) if rol == Rol.COORDINATOR else maak_gebruiker(rol)
    )
    for naam, args in (
        ("risicoanalyse", ()),
        ("risicoregels", ()),
        ("risicoanalyse-export", ("csv",)),
        ("risicoprofiel", (2024, a.code)),
    ):
        assert client.get(reverse(f"bevindingen:{naam}", args=args)).status_code == 403
    assert client.post(reverse("bevindingen:risicoregels"), {}).status_code == 403


def test_anonymous_is_sent_to_the_login(client):
    antwoord = client.get(reverse("bevindingen:risicoanalyse"))
    assert antwoord.status_code == 302 and "inloggen" in antwoord["Location"]


@pytest.fixture
def inspecteur(client, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.INSPECTIE, username="inspecteur"))
    return client


def test_the_overview_page_and_its_export(inspecteur, amstelland):
    antwoord = inspecteur.get(reverse("bevindingen:risicoanalyse"), {"jaar": 2024})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "2 samenwerkingsverbanden</strong>, van wie 1 in het hoogste kwart" in inhoud
    assert "Hoogste kwart" in inhoud and "1,3<span" in inhoud

    antwoord = inspecteur.get(
        reverse("bevindingen:risicoanalyse-export", args=["csv"]), {"jaar": 2024}
    )
    regels = antwoord.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Rang;Samenwerkingsverband;Naam;Score;Hoogste kwart;")
    assert regels[1].startswith(
        "1;PO 27-07;Samenwerkingsverband Amstelland;16;ja;01-09-2020;ja;1,3;ja;50,0;ja;"
    )

    antwoord = inspecteur.get(
        reverse("bevindingen:risicoanalyse"), {"jaar": 2024, "toon": "kwart", "sector": "VO"}
    )
    assert "u ziet er 0" in antwoord.content.decode()


@pytest.mark.parametrize(
    "query, melding",
    [
        ({"jaar": "1999"}, "Kies een jaar uit de lijst."),
        ({"jaar": "twee"}, "Kies een jaar uit de lijst."),
        ({"toon": "alles"}, "Kies wat u wilt zien uit de lijst."),
    ],
)
def test_a_wrong_choice_gets_a_dutch_message(inspecteur, query, melding):
    antwoord = inspecteur.get(reverse("bevindingen:risicoanalyse"), query)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    antwoord = inspecteur.get(reverse("bevindingen:risicoanalyse-export", args=["csv"]), query)
    assert antwoord.status_code == 400 and antwoord["Content-Type"].startswith("text/html")


def test_the_profile_page_explains_every_indicator(inspecteur, amstelland):
    a, _ = amstelland
    antwoord = inspecteur.get(reverse("bevindingen:risicoprofiel", args=[2024, a.code]))
    inhoud = antwoord.content.decode()
    assert "rang 1 van 2, score 16, in het hoogste kwart" in inhoud
    assert "12 thuiszitters in de ronde 1 sep \u2013 31 okt 2024" in inhoud
    assert "1,3 per 1.000 leerlingen" in inhoud and "2 signalen" in inhoud
    assert "3 van 3<span" in inhoud
    for jaar, code in ((1999, a.code), (2024, "PO9999"), (datetime.date.today().year + 1, a.code)):
        assert (
            inspecteur.get(reverse("bevindingen:risicoprofiel", args=[jaar, code])).status_code
            == 404
        )


def test_the_inspectie_sets_new_thresholds_from_today(inspecteur, amstelland):
    vandaag = datetime.date.today()
    data = {"geldig_vanaf": vandaag.isoformat()}
    for maat in Risicomaat:
        regel = risico.regels_op(vandaag)[maat]
        data[f"drempel_{maat}"] = str(regel.drempel).replace(".", ",")
        data[f"gewicht_{maat}"] = regel.gewicht
    data["drempel_thuiszitters"] = "2,5"
    data["gewicht_signalen"] = 0
    antwoord = inspecteur.post(reverse("bevindingen:risicoregels"), data)
    assert antwoord.status_code == 302
    nieuw = Risicoregel.objects.filter(geldig_vanaf=vandaag)
    assert {(r.maat, r.drempel, r.gewicht) for r in nieuw} == {
        ("thuiszitters", Decimal("2.5"), 3),
        ("signalen", Decimal("3.0"), 0),
    }
    assert all(r.vastgelegd_door.username == "inspecteur" for r in nieuw)
    pagina = inspecteur.get(reverse("bevindingen:risicoregels")).content.decode()
    assert "De drempels en gewichten zijn opgeslagen." in pagina

    # wrong input: a message at the field, nothing saved
    for veld, waarde, melding in (
        ("drempel_rapportage", "1,5", "Deze indicator telt; vul een heel getal in."),
        ("drempel_thuiszitters", "veel", "Vul een getal in, bijvoorbeeld 2,5."),
        ("gewicht_mijlpalen", "11", "Een gewicht is 0 tot en met 10."),
        ("geldig_vanaf", "2020-01-01", "Kies vandaag of een latere datum"),
    ):
        fout = {**data, veld: waarde}
        antwoord = inspecteur.post(reverse("bevindingen:risicoregels"), fout)
        assert antwoord.status_code == 400, veld
        assert melding in antwoord.content.decode()
    assert Risicoregel.objects.filter(geldig_vanaf=vandaag).count() == 2


def test_the_number_of_queries_does_not_grow_with_the_swvs(amstelland, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def erbij(i):
        swv = risicowereld.swv_met_regio(code=f"VO28{i:02}", pc4s=[f"30{i:02}"], vo=True)
        risicowereld.op_schema(swv)

    erbij(1)  # both sectors: the pupil figures take a query per sector
    with CaptureQueriesContext(connection) as drie:
        risico.analyse(2024)
    for i in range(2, 6):
        erbij(i)
    with django_assert_num_queries(len(drie)):
        analyse = risico.analyse(2024)
    assert len(analyse.profielen) == 7
