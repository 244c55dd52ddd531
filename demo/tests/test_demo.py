import datetime
from collections import defaultdict

import pytest
from django.core.management import call_command

from accounts.models import Gebruiker, Rol
from demo.services import importeer_referentiedata, laad_demo, wis_demo
from ondersteuningsplan.models import Feit, OPRBesluit, Status
from ondersteuningsplan.selectors import standen
from ondersteuningsplan.services import _opr_datums, volgordefouten
from swv.models import Leerlingtelling, Samenwerkingsverband
from toezicht.models import (
    Oordeel,
    Registratieoordeel,
    Signaal,
    Thuiszittertelling,
    Vervolgafspraak,
)

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 11, 24)


def momentopname():
    return (
        sorted(
            Feit.objects.values_list(
                "swv__code", "stap", "ondersteuningsplan__titel", "datum", "rechtsvorm"
            )
        ),
        sorted(
            OPRBesluit.objects.values_list(
                "ondersteuningsplan__swv__code", "datum_voorgelegd", "besluit", "datum_besluit"
            )
        ),
        sorted(Leerlingtelling.objects.values_list("swv__code", "teldatum", "categorie", "aantal")),
        sum(Thuiszittertelling.objects.values_list("aantal", flat=True)),
        sorted(Gebruiker.objects.values_list("username", "rol", "first_name")),
        sorted(Signaal.objects.values_list("swv__code", "ontvangen_op", "onderwerp", "uitkomst")),
        sorted(Vervolgafspraak.objects.values_list("swv__code", "deadline", "status")),
    )


@pytest.fixture
def demo(referentiedata):
    importeer_referentiedata(lambda regel: None)
    laad_demo(2013, VANDAAG)


def test_the_same_seed_gives_the_same_demo(demo):
    eerste = momentopname()

    wis_demo()
    laad_demo(2013, VANDAAG)

    assert momentopname() == eerste
    wis_demo()
    laad_demo(2014, VANDAAG)
    assert momentopname() != eerste


def test_the_demo_tells_a_believable_history(demo):
    swvs = list(Samenwerkingsverband.objects.all())
    assert len(swvs) == 150

    op_1_nov = standen(swvs, datetime.date(2013, 11, 1))
    rechtspersoon = [
        next(s for s in stand if s.mijlpaal.code == "rechtspersoon") for stand in op_1_nov.values()
    ]
    opgericht = sum(1 for s in rechtspersoon if s.status == Status.BEHAALD)
    assert 100 <= opgericht < 150, "most, not all, SWVs were founded by 1 November 2013"

    later = standen(swvs, datetime.date(2016, 12, 31))
    statussen = {s.status for stand in later.values() for s in stand}
    assert {Status.BEHAALD, Status.TE_LAAT} <= statussen

    experimenten = [s for s in swvs if s.experiment]
    assert {s.code for s in experimenten} == {"PO2704", "VO3008", "VO2601"}
    for swv in experimenten:
        zorgplicht = next(s for s in later[swv.pk] if s.mijlpaal.code == "zorgplicht")
        assert zorgplicht.deadline == datetime.date(2013, 8, 1)
        assert zorgplicht.status == Status.BEHAALD

    # OP cycles: the plans due in 2014, 2018 and 2022 came mostly on time, some late.
    nu = standen(swvs, VANDAAG)
    cycli = [c for stand in nu.values() for s in stand for c in s.eerdere_cycli]
    for jaar in (2014, 2018, 2022):
        uitkomsten = {c.status for c in cycli if c.deadline.year == jaar}
        assert {Status.BEHAALD, Status.TE_LAAT} <= uitkomsten, jaar
    assert any(c.dagen_te_laat and c.dagen_te_laat > 60 for c in cycli)

    assert Leerlingtelling.objects.values("teldatum").distinct().count() >= 5
    # the Inspectie's findings: every SWV judged, some signalen, some agreements overdue
    assert Registratieoordeel.objects.count() == 150
    assert Registratieoordeel.objects.filter(oordeel=Oordeel.ONVOLDOENDE).exists()
    assert Signaal.objects.count() > 100
    assert any(a.is_verlopen(VANDAAG) for a in Vervolgafspraak.objects.all())
    for bevinding in (*Signaal.objects.all(), *Vervolgafspraak.objects.all()):
        bevinding.full_clean()
    for rol in Rol.values:
        assert Gebruiker.objects.filter(rol=rol).exists(), rol


def test_every_demo_fact_obeys_the_order_rules(demo):
    datums = defaultdict(dict)
    for swv_id, plan_id, stap, datum in Feit.objects.values_list(
        "swv_id", "ondersteuningsplan_id", "stap", "datum"
    ):
        datums[(swv_id, plan_id)][stap] = datum
    besluiten = defaultdict(list)
    for besluit in OPRBesluit.objects.select_related("ondersteuningsplan"):
        besluiten[(besluit.ondersteuningsplan.swv_id, besluit.ondersteuningsplan_id)].append(
            besluit
        )
    for (swv_id, plan_id), eigen in datums.items():
        if plan_id is None:
            continue
        alle = {**datums[(swv_id, None)], **eigen, **_opr_datums(besluiten[(swv_id, plan_id)])}
        for stap, datum in alle.items():
            assert volgordefouten(stap, datum, alle) == [], (swv_id, plan_id, stap)


def test_the_command_prints_the_logins_and_a_second_run_changes_nothing(referentiedata, capsys):
    call_command("demo")
    eerste = capsys.readouterr().out
    aantal = Feit.objects.count()

    call_command("demo")
    tweede = capsys.readouterr().out

    assert "Demo geladen." in eerste
    assert "De demo staat er al" in tweede
    assert Feit.objects.count() == aantal
    for uitvoer in (eerste, tweede):
        assert "wachtwoord voor allemaal: passend-demo" in uitvoer
        assert "coordinator" in uitvoer and "inspectie" in uitvoer and "am.noord" in uitvoer
        assert "Tweestapsverificatie staat uit in deze demo" in uitvoer


def test_the_demo_records_bergen_moving_to_vo_25_07_on_1_august_2015(demo):
    from swv.selectors import regio

    swvs = Samenwerkingsverband.objects.in_bulk(["VO3101", "VO2507"], field_name="code")

    def heeft_bergen(code, peildatum):
        return "Bergen (L.)" in {r.gemeente.naam for r in regio(swvs[code], peildatum)}

    assert heeft_bergen("VO3101", datetime.date(2015, 7, 31))
    assert not heeft_bergen("VO2507", datetime.date(2015, 7, 31))
    assert heeft_bergen("VO2507", datetime.date(2015, 8, 1))
    assert not heeft_bergen("VO3101", datetime.date(2015, 8, 1))
