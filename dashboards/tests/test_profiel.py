"""One SWV on one page (`/samenwerkingsverbanden/<code>/profiel/`): its milestones with its
explanations, its participation and thuiszitters beside the comparisons, the findings in short;
who may read it, and its queries."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Rol
from dashboards import profiel
from ondersteuningsplan.models import Mijlpaal
from ondersteuningsplan.services import leg_toelichting_vast
from swv.models import Sector
from swv.tests.factories import GemeenteFactory, LeerlingtellingFactory, swv_met_regio
from toezicht.models import Thuiszitterregistratie, Thuiszittertelling
from toezicht.tests.factories import SignaalFactory, ronde

pytestmark = pytest.mark.django_db

D = datetime.date
TELDATUM = D(2015, 10, 1)
PERIODE = (D(2016, 1, 1), D(2016, 2, 29))
ADRES = "/samenwerkingsverbanden/PO0001/profiel/"


def _registreer(swv, r, aantal: int):
    registratie = Thuiszitterregistratie.objects.create(
        swv=swv, ronde=r, periode_van=r.periode_van, periode_tot=r.periode_tot
    )
    Thuiszittertelling.objects.create(
        registratie=registratie, soort="absoluut", duur="lang", met_aanbod=False, aantal=aantal
    )


@pytest.fixture
def po():
    """Eight po SWVs of 1.000 times their number of pupils; PO0001 and PO0002 share a gemeente
    (neighbours) and make the smallest quarter (similar size). In the round of January and
    February 2016 only PO0001 (3 thuiszitters) and PO0002 (4) submitted."""
    gedeeld = GemeenteFactory(naam="Gedeelde gemeente")
    swvs = [
        swv_met_regio(
            gemeente=gedeeld if i <= 2 else None,
            pc4s=(f"{1000 + i}",),
            code=f"PO{i:04d}",
            naam=f"SWV {i}",
            sector=Sector.PO,
        )
        for i in range(1, 9)
    ]
    for i, swv in enumerate(swvs, start=1):
        for categorie, aantal in (("bao", 1000 * i - 10), ("so_cl34", 10)):
            LeerlingtellingFactory(swv=swv, teldatum=TELDATUM, categorie=categorie, aantal=aantal)
    r = ronde(*PERIODE)
    _registreer(swvs[0], r, 3)
    _registreer(swvs[1], r, 4)
    return swvs


def _tekst(antwoord) -> str:
    assert antwoord.status_code == 200
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", antwoord.content.decode())))


def test_the_profile_gathers_the_swv_on_one_page(client_als, po):
    leg_toelichting_vast(
        swv=po[0],
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        cyclus=0,
        tekst="De fusie van twee besturen hield de oprichting op.",
        verwacht_op=None,
        door=None,
    )
    SignaalFactory(swv=po[0])
    SignaalFactory(swv=po[1])  # another SWV's: not counted
    pagina = _tekst(client_als(Rol.ACCOUNTMANAGER).get(ADRES + "?peildatum=2016-06-01"))

    assert "Profiel van SWV 1" in pagina
    # the milestone that was missed carries its explanation, and the summary counts the rest
    assert re.search(
        r"Samenwerkingsverband is rechtspersoon Gemist 1 november 2013 De fusie van twee besturen hield de oprichting op",
        pagina,
    )
    assert "7 gemist. Nog zonder toelichting: 6 onderdelen." in pagina
    # participation: 10 of 990 in heavy support, against 80 of 35.920 nationally
    assert "Negatieve verevening (boven het landelijk gemiddelde): 1,01% tegen 0,22%" in pagina
    # thuiszitters per 1.000 pupils: itself 3 of 1.000; the country counts the two SWVs that
    # submitted (7 of 3.000), the neighbours and the similar size PO0002 alone (4 of 2.000)
    regel = re.search("1 jan \u2013 29 feb 2016 (.*?) Alle rondes", pagina)
    assert regel, pagina
    assert regel.group(1).split() == [
        *["Ingediend,", "wacht", "op", "beoordeling", "3", "3,00"],
        *["2,33", "voorlopig:", "2", "van", "8"],
        *["2,00", "compleet:", "1", "van", "1"],
        *["2,00", "compleet:", "1", "van", "1"],
        "\u2014",  # no explanation
    ]
    # the comparisons state whom they hold
    assert "Buren (1 samenwerkingsverband)" in pagina
    assert "Vergelijkbare omvang (1 samenwerkingsverband)" in pagina
    assert "Landelijk (po) (8 samenwerkingsverbanden)" in pagina
    assert "Signalen: 1" in pagina
    assert "Profiel als pdf maken" in pagina


def test_a_round_without_a_submission_says_so(client_als, po):
    pagina = _tekst(client_als(Rol.INSPECTIE).get("/samenwerkingsverbanden/PO0003/profiel/"))
    assert re.search(
        "1 jan \u2013 29 feb 2016 Niet ingediend \u2014 \u2014 .* \u2014 Alle rondes", pagina
    )
    assert "Profiel als pdf maken" not in pagina  # the Inspectie asks for no reports


def test_the_coordinator_reads_their_own_profile_only(client, maak_gebruiker, po):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[po[0]]))
    pagina = client.get(ADRES).content.decode()
    assert 'aria-current="page">Profiel</a>' in pagina
    assert 'name="soort" value="swv"' in pagina and 'name="swv" value="PO0001"' in pagina
    # another SWV's profile and a guessed code look the same: not found
    assert client.get("/samenwerkingsverbanden/PO0002/profiel/").status_code == 404
    assert client.get("/samenwerkingsverbanden/PO9999/profiel/").status_code == 404
    fout = client.get(ADRES + "?peildatum=gisteren")
    assert fout.status_code == 400
    assert "is geen datum; schrijf die als JJJJ-MM-DD" in unescape(fout.content.decode())


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER])
def test_the_roles_that_read_every_swv_read_it(client_als, po, rol):
    assert client_als(rol).get("/samenwerkingsverbanden/PO0005/profiel/").status_code == 200


def test_a_visitor_must_log_in(client, po):
    antwoord = client.get(ADRES)
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord.url


def test_the_profile_takes_the_same_queries_for_more_swvs_and_rounds(client_als, po):
    client = client_als(Rol.ACCOUNTMANAGER)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ADRES).status_code == 200
        return len(queries)

    voor = tel()
    tweede = ronde(D(2016, 3, 1), D(2016, 4, 30))
    for i in range(9, 30):
        swv = swv_met_regio(pc4s=(f"{1000 + i}",), code=f"PO{i:04d}", sector=Sector.PO)
        LeerlingtellingFactory(swv=swv, teldatum=TELDATUM, categorie="bao", aantal=500)
        _registreer(swv, tweede, 1)
    _registreer(po[0], tweede, 2)
    assert tel() == voor <= 22


def test_the_thuiszitter_comparison_counts_like_with_like(po, maak_gebruiker):
    lezer = maak_gebruiker(Rol.ACCOUNTMANAGER)
    [(regel, toelichting, nieuw)] = profiel.profiel(po[0], D(2016, 6, 1), lezer).thuiszitters
    assert toelichting is None and nieuw is False
    v = [regel]
    assert v[0].eigen.per_duizend == 3.0
    assert [c.ingediend for c in v[0].vergelijkingen] == [2, 1, 1]


def test_the_profile_compares_two_peildata(client_als, po):
    client = client_als(Rol.ACCOUNTMANAGER)
    antwoord = client.get(ADRES, {"peildatum": "2016-06-01", "vergelijk": "2015-06-01"})
    html = unescape(antwoord.content.decode())
    pagina = _tekst(antwoord)
    assert "Vergeleken met 1 juni 2015" in pagina
    # missed by now, not yet due then: the old status struck through
    rij = re.search(r'<tr [^>]*data-mijlpaal="bekostiging"[^>]*>(.*?)</tr>', html, re.S)
    assert rij and 'data-wijziging="gewijzigd"' in rij.group(0), html
    assert re.search(r"Op 1 juni 2015 was het: <del>\w", rij.group(1))
    # unchanged milestones are not marked
    ongewijzigd = re.search(r'<tr [^>]*data-mijlpaal="rechtspersoon"[^>]*>', html)
    assert "data-wijziging" not in ongewijzigd.group(0)
    # the teldatum and the round that came after the day compared with are new
    assert re.search(r"01-10-2015 nieuw sinds 1 juni 2015", pagina)
    assert re.search("1 jan \u2013 29 feb 2016 nieuw sinds 1 juni 2015", pagina)

    fout = client.get(ADRES, {"vergelijk": "vorig jaar"})
    assert fout.status_code == 400
    assert "'vorig jaar' is geen datum" in unescape(fout.content.decode())
