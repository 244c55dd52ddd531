"""Reporting rounds: submitting after the period, on time or late, the Inspectie's review and
lock, completeness, and national figures that say when they are incomplete."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from swv.models import Samenwerkingsverband
from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht import selectors, services
from toezicht.models import (
    Indieningsstatus,
    Rapportageronde,
    Registratieoordeel,
    Thuiszitterregistratie,
    Thuiszittertelling,
)
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db
D = datetime.date
CEL = ("relatief", "lang", False)


@pytest.fixture
def coordinator(maak_gebruiker):
    return maak_gebruiker("coordinator")


@pytest.fixture
def inspecteur(maak_gebruiker):
    return maak_gebruiker("inspectie")


def test_rounds_are_planned_every_two_months_from_november_2015_once():
    assert services.plan_rondes(D(2016, 3, 1)) == 3
    assert services.plan_rondes(D(2016, 3, 1)) == 0
    rondes = list(Rapportageronde.objects.order_by("periode_van"))
    assert [(r.periode_van, r.periode_tot, r.deadline) for r in rondes] == [
        (D(2015, 11, 1), D(2015, 12, 31), D(2016, 1, 15)),
        (D(2016, 1, 1), D(2016, 2, 29), D(2016, 3, 15)),
        (D(2016, 3, 1), D(2016, 4, 30), D(2016, 5, 15)),
    ]


def test_an_early_submission_is_refused_with_a_dutch_message_and_changes_nothing(coordinator):
    swv = SamenwerkingsverbandFactory()
    lopend = ronde(D(2026, 11, 1), D(2026, 12, 31))
    with time_machine.travel(D(2026, 12, 6)), pytest.raises(ValidationError) as fout:
        services.registreer_thuiszitters(
            swv=swv, ronde=lopend, aantallen={CEL: 21}, door=coordinator
        )
    assert "U kunt de aantallen indienen vanaf 01-01-2027" in str(fout.value)
    assert not Thuiszitterregistratie.objects.exists()


def test_a_submission_after_the_deadline_is_late(coordinator):
    swv = SamenwerkingsverbandFactory()
    r = ronde(D(2026, 7, 1), D(2026, 8, 31))  # uiterlijk 15-09-2026
    with time_machine.travel(D(2026, 9, 10)):
        op_tijd = services.registreer_thuiszitters(
            swv=swv, ronde=r, aantallen={CEL: 3}, door=coordinator
        )
    with time_machine.travel(D(2026, 9, 20)):
        laat = services.registreer_thuiszitters(
            swv=SamenwerkingsverbandFactory(), ronde=r, aantallen={CEL: 3}, door=coordinator
        )
    assert (op_tijd.te_laat, laat.te_laat) == (False, True)
    assert op_tijd.ingediend_door == coordinator
    [v] = selectors.volledigheid(Samenwerkingsverband.objects.all(), [r])
    assert (v.verwacht, v.ingediend, v.op_tijd, v.te_laat, v.ontbreekt) == (2, 2, 1, 1, 0)


def test_review_return_correct_accept_lock_and_reopen(coordinator, inspecteur):
    swv = SamenwerkingsverbandFactory()
    r = ronde(D(2016, 1, 1), D(2016, 2, 29))
    ingediend = services.registreer_thuiszitters(
        swv=swv, ronde=r, aantallen={CEL: 30}, door=coordinator
    )
    eerst = ingediend.ingediend_op

    with pytest.raises(ValidationError, match="Geef een reden op"):
        services.stuur_terug(ingediend, door=inspecteur, reden=" ")
    terug = services.stuur_terug(ingediend, door=inspecteur, reden="30 lijkt een tikfout.")
    assert terug.status == Indieningsstatus.TERUGGESTUURD

    gecorrigeerd = services.registreer_thuiszitters(
        swv=swv, ronde=r, aantallen={CEL: 3}, door=coordinator, registratie=terug
    )
    assert gecorrigeerd.status == Indieningsstatus.INGEDIEND
    assert gecorrigeerd.ingediend_op == eerst  # the first submission decides timeliness

    geaccepteerd = services.accepteer(gecorrigeerd, door=inspecteur, oordeel="voldoende-goed")
    assert geaccepteerd.is_vergrendeld
    assert Registratieoordeel.objects.get(swv=swv).oordeel == "voldoende-goed"

    with pytest.raises(ValidationError, match="vergrendeld"):
        services.registreer_thuiszitters(
            swv=swv, ronde=r, aantallen={CEL: 4}, door=coordinator, registratie=geaccepteerd
        )
    assert Thuiszittertelling.objects.get(registratie=geaccepteerd, soort="relatief", duur="lang",
                                          met_aanbod=False).aantal == 3  # fmt: skip

    heropend = services.heropen(geaccepteerd, door=inspecteur, reden="Gemeente meldt er één meer.")
    services.registreer_thuiszitters(
        swv=swv, ronde=r, aantallen={CEL: 4}, door=coordinator, registratie=heropend
    )
    assert Thuiszitterregistratie.objects.get().status == Indieningsstatus.INGEDIEND


def test_a_review_step_out_of_order_is_refused(coordinator, inspecteur):
    r = ronde(D(2016, 1, 1), D(2016, 2, 29))
    ingediend = services.registreer_thuiszitters(
        swv=SamenwerkingsverbandFactory(), ronde=r, aantallen={CEL: 1}, door=coordinator
    )
    with pytest.raises(ValidationError, match="Alleen geaccepteerde"):
        services.heropen(ingediend, door=inspecteur, reden="waarom niet")
    with pytest.raises(ValidationError, match="oordeel"):
        services.accepteer(ingediend, door=inspecteur, oordeel="prima")


def maak_ronde_met_inzendingen(swvs, r, aantal, per_swv):
    """Submissions by the first `aantal` SWVs, `per_swv` thuiszitters each (bulk, for speed)."""
    registraties = Thuiszitterregistratie.objects.bulk_create(
        Thuiszitterregistratie(
            swv=s,
            ronde=r,
            periode_van=r.periode_van,
            periode_tot=r.periode_tot,
            ingediend_op=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        for s in swvs[:aantal]
    )
    Thuiszittertelling.objects.bulk_create(
        Thuiszittertelling(
            registratie=reg, soort="relatief", duur="lang", met_aanbod=False, aantal=per_swv
        )
        for reg in registraties
    )


def test_120_of_150_is_voorlopig_and_compared_like_with_like():
    swvs = [SamenwerkingsverbandFactory() for _ in range(150)]
    vorige = ronde(D(2025, 9, 1), D(2025, 10, 31))
    nieuwste = ronde(D(2025, 11, 1), D(2025, 12, 31))
    maak_ronde_met_inzendingen(swvs, vorige, 150, 8)
    maak_ronde_met_inzendingen(swvs, nieuwste, 120, 7)

    eerste, tweede = selectors.rondecijfers(Samenwerkingsverband.objects.all(), D(2026, 2, 1))

    assert (eerste.voorlopig, eerste.cijfers.totaal) == (False, 1200)
    assert tweede.voorlopig
    assert tweede.volledigheidstekst == "voorlopig: 120 van 150 samenwerkingsverbanden"
    assert tweede.cijfers.totaal == 840
    # Not 840 - 1200: the same 120 SWVs in both rounds, 7 against 8 each.
    assert (tweede.verschil, tweede.vergeleken) == (-120, 120)


def test_approved_only_counts_the_accepted_submissions(coordinator, inspecteur):
    a, b = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    r = ronde(D(2016, 1, 1), D(2016, 2, 29))
    ra = services.registreer_thuiszitters(swv=a, ronde=r, aantallen={CEL: 5}, door=coordinator)
    services.registreer_thuiszitters(swv=b, ronde=r, aantallen={CEL: 7}, door=coordinator)
    services.accepteer(ra, door=inspecteur, oordeel="voldoende")
    swvs = Samenwerkingsverband.objects.all()
    [alle] = selectors.rondecijfers(swvs)
    [goed] = selectors.rondecijfers(swvs, weergave=selectors.Weergave.GEACCEPTEERD)
    assert (alle.cijfers.totaal, alle.ingediend) == (12, 2)
    assert (goed.cijfers.totaal, goed.ingediend, goed.voorlopig) == (5, 1, True)


def test_the_missing_list_names_who_has_not_submitted(coordinator):
    a, b = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    b.coordinatoren.add(coordinator)
    r = ronde(D(2016, 1, 1), D(2016, 2, 29))
    services.registreer_thuiszitters(swv=a, ronde=r, aantallen={CEL: 5}, door=coordinator)
    assert list(selectors.niet_ingediend(Samenwerkingsverband.objects.all(), r)) == [b]


@pytest.mark.parametrize(
    "vandaag, van, tot, deadline",
    [
        ("2026-12-07", "2027-01-01", "2027-02-28", "2027-03-15"),
        ("2026-10-31", "2026-11-01", "2026-12-31", "2027-01-15"),
        ("2027-02-28", "2027-03-01", "2027-04-30", "2027-05-15"),
    ],
)
def test_the_next_round_is_the_period_after_the_running_one(vandaag, van, tot, deadline):
    from toezicht.services import volgende_ronde

    ronde = volgende_ronde(datetime.date.fromisoformat(vandaag))
    assert (ronde.periode_van, ronde.periode_tot, ronde.deadline) == tuple(
        datetime.date.fromisoformat(d) for d in (van, tot, deadline)
    )


def test_round_figures_per_sector_and_per_portfolio_or_nationally(client, maak_gebruiker):
    """Expected, submitted and missing, nationally, per sector and for an accountmanager's
    portfolio; the round's own page follows the same choice."""
    am = maak_gebruiker("accountmanager")
    coordinator = maak_gebruiker("coordinator")
    po = [SamenwerkingsverbandFactory(sector="PO", accountmanager=am) for _ in range(2)]
    vo = [SamenwerkingsverbandFactory(sector="VO") for _ in range(3)]
    r = ronde(D(2026, 1, 1), D(2026, 2, 28))
    for swv in (po[0], vo[0]):
        services.registreer_thuiszitters(swv=swv, ronde=r, aantallen={}, door=coordinator)

    def stand(gebruiker, **filter):
        client.force_login(gebruiker)
        antwoord = client.get("/toezicht/rondes/", filter)
        assert antwoord.status_code == 200
        regel = next(v for v in antwoord.context["regels"] if v.ronde == r)
        return regel.verwacht, regel.ingediend, regel.ontbreekt

    inspecteur = maak_gebruiker("inspectie")
    assert stand(inspecteur) == (5, 2, 3)
    assert stand(inspecteur, sector="VO") == (3, 1, 2)
    assert stand(am) == (2, 1, 1)  # the portfolio
    assert stand(am, bereik="landelijk") == (5, 2, 3)
    assert stand(am, bereik="landelijk", sector="PO") == (2, 1, 1)
    pagina = client.get(f"/toezicht/rondes/{r.pk}/", {"bereik": "landelijk", "sector": "VO"})
    assert [s.code for s, _ in pagina.context["ontbrekend"]] == sorted(s.code for s in vo[1:])
    assert "Ronde 1 jan \u2013 28 feb 2026" in pagina.content.decode()
    client.force_login(inspecteur)
    fout = client.get("/toezicht/rondes/", {"sector": "MBO"})
    assert (
        fout.status_code == 400 and "Kies primair of voortgezet onderwijs." in fout.content.decode()
    )
