"""Each variant rendered through the task, read back as text: peildatum, monitor percentages,
SWV codes; and the PDF's own properties: tagged, title, language, A4, fonts embedded."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from rapporten import services
from rapporten.models import Rapport, Rapportstatus
from rapporten.tests.factories import PEILDATUM, monitorland
from rapporten.tests.hulp import fonts, info, tekst
from tests.nederlands import ENGELS, opmaakfouten

pytestmark = pytest.mark.django_db


@pytest.fixture
def land():
    return monitorland()


@pytest.fixture
def accountmanager(maak_gebruiker):
    return maak_gebruiker("accountmanager")


def maak(django_capture_on_commit_callbacks, gebruiker, *args, **kwargs) -> Rapport:
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.vraag_aan(gebruiker, *args, **kwargs)
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    return rapport


def pdf_van(rapport) -> bytes:
    with rapport.pdf.open("rb") as f:
        return f.read()


def test_national_report_shows_peildatum_monitor_and_every_swv(
    land, accountmanager, django_capture_on_commit_callbacks
):
    rapport = maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM)
    pdf = pdf_van(rapport)
    t = tekst(pdf)
    assert "Stand per 1 februari 2014" in t
    assert "Inhoud" in t and "Bijlage: de samenwerkingsverbanden" in t
    # Rechtspersoon opgericht: PO 3 of 4, VO 1 of 2; the founding after the peildatum is not counted.
    assert re.search(r"Rechtspersoon opgericht\s+3\s+75%", t)
    assert re.search(r"Rechtspersoon opgericht\s+1\s+50%", t)
    assert "3 van de 4 samenwerkingsverbanden in het po" in " ".join(t.split())
    for code in ("PO1001", "PO1004", "VO2001", "VO2002"):
        assert code in t
    assert re.search(r"Pagina 3 van \d+", t)
    assert rapport.paginas == int(info(pdf)["Pages"])
    assert rapport.cijfers["per_sector"]["PO"]["monitor"]["opgericht"] == 3
    assert not opmaakfouten(" ".join(t.split()))
    assert not ENGELS.findall(t)


def test_table_of_contents_points_at_the_pages_of_the_chapters(
    land, accountmanager, django_capture_on_commit_callbacks
):
    pdf = pdf_van(maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM))
    paginas = tekst(pdf).split("\f")
    inhoud = paginas[1]
    for hoofdstuk in ("Samenvatting", "Mijlpalen", "Thuiszitters"):
        nummer = int(re.search(rf"\d+\. {hoofdstuk} \.+ (\d+)", inhoud)[1])
        assert re.search(rf"\d+\. {hoofdstuk}\n", paginas[nummer - 1]), hoofdstuk


def test_sector_report_has_one_sector(land, accountmanager, django_capture_on_commit_callbacks):
    rapport = maak(
        django_capture_on_commit_callbacks, accountmanager, "sector", PEILDATUM, sector="VO"
    )
    t = tekst(pdf_van(rapport))
    assert "Voortgangsrapportage passend onderwijs, Voortgezet onderwijs" in t
    assert "1 februari 2014" in t
    assert re.search(r"Rechtspersoon opgericht\s+1\s+50%", t)
    assert "VO2001" in t and "PO1001" not in t


def test_swv_report_shows_its_milestones_facts_pupils_and_thuiszitters(
    land, accountmanager, django_capture_on_commit_callbacks
):
    po, _ = land
    rapport = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[0])
    rapport_pdf = pdf_van(rapport)
    t = tekst(rapport_pdf)
    assert "PO 10-01 (PO1001)" in t
    assert "Stand per 1 februari 2014" in t
    assert "Rechtspersoon opgericht" in t and "Stichting" in t
    # sbo% = 25 / (970 + 25) on 1 October 2013, and its change since 2012.
    assert "2,51%" in t and "1 oktober 2013" in t
    assert (
        "(1 november 2013 tot en met 31 december 2013) registreerde het samenwerkingsverband "
        "7 thuiszitters, van wie 7 drie maanden of langer zonder aanbod" in " ".join(t.split())
    )
    assert "PO1002" not in t
    assert not opmaakfouten(" ".join(t.split()))
    assert not ENGELS.findall(t)
    # the profile's comparisons (ADR 0085): 7 thuiszitters on 970 + 25 + 20 pupils
    [ronde] = rapport.cijfers["vergelijking"]["thuiszitters"]
    assert ronde["eigen"] == 6.9 and ronde["anderen"][0]["tekst"].startswith("voorlopig: 1 van")
    assert "Vergeleken met andere samenwerkingsverbanden" in t
    assert "Thuiszitters per 1.000 leerlingen" in t and "6,90" in t
    assert "Met wie vergeleken" in t


def test_both_reports_carry_the_werkagenda_and_its_subsidy(
    land, accountmanager, django_capture_on_commit_callbacks
):
    """po[0] counts 970 bao + 30 sbo on 1 October 2012: a request on 15 October 2012 is worth
    1,000 pupils times EUR 10; po[1] adopted one but did not ask (ADR 0077)."""
    from ondersteuningsplan.services import leg_werkagenda_vast

    po, _ = land
    leg_werkagenda_vast(
        swv=po[0],
        door=None,
        vastgesteld_op=datetime.date(2012, 9, 3),
        subsidie_aangevraagd_op=datetime.date(2012, 10, 15),
        subsidie_toegekend_op=datetime.date(2012, 11, 26),
    )
    leg_werkagenda_vast(swv=po[1], door=None, vastgesteld_op=datetime.date(2012, 11, 1))

    landelijk = maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM)
    t = " ".join(tekst(pdf_van(landelijk)).split())
    assert "Werkagenda en subsidie 2012" in t
    assert re.search(r"po 2 van 4 1 1 €\s?10\.000 vo 0 van 2 0 0 €\s?0 ", t)
    assert landelijk.cijfers["werkagenda"][0]["bedrag_toegekend"] == 10000

    eigen = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[0])
    t = " ".join(tekst(pdf_van(eigen)).split())
    assert (
        "Werkagenda vastgesteld op 3 september 2012. Subsidie aangevraagd op 15 oktober 2012: "
        "€ 10.000, € 10 voor elk van de 1.000 leerlingen van de reguliere scholen op "
        "1 oktober 2012. Toegekend op 26 november 2012."
    ) in t
    assert not opmaakfouten(t)
    assert not ENGELS.findall(t)

    geen = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[2])
    assert "Op de peildatum is geen werkagenda vastgelegd." in " ".join(
        tekst(pdf_van(geen)).split()
    )


def test_the_thuiszitter_chapter_counts_the_suspensions_per_period(
    land, accountmanager, django_capture_on_commit_callbacks
):
    from toezicht.models import Schorsingtelling, Thuiszitterregistratie

    po, _ = land
    registratie = Thuiszitterregistratie.objects.get(swv=po[0])
    for schoolsoort, duur, aantal in (("bao", "kort", 9), ("sbo", "lang", 2), ("so", "kort", 1)):
        Schorsingtelling.objects.create(
            registratie=registratie, schoolsoort=schoolsoort, duur=duur, aantal=aantal
        )
    for soort, swv in (("landelijk", None), ("swv", po[0])):
        rapport = maak(
            django_capture_on_commit_callbacks, accountmanager, soort, PEILDATUM, swv=swv
        )
        t = " ".join(tekst(pdf_van(rapport)).split())
        assert "Schorsingen van meer dan één dag per periode" in t, soort
        assert "01-11-2013 t/m 31-12-2013 1 10 2 12" in t, soort
        assert rapport.cijfers["schorsingen"][0]["totaal"] == 12


def test_both_reports_carry_the_disputes(land, accountmanager, django_capture_on_commit_callbacks):
    """po[0]: the OPR withheld consent and the SWV put it to the LCG WMS, open on the peildatum;
    a board's dispute with po[1] arose after it and is not there yet (ADR 0079)."""
    from ondersteuningsplan.models import Besluit, Geschil, OPRBesluit
    from ondersteuningsplan.tests.factories import OndersteuningsplanFactory
    from swv.tests.factories import LidmaatschapFactory

    po, _ = land
    weigering = OPRBesluit.objects.create(
        ondersteuningsplan=OndersteuningsplanFactory(swv=po[0]),
        datum_voorgelegd=datetime.date(2013, 12, 10),
        besluit=Besluit.GEEN_INSTEMMING,
        datum_besluit=datetime.date(2014, 1, 10),
    )
    Geschil.objects.create(
        swv=po[0], soort="opr", opr_besluit=weigering, ontstaan_op=datetime.date(2014, 1, 13),
        instantie="lcg_wms", voorgelegd_op=datetime.date(2014, 1, 20),
    )  # fmt: skip
    Geschil.objects.create(
        swv=po[1], soort="bestuur", bestuur=LidmaatschapFactory(swv=po[1]).bestuur,
        ontstaan_op=datetime.date(2014, 3, 1),
    )  # fmt: skip

    landelijk = maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM)
    t = " ".join(tekst(pdf_van(landelijk)).split())
    assert "Geschillen per soort op 1 februari 2014" in t
    # a long label wraps in its cell: the figures follow its first line
    assert re.search(
        r"OOGO met een gemeente 0 0 0 Geen instemming van de (ondersteuningsplanraad )?0 1 0 "
        r"(ondersteuningsplanraad )?Schoolbestuur en samenwerkingsverband 0 0 0",
        t,
    )

    eigen = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[0])
    t = " ".join(tekst(pdf_van(eigen)).split())
    # the cells wrap, so their lines interleave in the text: each piece in the chapter
    hoofdstuk = t[t.index("Geschillen op 1 februari 2014") :][:400]
    for stuk in (
        "Geen instemming van de",
        "Ondersteuningsplanraad 13 januari",
        "Landelijke",
        "Commissie",
        "Geschillen WMS, 20 januari 2014",
        "Open:",
        "voorgelegd",
    ):
        assert stuk in hoofdstuk, stuk
    assert not opmaakfouten(t)
    assert not ENGELS.findall(t)

    geen = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[1])
    assert "Op de peildatum zijn geen geschillen vastgelegd." in " ".join(
        tekst(pdf_van(geen)).split()
    )


def test_the_national_report_shows_each_group_beside_all_swvs(
    land, accountmanager, django_capture_on_commit_callbacks
):
    """A group with members on the peildatum gets a row beside all SWVs; one whose members
    joined later does not (ADR 0080)."""
    from swv.models import Groepering, Groeperingslid

    po, _ = land
    voorlopers = Groepering.objects.create(naam="Voorlopers")
    for swv in po[:2]:
        Groeperingslid.objects.create(
            groepering=voorlopers, swv=swv, geldig_van=datetime.date(2013, 9, 1)
        )
    later = Groepering.objects.create(naam="Afwijkende lwoo-criteria")
    Groeperingslid.objects.create(groepering=later, swv=po[2], geldig_van=datetime.date(2016, 8, 1))

    rapport = maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM)
    [alle, groep] = rapport.cijfers["groepen"]
    assert (alle["naam"], groep["naam"], groep["swvs"]) == (
        "Alle samenwerkingsverbanden", "Voorlopers", 2,
    )  # fmt: skip
    t = " ".join(tekst(pdf_van(rapport)).split())
    assert "Groepen op 1 februari 2014" in t
    assert "Afwijkende lwoo-criteria" not in t
    assert not opmaakfouten(t)
    assert not ENGELS.findall(t)


def test_a_groups_report_holds_its_members_on_the_peildatum_beside_all_swvs(
    land, accountmanager, maak_gebruiker, client, django_capture_on_commit_callbacks
):
    """Asked for on the page: every chapter over the members on the peildatum, the title and
    the summary name the group, the chapter of groups still holds all SWVs (ADR 0080)."""
    from swv.models import Groepering, Groeperingslid

    po, vo = land
    groep = Groepering.objects.create(naam="Voorlopers", omschrijving="Onderwijs en jeugd")
    for swv in (po[0], po[3], vo[1]):
        Groeperingslid.objects.create(
            groepering=groep, swv=swv, geldig_van=datetime.date(2013, 9, 1)
        )
    Groeperingslid.objects.create(  # joined after the peildatum: not in the report
        groepering=groep, swv=po[1], geldig_van=datetime.date(2016, 8, 1)
    )
    client.force_login(accountmanager)
    vraag = {"soort": "groep", "peildatum": "2014-02-01"}
    zonder = client.post("/rapporten/aanvragen/", vraag)
    assert zonder.status_code == 400
    assert "Kies de groep van het rapport." in zonder.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post("/rapporten/aanvragen/", {**vraag, "groepering": groep.pk})
    rapport = Rapport.objects.get(soort="groep")
    assert antwoord.url == f"/rapporten/{rapport.pk}/"
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    assert rapport.titel == "Voortgangsrapportage passend onderwijs, groep Voorlopers"
    assert rapport.bestandsnaam() == f"voortgangsrapportage-groep-{groep.pk}-2014-02-01.pdf"

    c = rapport.cijfers
    # po: PO1001 founded, PO1004 not yet; vo: VO2002 not founded
    assert [(s, c["per_sector"][s]["monitor"]["opgericht"]) for s in ("PO", "VO")] == [
        ("PO", 1),
        ("VO", 0),
    ]
    assert [s["code"] for s in c["bijlage"]] == ["PO1001", "PO1004", "VO2002"]
    assert c["groepen"][0] == {**c["groepen"][0], "naam": "Alle samenwerkingsverbanden", "swvs": 6}
    assert c["thuiszitters"] and c["thuiszitters"][0]["verwacht"] == 3
    t = " ".join(tekst(pdf_van(rapport)).split())
    assert "Voortgangsrapportage passend onderwijs, groep Voorlopers" in t
    assert (
        "Dit rapport gaat over de groep Voorlopers (onderwijs en jeugd): 3 samenwerkingsverbanden"
        in t
    )
    assert "PO 10-02" not in t and "PO 10-04" in t
    assert not opmaakfouten(t)
    assert not ENGELS.findall(t)

    # a coördinator asks for their own SWV's report only
    client.force_login(maak_gebruiker("coordinator", swvs=[po[0]]))
    assert 'name="groepering"' not in client.get("/rapporten/").content.decode()
    geweigerd = client.post("/rapporten/aanvragen/", {**vraag, "groepering": groep.pk})
    assert geweigerd.status_code == 400
    assert Rapport.objects.filter(soort="groep").count() == 1


@pytest.mark.parametrize("soort", ["landelijk", "swv"])
def test_numbers_frozen_before_the_werkagenda_suspensions_and_disputes_render_without_them(
    land, soort
):
    from rapporten import inhoud, pdf

    po, _ = land
    cijfers = inhoud.verzamel(soort, PEILDATUM, swv=po[0] if soort == "swv" else None)
    del cijfers["werkagenda"], cijfers["schorsingen"], cijfers["geschillen"]
    cijfers.pop("groepen", None)  # the national report only
    html = pdf.html(cijfers, "Een rapport van vroeger")
    assert "Werkagenda" not in html and "Schorsingen" not in html and "Geschillen" not in html
    assert "Groepen van samenwerkingsverbanden" not in html


def test_pdf_is_tagged_a4_titled_in_dutch_with_embedded_fonts(
    land, accountmanager, django_capture_on_commit_callbacks
):
    pdf = pdf_van(maak(django_capture_on_commit_callbacks, accountmanager, "landelijk", PEILDATUM))
    gegevens = info(pdf)
    assert gegevens["Tagged"] == "yes"
    assert gegevens["Title"] == "Voortgangsrapportage passend onderwijs — stand per 1 februari 2014"
    assert gegevens["Page size"].startswith("595.276 x 841.89")
    lezer = PdfReader(io.BytesIO(pdf))
    catalogus = lezer.trailer["/Root"]
    assert catalogus["/Lang"] == "nl"
    assert bool(catalogus["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalogus
    assert b"pdfuaid:part" in catalogus["/Metadata"].get_object().get_data()
    assert fonts(pdf) and all(regel[-5] == "yes" for regel in fonts(pdf))
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf  # charts are vectors


@pytest.mark.parametrize("soort", ["landelijk", "groep", "swv"])
def test_gathering_the_numbers_takes_the_same_queries_for_more_swvs(land, soort):
    from ondersteuningsplan.tests.factories import SwvFactory
    from rapporten import inhoud
    from swv.models import Groepering, Groeperingslid

    po, _ = land
    groep = Groepering.objects.create(naam="Voorlopers")

    def lid(swv):
        Groeperingslid.objects.create(
            groepering=groep, swv=swv, geldig_van=datetime.date(2013, 9, 1)
        )

    lid(po[0])

    def tel() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            inhoud.verzamel(
                soort,
                PEILDATUM,
                swv=po[0] if soort == "swv" else None,
                groepering=groep if soort == "groep" else None,
            )
        return len(queries)

    voor = tel()
    for i in range(10):
        lid(SwvFactory(code=f"PO30{i:02d}", opgericht=True))
    assert tel() == voor


def test_charts_stay_plain_svg_after_a_pdf_was_rendered_in_the_same_process(
    land, accountmanager, django_capture_on_commit_callbacks
):
    """WeasyPrint's metadata module changes ElementTree's global namespace prefixes on import;
    a chart drawn afterwards must still be <svg>, for the dashboards and the next PDF alike."""
    from passend.charts import staafdiagram

    maak(django_capture_on_commit_callbacks, accountmanager, "sector", PEILDATUM, sector="PO")
    svg = staafdiagram("Na een PDF", ["a", "b"], {"po": [10, 20]}, maximum=100).svg
    assert svg.startswith("<svg ") and "ns0:" not in svg


def test_the_swv_report_carries_the_swvs_explanations(
    land, accountmanager, django_capture_on_commit_callbacks
):
    """Comply or explain (ADR 0082): the explanation stands beside the milestones in the PDF."""
    from ondersteuningsplan.models import Mijlpaal
    from ondersteuningsplan.services import leg_toelichting_vast

    po, _ = land
    laat = po[3]  # founded on 1 March 2014: missed on the peildatum, met late today
    leg_toelichting_vast(
        swv=laat,
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        cyclus=0,
        tekst="De fusie van twee besturen vertraagde de statuten.",
        verwacht_op=None,
        door=None,
    )
    rapport = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=laat)
    [toelichting] = rapport.cijfers["toelichtingen"]
    assert toelichting["status_label"] == "Gemist"
    t = " ".join(tekst(pdf_van(rapport)).split())
    assert "Toelichtingen van het samenwerkingsverband" in t
    assert "De fusie van twee besturen vertraagde de statuten." in t
    zonder = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=po[0])
    assert zonder.cijfers["toelichtingen"] == []
    assert "Toelichtingen van het samenwerkingsverband" not in tekst(pdf_van(zonder))


def test_the_swv_report_carries_the_explanations_of_its_figures(
    land, accountmanager, django_capture_on_commit_callbacks
):
    """ADR 0086: the explanations of a round ended before the peildatum and of a teldatum on or
    before it; not those of a later round."""
    from toezicht.models import Rapportageronde
    from toezicht.services import leg_cijfertoelichting_vast
    from toezicht.tests.factories import ronde

    po, _ = land
    eerste = po[0]
    leg_cijfertoelichting_vast(
        swv=eerste,
        door=None,
        tekst="Zeven thuiszitters, van wie vijf uit een school die sloot.",
        ronde=Rapportageronde.objects.get(periode_van=datetime.date(2013, 11, 1)),
    )
    leg_cijfertoelichting_vast(
        swv=eerste,
        door=None,
        tekst="Het sbo telde minder leerlingen na een fusie.",
        teldatum=datetime.date(2013, 10, 1),
    )
    leg_cijfertoelichting_vast(
        swv=eerste,
        door=None,
        tekst="Na de peildatum.",
        ronde=ronde(datetime.date(2014, 3, 1), datetime.date(2014, 4, 30)),
    )
    rapport = maak(django_capture_on_commit_callbacks, accountmanager, "swv", PEILDATUM, swv=eerste)
    assert [t["onderwerp"] for t in rapport.cijfers["cijfertoelichtingen"]] == [
        "Leerlingen en deelname op 1 oktober 2013",
        "Rapportageronde 1 nov \u2013 31 dec 2013",
    ]
    t = " ".join(tekst(pdf_van(rapport)).split())
    assert "Toelichtingen van het samenwerkingsverband bij de cijfers" in t
    assert "Zeven thuiszitters, van wie vijf uit een school die sloot." in t
    assert "Het sbo telde minder leerlingen na een fusie." in t
    assert "Na de peildatum." not in t
