import datetime
from collections import defaultdict

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count, Sum

from accounts.models import Gebruiker, Rol
from ondersteuningsplan import werkagenda
from ondersteuningsplan.models import OOGO, Feit, Geschil, OPRBesluit, Status, Werkagenda
from ondersteuningsplan.selectors import standen
from ondersteuningsplan.services import _opr_datums, volgordefouten
from ondersteuningsplan.stappen import Stap
from swv.models import Groepering, Leerlingtelling, Samenwerkingsverband
from tests.momentopname import DEMO_VANDAAG
from toezicht import selectors as toezicht_selectors
from toezicht.models import (
    SCHORSINGSOORTEN,
    Oordeel,
    Registratieoordeel,
    Schorsingtelling,
    Signaal,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Vervolgafspraak,
)

pytestmark = pytest.mark.django_db

VANDAAG = DEMO_VANDAAG


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

    # most SWVs adopted a werkagenda in the autumn of 2012; nearly all asked for the subsidy,
    # after the teldatum, so that each request has an amount
    herfst = {s.sector: s for s in werkagenda.per_sector(datetime.date(2012, 12, 31))}
    for sector in herfst.values():
        assert 0.75 * sector.swvs <= sector.met_werkagenda < sector.swvs
        assert 0.6 * sector.met_werkagenda <= sector.aangevraagd < sector.met_werkagenda
    assert sum(s.met_werkagenda for s in werkagenda.per_sector(datetime.date(2012, 8, 31))) == 0
    aanvragen = Werkagenda.objects.filter(subsidie_aangevraagd_op__isnull=False)
    assert all(s.teldatum for s in werkagenda.subsidies(aanvragen.select_related("swv")).values())
    # every submission counts the suspensions of its sector's school types, more in vo
    registraties = Thuiszitterregistratie.objects.values("swv__sector").annotate(n=Count("pk"))
    aantal = {r["swv__sector"]: r["n"] for r in registraties}
    cellen = Schorsingtelling.objects.values("registratie__swv__sector", "schoolsoort").annotate(
        n=Count("pk"), totaal=Sum("aantal")
    )
    totaal = defaultdict(int)
    for cel in cellen:
        sector = cel["registratie__swv__sector"]
        assert cel["schoolsoort"] in SCHORSINGSOORTEN[sector]
        assert cel["n"] == 2 * aantal[sector]  # both lengths in every submission
        totaal[sector] += cel["totaal"]
    assert totaal["VO"] / aantal["VO"] > totaal["PO"] / aantal["PO"] > 0
    # the Inspectie's findings: every SWV judged, some signalen, some agreements overdue
    assert Registratieoordeel.objects.count() == 150
    assert Registratieoordeel.objects.filter(oordeel=Oordeel.ONVOLDOENDE).exists()
    assert Signaal.objects.count() > 100
    assert any(a.is_verlopen(VANDAAG) for a in Vervolgafspraak.objects.all())
    for bevinding in (*Signaal.objects.all(), *Vervolgafspraak.objects.all()):
        bevinding.full_clean()
    for rol in Rol.values:
        assert Gebruiker.objects.filter(rol=rol).exists(), rol

    # thuiszitter rounds from November 2015: mostly on time, some late, a few missing, the
    # newest still coming in
    rondes = list(toezicht_selectors.rondes(VANDAAG))
    assert rondes[0].periode_van == datetime.date(2015, 11, 1)
    stand = toezicht_selectors.volledigheid(Samenwerkingsverband.objects.all(), rondes)
    ingediend = sum(v.ingediend for v in stand)
    assert 0.05 < sum(v.te_laat for v in stand) / ingediend < 0.4
    assert any(v.ontbreekt for v in stand[:6])
    assert stand[-1].ontbreekt > 0 and not stand[-2].ontbreekt
    assert stand[-10].geaccepteerd == stand[-10].ingediend


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


def test_the_command_finds_the_demo_prints_the_logins_and_changes_nothing(demo, capsys):
    eerste_demo = momentopname()

    call_command("demo")
    uitvoer = capsys.readouterr().out

    assert momentopname() == eerste_demo
    assert "De demo staat er al" in uitvoer
    assert "wachtwoord voor allemaal: passend-demo" in uitvoer
    assert "coordinator" in uitvoer and "inspectie" in uitvoer and "am.noord" in uitvoer
    assert "Tweestapsverificatie staat uit in deze demo" in uitvoer


@pytest.mark.volledig
def test_the_command_makes_the_same_demo_again_from_the_same_seed(demo, capsys):
    """`demo --opnieuw` wipes the demo and generates it again with the same seed: the same
    demo comes out. A generation takes long, so this runs with -m volledig."""
    eerste_demo = momentopname()

    with time_machine.travel(datetime.datetime.combine(VANDAAG, datetime.time(12), datetime.UTC)):
        call_command("demo", opnieuw=True)
    uitvoer = capsys.readouterr().out

    assert momentopname() == eerste_demo
    assert "Demo geladen." in uitvoer
    assert "wachtwoord voor allemaal: passend-demo" in uitvoer


def test_a_fresh_demo_holds_no_text_the_personal_data_guard_refuses(demo, capsys):
    call_command("controleer_persoonsgegevens")
    assert "Geen teksten gevonden" in capsys.readouterr().out


def test_the_demo_records_bergen_moving_to_vo_25_07_on_1_august_2015(demo):
    from swv.selectors import regio

    swvs = Samenwerkingsverband.objects.in_bulk(["VO3101", "VO2507"], field_name="code")

    def heeft_bergen(code, peildatum):
        return "Bergen (L.)" in {r.gemeente.naam for r in regio(swvs[code], peildatum)}

    assert heeft_bergen("VO3101", datetime.date(2015, 7, 31))
    assert not heeft_bergen("VO2507", datetime.date(2015, 7, 31))
    assert heeft_bergen("VO2507", datetime.date(2015, 8, 1))
    assert not heeft_bergen("VO3101", datetime.date(2015, 8, 1))


def test_the_history_page_of_a_demo_swv_shows_its_demo_history(demo, client):
    """Every fact of a demo SWV is in its history, recorded by its coördinator on the day; what
    the reference imports made (the SWV, its memberships) is there too, made by the system."""
    from accounts.models import Gebruiker
    from ondersteuningsplan.models import Feit

    swv = Samenwerkingsverband.objects.get(code="PO2707")
    client.force_login(Gebruiker.objects.get(username="inspectie"))
    antwoord = client.get(f"/samenwerkingsverbanden/{swv.code}/geschiedenis/")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Nog geen wijzigingen vastgelegd" not in tekst
    regels = antwoord.context["regels"]
    assert regels and all(r.actie == "aangemaakt" for r in regels)
    # what the imports of the region table and the school file made: the SWV, its members
    uit_import = ("Samenwerkingsverband: ", "Lidmaatschap: Bestuur ")
    assert all(r.wie != "systeem" or r.wat.startswith(uit_import) for r in regels)
    aantal = antwoord.context["pagina"].paginator.count
    assert aantal >= Feit.objects.filter(swv=swv).count()
    eerste = Feit.objects.filter(swv=swv).order_by("datum").first()
    laatste_pagina = client.get(
        f"/samenwerkingsverbanden/{swv.code}/geschiedenis/",
        {"pagina": antwoord.context["pagina"].paginator.num_pages},
    )
    assert laatste_pagina.context["regels"][-1].wanneer.date() == eerste.datum


#: The first voortgangsrapportage, peildatum 1 February 2013: the share of SWVs (po, vo) that
#: had passed each step, in percent; None where it reported none.
EERSTE_VOORTGANGSRAPPORTAGE = {
    "HOOFDLIJNENNOTITIE_OPGESTELD": (87, 87),
    "HOOFDLIJNENNOTITIE_GEACCORDEERD": (65, 56),
    "CONCEPT_STATUTEN": (38, 39),
    "WERKGROEPEN_INGERICHT": (87, 85),
    "SOP_OPGESTELD": (30, 37),
    "BASISONDERSTEUNING_BESCHREVEN": (34, 59),
    "CONCEPT_OP_GEREED": (0, 5),
}


def test_the_demo_monitor_on_1_february_2013_is_the_first_voortgangsrapportage(demo):
    """Within two percentage points of each reported figure, and 9 SWVs founded."""
    from ondersteuningsplan.selectors import monitor

    peildatum = datetime.date(2013, 2, 1)
    monitors = [monitor(peildatum, sector) for sector in ("PO", "VO")]
    afwijkingen = []
    for naam, gerapporteerd in EERSTE_VOORTGANGSRAPPORTAGE.items():
        for m, doel in zip(monitors, gerapporteerd, strict=True):
            demo_cijfer = 100 * m.cijfer(Stap[naam]).aandeel
            if abs(demo_cijfer - doel) > 2:
                afwijkingen.append(f"{naam} {m.sector}: demo {demo_cijfer:.1f}, rapportage {doel}")
    assert not afwijkingen, "\n".join(afwijkingen)
    assert sum(m.aantal_opgericht for m in monitors) == 9


def test_every_founded_demo_swv_has_its_deed_to_download(demo, client):
    import io

    from pypdf import PdfReader

    from accounts.models import Gebruiker
    from ondersteuningsplan.models import Feit
    from swv.models import Document

    opgericht = Feit.objects.filter(stap=Stap.RECHTSPERSOON_OPGERICHT)
    assert opgericht.count() == Document.objects.count() > 140
    assert not opgericht.filter(document__isnull=True).exists()
    feit = opgericht.select_related("swv", "document").get(swv__code="PO2707")
    client.force_login(Gebruiker.objects.get(username="inspectie"))
    pagina = client.get(f"/samenwerkingsverbanden/{feit.swv.code}/").content.decode()
    adres = f"/samenwerkingsverbanden/{feit.swv.code}/documenten/{feit.document.pk}/"
    assert adres in pagina
    antwoord = client.get(adres)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    tekst = PdfReader(io.BytesIO(b"".join(antwoord.streaming_content))).pages[0].extract_text()
    assert "Akte van oprichting" in tekst and feit.swv.naam in " ".join(tekst.split())


def test_the_demo_has_a_few_disputes_a_year_and_the_groups_with_their_sizes(demo):
    per_soort = dict(Geschil.objects.values_list("soort").annotate(n=Count("pk")))
    assert set(per_soort) == {"oogo", "opr", "bestuur"}
    per_jaar = Geschil.objects.values("ontstaan_op__year").annotate(n=Count("pk"))
    assert max(r["n"] for r in per_jaar) < 50  # a few a year, more when plans are due
    # every OOGO that ended in a dispute has one
    assert not OOGO.objects.filter(status="geschil", geschillen__isnull=True).exists()
    groottes = {g.naam: g.leden.count() for g in Groepering.objects.all()}
    assert groottes == {
        "Experimenten": 3,
        "Voorlopers onderwijs en jeugd": 60,
        "Afwijkende lwoo-criteria": 16,
    }
