"""Suspensions longer than one day, counted per school type and length with a round's
thuiszitters (ADR 0078): the service, the coördinator's form, the Inspectie's page, the API.
Counts only: no field takes a name, a pupil number or free text."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from accounts.models import Rol
from swv.models import Sector
from swv.tests.factories import SamenwerkingsverbandFactory, swv_met_regio
from toezicht.models import Duur, Schorsingtelling, Thuiszitterregistratie, Verzuimsoort
from toezicht.services import registreer_thuiszitters, tweemaandelijkse_perioden
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

D = datetime.date
NU = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def vandaag():
    with time_machine.travel(NU):
        yield


@pytest.fixture
def po():
    return swv_met_regio(code="PO2707", pc4s=["1011"])


@pytest.fixture
def vo():
    return SamenwerkingsverbandFactory(code="VO2707", sector=Sector.VO)


def oktober():
    return ronde(D(2026, 9, 1), D(2026, 10, 31))


def cellen(registratie):
    return {(t.schoolsoort, t.duur): t.aantal for t in registratie.schorsingen.all()}


def test_a_submission_carries_every_cell_of_its_sector_and_a_correction_changes_them(po, vo):
    registratie = registreer_thuiszitters(
        swv=po,
        ronde=oktober(),
        aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): 2},
        schorsingen={("bao", "kort"): 7, ("so", "lang"): 1},
        door=None,
    )
    assert cellen(registratie) == {
        ("bao", "kort"): 7,
        ("bao", "lang"): 0,
        ("sbo", "kort"): 0,
        ("sbo", "lang"): 0,
        ("so", "kort"): 0,
        ("so", "lang"): 1,
    }
    registratie = registreer_thuiszitters(
        swv=po,
        ronde=oktober(),
        aantallen={},
        schorsingen={("bao", "kort"): 5},
        door=None,
        registratie=registratie,
        verwachte_versie=registratie.versie,
    )
    assert cellen(registratie)[("bao", "kort")] == 5 and cellen(registratie)[("so", "lang")] == 0

    eigen = registreer_thuiszitters(
        swv=vo, ronde=oktober(), aantallen={}, schorsingen={("vo", "lang"): 3}, door=None
    )
    assert set(cellen(eigen)) == {("vo", "kort"), ("vo", "lang"), ("vso", "kort"), ("vso", "lang")}


@pytest.mark.parametrize(
    ("schorsingen", "melding"),
    [
        ({("vo", "kort"): 1}, "Onbekende soort school of duur"),
        ({("bao", "een_dag"): 1}, "Onbekende soort school of duur"),
        ({("bao", "kort"): -1}, "hele getallen van 0 of meer"),
    ],
)
def test_a_wrong_cell_or_count_is_refused_and_nothing_is_saved(po, schorsingen, melding):
    with pytest.raises(ValidationError) as fout:
        registreer_thuiszitters(
            swv=po, ronde=oktober(), aantallen={}, schorsingen=schorsingen, door=None
        )
    assert melding in " ".join(fout.value.message_dict["schorsingen"])
    assert not Thuiszitterregistratie.objects.exists()
    assert not Schorsingtelling.objects.exists()


def test_the_coordinator_submits_them_on_the_round_form_and_the_inspectie_reads_them(
    client, maak_gebruiker, po
):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[po]))
    adres = f"/samenwerkingsverbanden/{po.code}/thuiszitters/nieuw/"
    pagina = client.get(adres)
    tekst = pagina.content.decode()
    assert "Schorsingen van meer dan één dag" in tekst
    assert "Speciaal basisonderwijs, langer dan 5 dagen" in tekst
    assert "Voortgezet onderwijs" not in tekst  # a po SWV reports its own school types
    form = pagina.context["form"]
    data = {"ronde": oktober().pk} | {
        n: 0 for n in form.fields if n.startswith(("aantal_", "schorsingen_"))
    }
    data["schorsingen_bao_kort"] = 4

    fout = client.post(adres, data | {"schorsingen_so_kort": "drie", "schorsingen_sbo_lang": ""})
    assert fout.status_code == 400
    assert "Vul een heel getal in." in str(fout.context["form"].errors)
    assert "Vul een aantal in (0 als er geen zijn)." in str(fout.context["form"].errors)
    assert not Thuiszitterregistratie.objects.exists()

    assert client.post(adres, data).status_code == 302
    registratie = Thuiszitterregistratie.objects.get()
    assert cellen(registratie)[("bao", "kort")] == 4 and sum(cellen(registratie).values()) == 4
    wijzigen = client.get(f"/samenwerkingsverbanden/{po.code}/thuiszitters/{registratie.pk}/")
    assert wijzigen.context["form"]["schorsingen_bao_kort"].value() == 4

    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    inzending = client.get(f"/toezicht/inzendingen/{registratie.pk}/").content.decode()
    assert "Basisonderwijs, 2 tot en met 5 dagen" in inzending


def test_a_submission_from_before_they_were_asked_says_so(client, maak_gebruiker, po):
    registratie = registreer_thuiszitters(swv=po, ronde=oktober(), aantallen={}, door=None)
    Schorsingtelling.objects.filter(registratie=registratie).delete()
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    inzending = client.get(f"/toezicht/inzendingen/{registratie.pk}/").content.decode()
    assert "ze werden toen nog niet gevraagd" in inzending


def test_the_api_gives_them_with_the_submission(api_als, po):
    registreer_thuiszitters(
        swv=po, ronde=oktober(), aantallen={}, schorsingen={("sbo", "lang"): 2}, door=None
    )
    [item] = api_als(Rol.INSPECTIE).get("/api/v1/thuiszitterregistraties").json()["resultaten"]
    assert {"schoolsoort": "sbo", "duur": "lang", "aantal": 2} in item["schorsingen"]
    assert len(item["schorsingen"]) == 6
    assert item["totaal"] == 0  # thuiszitters only


def test_they_count_in_the_risk_analysis_from_2027_and_weigh_nothing_before(po):
    from decimal import Decimal

    from swv.tests.factories import LeerlingtellingFactory
    from toezicht import risico
    from toezicht.models import Risicomaat

    LeerlingtellingFactory(swv=po, teldatum=D(2026, 10, 1), categorie="bao", aantal=10000)
    registreer_thuiszitters(
        swv=po, ronde=oktober(), aantallen={}, schorsingen={("bao", "kort"): 18}, door=None
    )
    with time_machine.travel(datetime.datetime(2027, 3, 5, 12, tzinfo=datetime.UTC)):
        registreer_thuiszitters(
            swv=po,
            ronde=ronde(D(2027, 1, 1), D(2027, 2, 28)),
            aantallen={},
            schorsingen={("bao", "kort"): 14, ("so", "lang"): 6},
            door=None,
        )
    with time_machine.travel(datetime.datetime(2027, 3, 10, 12, tzinfo=datetime.UTC)):
        nu = risico.analyse(2027, swvs=po.__class__.objects.filter(pk=po.pk))
        toen = risico.analyse(2026, swvs=po.__class__.objects.filter(pk=po.pk))

    def schorsingen(analyse):
        [profiel] = analyse.profielen
        return next(i for i in profiel.indicatoren if i.maat == Risicomaat.SCHORSINGEN)

    # 2027: the newest round, 20 suspensions on 10,000 pupils, reaches 1.5 and weighs 2
    assert schorsingen(nu).waarde == Decimal("2.0")
    assert "20 schorsingen in de ronde" in schorsingen(nu).uitleg
    assert schorsingen(nu).telt and schorsingen(nu).punten == 2
    # 31 December 2026: 18 on 10,000 is 1.8, above the threshold, but the rule then weighs 0
    assert schorsingen(toen).waarde == Decimal("1.8")
    assert schorsingen(toen).punten == 0


def test_the_thuiszitters_dashboard_sums_them_per_period_and_exports_them(client_als, po, vo):
    registreer_thuiszitters(
        swv=po, ronde=oktober(), aantallen={}, schorsingen={("bao", "kort"): 7}, door=None
    )
    registreer_thuiszitters(
        swv=vo,
        ronde=oktober(),
        aantallen={},
        schorsingen={("vo", "kort"): 20, ("vso", "lang"): 3},
        door=None,
    )
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = client.get("/dashboards/thuiszitters/")
    tabel = pagina.context["tabellen"]["schorsingen-perioden"]
    assert tabel.kolommen[2:] == [
        "Samenwerkingsverbanden",
        "2 tot en met 5 dagen",
        "Langer dan 5 dagen",
        "Basisonderwijs",
        "Speciaal basisonderwijs",
        "Speciaal onderwijs",
        "Voortgezet speciaal onderwijs",
        "Voortgezet onderwijs",
        "Totaal",
    ]
    assert tabel.rijen == [[D(2026, 9, 1), D(2026, 10, 31), 2, 27, 3, 7, 0, 0, 3, 20, 30]]
    assert "Schorsingen van meer dan één dag per periode, de laatste 12 rondes" in (
        pagina.content.decode()
    )
    csv = client.get("/dashboards/thuiszitters/export/schorsingen-perioden.csv")
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Periode van;Periode tot en met;Samenwerkingsverbanden;")
    assert regels[1].endswith(";30")


def test_the_dashboard_shows_the_suspensions_of_the_last_twelve_rounds(client_als, po):
    perioden = [p for p in tweemaandelijkse_perioden(D(2026, 10, 31)) if p[0] >= D(2024, 9, 1)]
    assert len(perioden) == 13
    for van, tot in perioden:
        registreer_thuiszitters(
            swv=po, ronde=ronde(van, tot), aantallen={}, schorsingen={("bao", "kort"): 1}, door=None
        )
    tabel = client_als(Rol.ACCOUNTMANAGER).get("/dashboards/thuiszitters/").context["tabellen"]
    rijen = tabel["schorsingen-perioden"].rijen
    assert [r[0] for r in rijen] == [van for van, _ in reversed(perioden[1:])]
