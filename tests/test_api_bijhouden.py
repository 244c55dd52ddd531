"""Keeping a copy of the Inspectie's findings: what changed since a moment (`gewijzigdSinds`),
in a stable order (`sorteer`, which every collection has), page by page."""

import datetime
import itertools

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Rol
from ondersteuningsplan.models import OOGO, Geschil, OOGOStatus
from ondersteuningsplan.stappen import OP_STAPPEN
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.services.documenten import bewaar_document
from swv.tests.factories import (
    GemeenteFactory,
    LeerlingtellingFactory,
    LidmaatschapFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
)
from swv.tests.pdfs import gewone_pdf
from toezicht import services
from toezicht.api.collecties import COLLECTIES
from toezicht.models import Duur, Signaal, Verzuimsoort
from toezicht.services import registreer_thuiszitters
from toezicht.tests import factories as bevindingen
from toezicht.tests.factories import SignaalFactory, ronde

pytestmark = pytest.mark.django_db

#: Collections of at most one item per SWV.
EEN_PER_SWV = {"werkagenda"}
#: Properties written as ISO dates or moments: as text, their order is their natural one.
DATUMS = {
    "teldatum",
    "periodeVan",
    "periodeTot",
    "deadline",
    "datum",
    "begindatum",
    "einddatum",
    "geuploadOp",
    "ingediendOp",
    "beoordeeldOp",
    "datumVoorgelegd",
    "datumGepland",
    "ontvangenOp",
    "afgehandeldOp",
    "begonnenOp",
    "afgerondOp",
    "gemaaktOp",
    "gewijzigdOp",
}


def alle(client, adres, **params):
    """Every row of a collection, following `volgende` page by page."""
    rijen, antwoord = [], client.get(adres, params)
    while True:
        assert antwoord.status_code == 200, antwoord.content
        rijen += antwoord.json()["resultaten"]
        if not antwoord.json()["volgende"]:
            return rijen
        antwoord = client.get(antwoord.json()["volgende"])


def test_a_copy_kept_up_to_date_with_gewijzigd_sinds_equals_a_fresh_read(
    wereld, api_als, maak_gebruiker
):
    inspecteur = maak_gebruiker("inspectie")
    client = api_als("inspectie")
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)):
        for i in range(30):
            SignaalFactory(swv=wereld.swv_a, ontvangen_op=datetime.date(2025, 1, 1 + i))
    kopie = {r["id"]: r for r in alle(client, "/api/v1/signalen", paginaGrootte=7)}
    assert len(kopie) == Signaal.objects.count()

    with time_machine.travel(datetime.datetime(2026, 12, 20, 9, tzinfo=datetime.UTC)):
        gewijzigd = Signaal.objects.order_by("pk")[3]
        services.wijzig_bevinding(
            gewijzigd,
            door=inspecteur,
            verwachte_versie=gewijzigd.versie,
            uitkomst="terug_op_school",
        )
        services.leg_bevinding_vast(
            Signaal,
            door=inspecteur,
            swv=wereld.swv_b,
            bron="school",
            onderwerp="zorgplicht",
            ontvangen_op=datetime.date(2026, 2, 27),
        )
    sinds = "2026-12-15T00:00:00+01:00"
    nieuw = alle(client, "/api/v1/signalen", gewijzigdSinds=sinds, sorteer="gewijzigdOp")
    assert len(nieuw) == 2
    kopie |= {r["id"]: r for r in nieuw}
    vers = {r["id"]: r for r in alle(client, "/api/v1/signalen", paginaGrootte=100)}
    assert kopie == vers


def test_sorteer_orders_stably_across_pages_and_refuses_an_unknown_property(wereld, api_als):
    for _ in range(12):  # all received the same day: the id decides between them
        SignaalFactory(swv=wereld.swv_a, ontvangen_op=datetime.date(2020, 5, 4))
    client = api_als("inspectie")
    rijen = alle(client, "/api/v1/signalen", sorteer="-ontvangenOp", paginaGrootte=5)
    sleutels = [(r["ontvangenOp"], r["id"]) for r in rijen]
    assert [s[0] for s in sleutels] == sorted((s[0] for s in sleutels), reverse=True)
    zelfde_dag = [i for d, i in sleutels if d == "2020-05-04"]
    assert zelfde_dag == sorted(zelfde_dag) and len(zelfde_dag) == 12
    assert len({r["id"] for r in rijen}) == len(rijen) == Signaal.objects.count()

    for fout in ({"sorteer": "omschrijving"}, {"gewijzigdSinds": "gisteren"}):
        antwoord = client.get("/api/v1/signalen", fout)
        assert antwoord.status_code == 400, fout
        assert antwoord["Content-Type"] == "application/problem+json"
        assert [p["name"] for p in antwoord.json()["invalidParams"]] == list(fout)


def runs(waarden):
    """The values in the order they first appear, one per run of equal values."""
    return [w for i, w in enumerate(waarden) if i == 0 or w != waarden[i - 1]]


def waarde(rij, eigenschap):
    gezien = rij[eigenschap]
    return gezien["bevoegdGezagNummer"] if isinstance(gezien, dict) else gezien


@pytest.fixture
def ruim(wereld):
    """Seven more rows in every collection, each value drawn from three, so that ties occur."""
    dag = (datetime.date(2015, 3, 1), datetime.date(2016, 1, 1), datetime.date(2014, 9, 1))
    categorieen = ["so_cl1", "so_cl2", "vo", "lwoo", "pro", "vso_cl1", "vso_cl2"]
    swv = wereld.swv_a
    for i in range(7):
        a, jaar = i % 3, 2018 + i
        SamenwerkingsverbandFactory(naam=f"SWV {'ZAM'[a]}", sector=("po", "vo", "po")[a])
        gemeente = GemeenteFactory(naam=f"Gemeente {'ZAM'[a]}{i}")
        bestuur = SchoolbestuurFactory(naam=f"Stichting {'ZAM'[a]}")
        SchoolFactory(bestuur=bestuur, naam=f"School {'ZAM'[a]}", plaats=("Zwolle", "Delft")[i % 2])
        LeerlingtellingFactory(swv=swv, teldatum=dag[a], categorie=categorieen[i], aantal=a)
        registreer_thuiszitters(
            swv=swv,
            ronde=ronde(datetime.date(jaar, 1, 1), datetime.date(jaar, 2, 28)),
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): i},
            door=wereld.coordinator_a,
        )
        wie = (swv, wereld.swv_b)[i % 2]
        SignaalFactory(swv=wie, ontvangen_op=dag[a], afgehandeld_op=(None, dag[a])[i % 2])
        bevindingen.RegistratieoordeelFactory(
            swv=wie,
            periode_van=datetime.date(jaar, a + 1, 1),
            periode_tot=datetime.date(jaar, a + 2, 28),
        )
        onderzoek = bevindingen.KwaliteitsonderzoekFactory(swv=wie, begonnen_op=dag[a])
        bevindingen.VervolgafspraakFactory(
            swv=wie,
            kwaliteitsonderzoek=onderzoek,
            gemaakt_op=dag[a],
            deadline=dag[a] + datetime.timedelta(days=400),
        )
        bevindingen.RisicoindicatorFactory(
            swv=wie,
            periode_van=datetime.date(jaar, a + 1, 1),
            periode_tot=datetime.date(jaar, a + 2, 28),
        )
        LidmaatschapFactory(
            swv=swv,
            bestuur=bestuur if i < 3 else SchoolbestuurFactory(),
            begindatum=dag[a],
            einddatum=(None, datetime.date(2031, 1, 1), None)[a],
            stemgewicht=(1, 3, 2)[a],
        )
        bewaar_document(
            swv,
            SimpleUploadedFile(f"stuk-{'ZAM'[a]}.pdf", gewone_pdf()),
            wereld.coordinator_a,
        )
        plan = OndersteuningsplanFactory(
            swv=swv,
            titel=f"Ondersteuningsplan {'ZAM'[a]}",
            periode_van=datetime.date(2030 - i, 8, 1),
            periode_tot=datetime.date(2034 - i + a, 7, 31),
        )
        FeitFactory(swv=swv, ondersteuningsplan=plan, stap=OP_STAPPEN[i], datum=dag[a])
        OPRBesluitFactory(ondersteuningsplan=(plan, wereld.op_a)[i % 2], datum_voorgelegd=dag[a])
        OOGO.objects.create(
            ondersteuningsplan=wereld.op_a if i < 3 else plan,
            gemeente=gemeente,
            status=OOGOStatus.GEPLAND,
            datum_gepland=dag[a],
        )
        soort = ("bestuur", "opr", "oogo")[i % 3]
        if soort == "bestuur":
            partij = {"bestuur": bestuur}
        elif soort == "opr":
            partij = {"opr_besluit": OPRBesluitFactory(
                ondersteuningsplan=plan, datum_voorgelegd=dag[a],
                besluit="geen_instemming", datum_besluit=dag[a],
            )}  # fmt: skip
        else:
            partij = {"oogo": OOGO.objects.create(
                ondersteuningsplan=plan, gemeente=wereld.gemeente_a, status=OOGOStatus.GESCHIL,
                datum_gehouden=dag[a], datum_uitkomst=dag[a],
            )}  # fmt: skip
        Geschil.objects.create(swv=swv, soort=soort, ontstaan_op=dag[a], **partij)


@pytest.mark.parametrize("collectie", COLLECTIES, ids=lambda c: c.naam)
def test_every_collection_sorts_on_each_of_its_properties_both_ways(
    ruim, wereld, api_als, collectie
):
    """Whatever the database's collation, a sorted list holds each value in one run, the id
    rising within it, and the descending list holds the same runs in reverse; dates and
    numbers are also in their natural order."""
    client = api_als(Rol.INSPECTIE)
    adres = f"/api/v1/{collectie.naam}"
    if collectie.per_swv:
        adres = f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/{collectie.naam}"
    if collectie.naam in EEN_PER_SWV:  # nothing to sort
        assert client.get(adres).json()["aantal"] <= 1
        return
    eigenschappen = collectie.lijst.filterset_class.base_filters["sorteer"].param_map
    assert "id" in eigenschappen
    for eigenschap in eigenschappen:
        gelezen = {}
        for richting in ("", "-"):
            rijen = alle(client, adres, sorteer=richting + eigenschap, paginaGrootte=4)
            sleutels = [(waarde(r, eigenschap), r["id"]) for r in rijen]
            for a, b in itertools.pairwise(sleutels):
                assert a[0] != b[0] or a[1] < b[1], (eigenschap, richting, a, b)
            gelezen[richting] = [w for w, _ in sleutels]
        oplopend, aflopend = gelezen[""], gelezen["-"]
        assert runs(oplopend) == list(reversed(runs(aflopend))), eigenschap
        # each value in one run: a value seen again after another is not sorted on
        assert len(set(map(repr, runs(oplopend)))) == len(runs(oplopend)), eigenschap
        gevuld = [w for w in oplopend if w is not None]
        if eigenschap in DATUMS or (gevuld and not isinstance(gevuld[0], str)):
            assert gevuld == sorted(gevuld), eigenschap
    antwoord = client.get(adres, {"sorteer": "onbekend"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
