"""The dashboard pages and their exports: who may open them, bounded queries, bad input, and
exports with the page's numbers."""

import csv
import datetime
import io
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Auditgebeurtenis
from ondersteuningsplan.models import Status
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory, OPRBesluitFactory
from swv.models import Groepering, Groeperingslid
from swv.tests.factories import (
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    swv_met_regio,
)
from tests.nederlands import ENGELS, opmaakfouten
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

PAGINAS = ["portefeuille", "monitor", "kaart", "leerlingen", "thuiszitters"]
#: The most queries a dashboard may run, whatever the number of SWVs; the monitor pages its
#: matrix and its list "who is late" in the database (for each a count and a page, then the
#: statuses of that page's SWVs), counts the werkagenda per sector (the werkagendas, and the
#: pupil counts of those whose subsidy was granted), the disputes per kind (one query) and the
#: groups of SWVs to choose from (one query); the thuiszitters read the SWVs' explanations of
#: the chosen round (one query).
MAX_QUERIES = 16
MAX_QUERIES_PAGINA = {"monitor": 23, "thuiszitters": 18}
#: What a group adds: its members, its own series; on the monitor its whole monitor beside the
#: national one.
MET_GROEP_EXTRA = {"monitor": 8}

PC4 = itertools.count(2000)


def maak_swvs(aantal, accountmanager=None, door=None):
    swvs = []
    for i in range(aantal):
        swv = swv_met_regio(pc4s=(f"{next(PC4)}",), sector="VO" if i % 2 else "PO")
        swv.accountmanager = accountmanager if i % 3 else None
        swv.save()
        swvs.append(swv)
        FeitFactory(
            swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=datetime.date(2013, 1, 5)
        )
        if i % 2:
            FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
            OPRBesluitFactory(ondersteuningsplan__swv=swv, instemming=True)
        for cat, n in (("bao", 1000), ("sbo", 30), ("so_cl34", 20), ("vo", 900), ("pro", 40)):
            for jaar in (2013, 2014):
                LeerlingtellingFactory(
                    swv=swv, teldatum=datetime.date(jaar, 10, 1), categorie=cat, aantal=n + i
                )
        if door:
            registreer_thuiszitters(
                swv=swv,
                ronde=ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)),
                door=door,
                aantallen={("relatief", "lang", False): i, ("absoluut", "kort", True): 1},
            )
    return swvs


@pytest.fixture
def accountmanager(maak_gebruiker, client):
    am = maak_gebruiker("accountmanager")
    client.force_login(am)
    return am


@pytest.mark.parametrize("naam", PAGINAS)
def test_queries_groeien_niet_met_het_aantal_swvs(client, accountmanager, maak_gebruiker, naam):
    door = maak_gebruiker("coordinator")
    url = reverse(f"dashboards:{naam}")
    maak_swvs(3, accountmanager, door)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url, {"peildatum": "2014-02-01"}).status_code == 200
    maak_swvs(20, accountmanager, door)
    with CaptureQueriesContext(connection) as veel:
        antwoord = client.get(url, {"peildatum": "2014-02-01"})
    assert antwoord.status_code == 200
    assert len(veel) == len(weinig), [q["sql"] for q in veel.captured_queries]
    assert len(veel) <= MAX_QUERIES_PAGINA.get(naam, MAX_QUERIES)


@pytest.mark.parametrize("naam", PAGINAS)
def test_met_een_groep_groeien_de_queries_niet_met_haar_leden(
    client, accountmanager, maak_gebruiker, naam
):
    door = maak_gebruiker("coordinator")
    groep = Groepering.objects.create(naam="Voorlopers")

    def in_groep(swvs):
        for swv in swvs:
            Groeperingslid.objects.create(
                groepering=groep, swv=swv, geldig_van=datetime.date(2013, 9, 1)
            )

    url = reverse(f"dashboards:{naam}")
    vraag = {"peildatum": "2014-02-01", "groep": groep.pk}
    in_groep(maak_swvs(3, accountmanager, door))
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url, vraag).status_code == 200
    in_groep(maak_swvs(20, accountmanager, door))
    with CaptureQueriesContext(connection) as veel:
        antwoord = client.get(url, vraag)
    assert antwoord.status_code == 200
    assert len(veel) == len(weinig), [q["sql"] for q in veel.captured_queries]
    assert len(veel) <= MAX_QUERIES_PAGINA.get(naam, MAX_QUERIES) + MET_GROEP_EXTRA.get(naam, 4)


@pytest.mark.parametrize("naam", PAGINAS)
def test_export_queries_begrensd(client, accountmanager, django_assert_max_num_queries, naam):
    maak_swvs(12, accountmanager)
    tabel = {
        "portefeuille": "portefeuille",
        "monitor": "matrix",
        "kaart": "kaart",
        "leerlingen": "deelname-swv-percentages-po",
        "thuiszitters": "thuiszitters-perioden",
    }[naam]
    with django_assert_max_num_queries(MAX_QUERIES + 1):  # + the audit record
        antwoord = client.get(reverse("dashboards:export", args=[naam, tabel, "csv"]))
    assert antwoord.status_code == 200


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("rol", ["coordinator", ""])
def test_andere_rollen_mogen_niet(client_als, naam, rol):
    client = client_als(rol)
    assert client.get(reverse(f"dashboards:{naam}")).status_code == 403
    export = reverse("dashboards:export", args=[naam, "matrix", "csv"])
    assert client.get(export).status_code == 403


@pytest.mark.parametrize("naam", PAGINAS)
def test_anoniem_moet_inloggen(client, naam):
    antwoord = client.get(reverse(f"dashboards:{naam}"))
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]


@pytest.mark.parametrize("rol", ["inspectie", "beheerder"])
def test_inspectie_en_beheer_lezen_alles(client_als, rol):
    SamenwerkingsverbandFactory.create_batch(3)
    antwoord = client_als(rol).get(reverse("dashboards:portefeuille"))
    assert antwoord.status_code == 200
    assert len(antwoord.context["regels"]) == 3


def test_portefeuille_toont_alleen_de_eigen_swvs(client, accountmanager, maak_gebruiker):
    ander = maak_gebruiker("accountmanager")
    eigen = SamenwerkingsverbandFactory(accountmanager=accountmanager)
    vreemd = SamenwerkingsverbandFactory(accountmanager=ander)
    antwoord = client.get(reverse("dashboards:portefeuille"))
    inhoud = antwoord.content.decode()
    assert eigen.weergavecode in inhoud and vreemd.weergavecode not in inhoud
    export = client.get(reverse("dashboards:export", args=["portefeuille", "portefeuille", "csv"]))
    assert vreemd.weergavecode not in export.content.decode()


def test_portefeuille_meeste_risico_bovenaan(client, accountmanager):
    op_tijd = SamenwerkingsverbandFactory(accountmanager=accountmanager, code="PO2001")
    FeitFactory(swv=op_tijd, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=datetime.date(2013, 8, 1))
    SamenwerkingsverbandFactory(accountmanager=accountmanager, code="PO2002")
    antwoord = client.get(reverse("dashboards:portefeuille"), {"peildatum": "2013-11-02"})
    regels = antwoord.context["regels"]
    assert [r.swv.code for r in regels] == ["PO2002", "PO2001"]
    assert regels[0].gemist > regels[1].gemist
    inhoud = antwoord.content.decode()
    assert reverse("ondersteuningsplan:overzicht", args=["PO2002"]) in inhoud


@pytest.mark.parametrize(
    "naam, params, melding",
    [
        ("monitor", {"peildatum": "1-2-2014"}, "geen datum"),
        ("monitor", {"peildatum": "1900-01-01"}, "Kies een peildatum tussen"),
        ("monitor", {"sector": "MBO"}, "Kies als sector PO of VO"),
        ("monitor", {"vergelijk": "gisteren"}, "geen datum"),
        ("kaart", {"kleur": "roze"}, "Kleur de kaart naar status of naar verevening"),
        ("kaart", {"mijlpaal": "bestaat-niet"}, "Kies een mijlpaal uit de lijst"),
        ("leerlingen", {"teldatum": "2099-10-01"}, "geen teldatum waarvoor cijfers zijn"),
        ("thuiszitters", {"periode": "morgen"}, "geen periode waarvoor cijfers zijn"),
    ],
)
def test_foute_keuze_geeft_een_duidelijke_melding(client, accountmanager, naam, params, melding):
    antwoord = client.get(reverse(f"dashboards:{naam}"), params)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    export = client.get(reverse("dashboards:export", args=[naam, "x", "csv"]), params)
    assert export.status_code == 400
    assert not Auditgebeurtenis.objects.filter(soort="export").exists()


@pytest.mark.parametrize(
    "args", [("monitor", "bestaat-niet", "csv"), ("monitor", "matrix", "pdf"), ("x", "y", "csv")]
)
def test_onbekende_export_is_404(client, accountmanager, args):
    assert client.get(reverse("dashboards:export", args=args)).status_code == 404


def lees_csv(antwoord, scheiding=","):
    tekst = antwoord.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=scheiding))


def als_nederlands_excel(antwoord):
    """What Dutch Excel does with a double-clicked CSV: it expects a byte-order mark for UTF-8,
    splits on `;`, and reads "80,3" as a number, "80.3" as text (or a date)."""
    assert antwoord.content.startswith("\ufeff".encode())
    rijen = lees_csv(antwoord, ";")

    def cel(waarde):
        if re.fullmatch(r"-?\d+(,\d+)?", waarde):
            return float(waarde.replace(",", "."))
        assert not re.fullmatch(r"-?\d+\.\d+", waarde), f"Excel leest {waarde} niet als getal"
        return waarde

    return [rijen[0], *([cel(w) for w in rij] for rij in rijen[1:])]


def lees_xlsx(antwoord):
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    return [list(rij) for rij in blad.iter_rows(values_only=True)]


def test_export_csv_en_xlsx_hebben_de_getallen_van_de_pagina(client, accountmanager):
    maak_swvs(4, accountmanager)
    params = {"peildatum": "2014-02-01"}
    pagina = client.get(reverse("dashboards:monitor"), params)
    tabel = pagina.context["tabellen"]["monitor-bestuur"]
    url_csv = reverse("dashboards:export", args=["monitor", "monitor-bestuur", "csv"])
    url_xlsx = reverse("dashboards:export", args=["monitor", "monitor-bestuur", "xlsx"])
    url_int = reverse(
        "dashboards:export", args=["monitor", "monitor-bestuur", "csv-internationaal"]
    )
    als_csv = als_nederlands_excel(client.get(url_csv, params))
    internationaal = client.get(url_int, params)
    als_int = lees_csv(internationaal)
    als_xlsx = lees_xlsx(client.get(url_xlsx, params))
    assert 'filename="monitor-bestuur-internationaal.csv"' in internationaal["Content-Disposition"]
    assert als_csv[0] == als_int[0] == tabel.kolommen == list(als_xlsx[0])
    rijen = zip(tabel.rijen, als_csv[1:], als_int[1:], als_xlsx[1:], strict=True)
    for rij, rij_csv, rij_int, rij_xlsx in rijen:
        assert rij_csv[0] == rij_int[0] == rij_xlsx[0] == rij[0]
        assert rij_csv[1:] == [float(w) for w in rij_int[1:]] == rij_xlsx[1:] == rij[1:]
    # the Dutch file writes numbers and dates the Dutch way
    assert not opmaakfouten(client.get(url_csv, params).content.decode("utf-8-sig"))
    # the percentages shown on the page are the exported ones
    inhoud = pagina.content.decode()
    for rij in tabel.rijen:
        assert f"{rij[1]:.1f}".replace(".", ",") in inhoud


def test_export_van_de_matrix_heeft_alle_rijen_en_statussen(client, accountmanager):
    maak_swvs(6, accountmanager)
    antwoord = client.get(
        reverse("dashboards:export", args=["monitor", "matrix", "xlsx"]),
        {"peildatum": "2013-11-02", "sector": "PO"},
    )
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="matrix.xlsx"' in antwoord["Content-Disposition"]
    rijen = lees_xlsx(antwoord)
    assert len(rijen) == 1 + 3
    assert "Gemist" in rijen[1]


def test_export_wordt_vastgelegd_in_de_auditlog(client, accountmanager):
    maak_swvs(2, accountmanager)
    client.get(
        reverse(
            "dashboards:export", args=["leerlingen", "deelname-landelijk-percentages-vo", "csv"]
        ),
        {"sector": "VO"},
    )
    gebeurtenis = Auditgebeurtenis.objects.get(soort="export")
    assert gebeurtenis.gebruiker == accountmanager
    assert gebeurtenis.gegevens["tabel"] == "deelname-landelijk-percentages-vo"
    assert gebeurtenis.gegevens["formaat"] == "csv"
    assert gebeurtenis.gegevens["filters"] == {"sector": "VO"}


def test_geen_pagina_heeft_inline_script_of_style(client, accountmanager, maak_gebruiker):
    maak_swvs(3, accountmanager, maak_gebruiker("coordinator"))
    for naam in PAGINAS:
        inhoud = client.get(reverse(f"dashboards:{naam}"), {"peildatum": "2014-02-01"}).content
        inhoud = inhoud.decode()
        assert "<script" not in inhoud and "style=" not in inhoud and "<style" not in inhoud


def test_elke_downloadlink_op_elke_pagina_werkt(client, accountmanager, maak_gebruiker):
    """Every download link on every dashboard answers, and every Dutch CSV among them is
    written the Dutch way."""
    import re
    from html import unescape

    maak_swvs(3, accountmanager, maak_gebruiker("coordinator"))
    gezien = nederlands = 0
    for naam in PAGINAS:
        inhoud = client.get(reverse(f"dashboards:{naam}"), {"peildatum": "2014-02-01"})
        for link in re.findall(r'href="([^"]*/export/[^"]*)"', inhoud.content.decode()):
            antwoord = client.get(unescape(link))
            assert antwoord.status_code == 200, link
            if unescape(link).split("?")[0].endswith(".csv"):
                # the Dutch CSV writes decimals and dates the Dutch way
                tekst = antwoord.content.decode("utf-8-sig")
                assert not opmaakfouten(tekst), (link, opmaakfouten(tekst)[:5])
                assert not ENGELS.findall(tekst), (link, ENGELS.findall(tekst))
            gezien += 1
            nederlands += unescape(link).split("?")[0].endswith(".csv")
    assert gezien >= 2 * 10 and nederlands >= 10


@pytest.mark.parametrize("naam", ["leerlingen", "thuiszitters"])
def test_verloop_van_een_swv(
    client, accountmanager, maak_gebruiker, django_assert_max_num_queries, naam
):
    swvs = maak_swvs(4, accountmanager, maak_gebruiker("coordinator"))
    swv = swvs[0]
    with django_assert_max_num_queries(MAX_QUERIES_PAGINA.get(naam, MAX_QUERIES)):
        antwoord = client.get(reverse(f"dashboards:{naam}"), {"swv": swv.code})
    assert antwoord.status_code == 200
    namen = set(antwoord.context["tabellen"])
    assert any(swv.code.lower() in n for n in namen)
    assert antwoord.context["grafiek_swv"] is not None
    assert swv.weergavecode in antwoord.context["grafiek_swv"].titel
    if naam == "thuiszitters":
        tabel = antwoord.context["tabellen"][f"thuiszitters-{swv.code.lower()}"]
        assert tabel.rijen[0][3] == 1  # swv 0: 0 relatief + 1 absoluut
    fout = client.get(reverse(f"dashboards:{naam}"), {"swv": "PO9999"})
    assert fout.status_code == 400
    assert "geen samenwerkingsverband in deze lijst" in fout.content.decode()


def mijlpaalnaam(cel: str) -> str:
    """The milestone's name from its cell: "Nieuw ondersteuningsplan (OP-cyclus 2014-2018)"
    names the cycle after it."""
    naam, _, cyclus = cel.partition(" (OP-cyclus ")
    assert not cyclus or cyclus.endswith(")"), cel
    return naam


def test_de_lijst_te_laat_op_de_pagina_is_de_volledige_berekening(client, accountmanager):
    from dashboards.tests.test_cijfers import te_laat_volledig
    from swv.models import Samenwerkingsverband

    maak_swvs(30, accountmanager)
    params = {"peildatum": "2014-05-01", "sector": "PO"}
    swvs = list(Samenwerkingsverband.objects.filter(sector="PO").order_by("code"))
    verwacht = [
        [swv.weergavecode, mijlpaal.naam, deadline, Status(status).label]
        for swv, mijlpaal, deadline, status in te_laat_volledig(swvs, datetime.date(2014, 5, 1))
    ]
    assert len(verwacht) > 50  # two pages

    def kort(rij):
        return [rij[0].weergavecode, mijlpaalnaam(rij[2]), rij[3], rij[4].label]

    getoond = []
    for pagina in (1, 2):
        antwoord = client.get(reverse("dashboards:monitor"), {**params, "pagina": pagina})
        deel = antwoord.context["achterstanden_pagina"]
        assert deel.paginator.count == len(verwacht)
        getoond += [kort(rij) for rij in deel.object_list]
    assert getoond == verwacht
    for formaat, scheiding, datum in (
        ("csv", ";", lambda d: f"{d:%d-%m-%Y}"),
        ("csv-internationaal", ",", datetime.date.isoformat),
    ):
        url = reverse("dashboards:export", args=["monitor", "achterstanden", formaat])
        export = lees_csv(client.get(url, params), scheiding)
        assert [[r[0], mijlpaalnaam(r[2]), r[3], r[4]] for r in export[1:]] == [
            [code, naam, datum(deadline), status] for code, naam, deadline, status in verwacht
        ]


def test_paging_links_carry_the_filters_once_and_the_page_once(client, accountmanager):
    maak_swvs(60, accountmanager)
    pagina = client.get(
        reverse("dashboards:monitor"), {"peildatum": "2014-02-01", "sector": "PO", "pagina": "2"}
    )
    links = re.findall(r'href="(\?[^"]*pagina=[^"]*)"', pagina.content.decode())
    assert links
    for link in links:
        assert link.count("pagina=") == 1 and "?&" not in link, link
        assert "peildatum=2014-02-01" in link and "sector=PO" in link, link


def test_de_monitor_zet_een_tweede_peildatum_ernaast(client, accountmanager):
    """Two moments on the monitor: the national shares per step on the day compared with,
    beside today's, in the page and in its download."""
    maak_swvs(4, accountmanager)
    params = {"peildatum": "2015-01-01", "vergelijk": "2013-06-01"}
    antwoord = client.get(reverse("dashboards:monitor"), params)
    assert antwoord.status_code == 200
    tabel = antwoord.context["tabellen"]["monitor-bestuur"]
    assert tabel.kolommen[:5] == [
        "Stap",
        "po (%)",
        "vo (%)",
        "po op 01-06-2013 (%)",
        "vo op 01-06-2013 (%)",
    ]
    assert all(len(r) == len(tabel.kolommen) for r in tabel.rijen)
    csv = client.get(
        reverse("dashboards:export", args=["monitor", "monitor-bestuur", "csv"]), params
    )
    assert "po op 01-06-2013 (%)" in csv.content.decode("utf-8-sig").splitlines()[0]
    assert 'name="vergelijk" value="2013-06-01"' in antwoord.content.decode()
