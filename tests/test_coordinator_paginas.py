"""The coördinator's pages on the server side: who may open and change what (also by guessed
ids), validation that changes nothing, uploads, conflicts, and bounded query counts."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Rol
from ondersteuningsplan.models import OOGO, Feit, Geschil, OPRLid
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.models import Document, Lidmaatschap
from swv.services.documenten import bewaar_document
from swv.tests import pdfs
from swv.tests.factories import LidmaatschapFactory, SchoolFactory, swv_met_regio
from swv.tests.pdfs import gewone_pdf
from toezicht.models import Thuiszitterregistratie
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

PDF = gewone_pdf()


def pdf(naam="akte.pdf", inhoud=PDF):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@pytest.fixture
def swv():
    return swv_met_regio(code="PO2707", pc4s=["1011"])


@pytest.fixture
def ander():
    return swv_met_regio(code="PO2704", pc4s=["2011"])


@pytest.fixture
def coordinator(client, maak_gebruiker, swv):
    gebruiker = maak_gebruiker(Rol.COORDINATOR, swvs=[swv])
    client.force_login(gebruiker)
    return client


def url(swv, rest=""):
    return f"/samenwerkingsverbanden/{swv.code}/{rest}"


def test_a_coordinator_of_one_swv_lands_on_it_and_of_several_picks_one(
    client, maak_gebruiker, swv, ander
):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    assert client.get("/start/").url == url(swv)
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv, ander]))
    assert client.get("/start/").url == "/samenwerkingsverbanden/"
    keuze = client.get("/samenwerkingsverbanden/").content.decode()
    assert "Kies een samenwerkingsverband" in keuze and url(ander) in keuze


@pytest.mark.parametrize(
    "rest",
    [
        "",
        "leden/",
        "leden/nieuw/",
        "opr/",
        "opr/nieuw/",
        "thuiszitters/",
        "thuiszitters/nieuw/",
        "geschiedenis/",
        "stappen/rechtspersoon_opgericht/",
        "stappen/rechtspersoon_opgericht/verwijderen/",
        "plannen/nieuw/",
    ],
)
def test_another_swvs_pages_look_like_none(coordinator, ander, rest):
    FeitFactory(swv=ander, stap=Stap.RECHTSPERSOON_OPGERICHT, rechtsvorm="stichting")
    assert coordinator.get(url(ander, rest)).status_code == 404
    assert coordinator.post(url(ander, rest), {"datum": "2013-10-15"}).status_code == 404


def test_guessed_ids_of_another_swvs_records_are_refused(coordinator, swv, ander):
    plan = OndersteuningsplanFactory(swv=ander)
    besluit = OPRBesluitFactory(ondersteuningsplan=plan)
    lid = LidmaatschapFactory(swv=ander)
    document = bewaar_document(ander, pdf(), None)
    eigen_plan = OndersteuningsplanFactory(swv=swv)
    for pad in (
        url(swv, f"plannen/{plan.pk}/"),
        url(swv, f"plannen/{plan.pk}/opr/{besluit.pk}/"),
        url(swv, f"plannen/{eigen_plan.pk}/opr/{besluit.pk}/"),
        url(swv, f"leden/{lid.pk}/"),
        url(swv, f"documenten/{document.pk}/"),
        url(ander, f"documenten/{document.pk}/"),
        # a gemeente outside the region
        url(swv, f"plannen/{eigen_plan.pk}/oogo/{ander.regio.get().postcodegebied.gemeente_id}/"),
        url(swv, "stappen/akkoord_opr/"),  # read from the OPR's decision, not a form
        url(swv, "stappen/concept_op_gereed/"),  # a step of a plan needs the plan
        url(swv, "stappen/bestaat-niet/"),
    ):
        assert coordinator.get(pad).status_code == 404, pad


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER])
def test_other_roles_read_but_change_nothing(client_als, swv, rol):
    client = client_als(rol)
    if rol != Rol.BEHEERDER:
        pagina = client.get(url(swv))
        assert pagina.status_code == 200
        assert "Vastleggen" not in pagina.content.decode()
    for rest in ("stappen/rechtspersoon_opgericht/", "leden/nieuw/", "thuiszitters/nieuw/"):
        assert client.post(url(swv, rest), {"datum": "2013-10-15"}).status_code == 403
    assert not Feit.objects.exists()
    FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN)
    verwijderen = url(swv, "stappen/concept_statuten/verwijderen/")
    assert client.get(verwijderen).status_code == 403
    assert client.post(verwijderen, {"versie": 1}).status_code == 403
    assert Feit.objects.filter(swv=swv).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, swv):
    antwoord = client.get(url(swv, "stappen/rechtspersoon_opgericht/"))
    assert antwoord.status_code == 302 and antwoord.url.startswith("/inloggen/")


def test_a_fact_with_a_pdf_is_saved_and_the_pdf_served_to_readers_only(
    coordinator, swv, client_als, client
):
    antwoord = coordinator.post(
        url(swv, "stappen/rechtspersoon_opgericht/"),
        {"datum": "2013-10-15", "rechtsvorm": "stichting", "document": pdf()},
    )
    assert antwoord.status_code == 302 and antwoord.url == url(swv)
    feit = Feit.objects.get(swv=swv)
    assert feit.document.naam == "akte.pdf"
    download = coordinator.get(url(swv, f"documenten/{feit.document.pk}/"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    client.logout()
    assert (
        client_als(Rol.INSPECTIE).get(url(swv, f"documenten/{feit.document.pk}/")).status_code
        == 200
    )
    client.logout()
    assert client_als("").get(url(swv, f"documenten/{feit.document.pk}/")).status_code == 403


@pytest.mark.parametrize(
    "bestand, melding",
    [
        (pdf("akte.pdf", b"MZ\x90\x00 this is an executable"), "geen PDF-bestand"),
        (pdf("akte.pdf", b"<html>%PDF-</html>"), "geen PDF-bestand"),
        (pdf("akte.pdf", pdfs.HTML_MET_PDF_KOP), "geen PDF-bestand"),
        (pdf("akte.pdf", gewone_pdf()[:300]), "geen PDF-bestand"),
        (pdf("akte.pdf", pdfs.pdf_met_javascript()), "actieve inhoud (JavaScript)"),
        (pdf("akte.pdf", pdfs.pdf_met_javascript_in_names()), "actieve inhoud (JavaScript)"),
        (pdf("akte.pdf", pdfs.pdf_met_launch()), "een actie die een programma start"),
        (pdf("akte.pdf", pdfs.pdf_met_bijlage()), "ingesloten bestanden"),
        (pdf("akte.pdf", pdfs.pdf_met_verzendformulier()), "een formulier dat gegevens verstuurt"),
        (pdf("leerling 111222333.pdf"), "burgerservicenummer"),
        (
            pdf(inhoud=pdfs.pdf_met_tekst("Inleiding", "Thuis zit de leerling met bsn 111222333.")),
            "op pagina 2 een nummer dat een burgerservicenummer of onderwijsnummer kan zijn",
        ),
        (
            pdf(inhoud=pdfs.pdf_met_tekst("Zie bijlage", "BSN 1112.22.333", "111.222.333")),
            "pagina&#x27;s 2 en 3 een nummer",
        ),
        (
            pdf(inhoud=pdfs.pdf_met_tekst("Kind geboren op 3 mei 2012 in Amstelveen.")),
            "op pagina 1 een geboortedatum",
        ),
        (
            pdf(inhoud=pdfs.pdf_met_tekst("Verslag", titel="Overleg leerlingnummer 45678")),
            "in de eigenschappen van het bestand",
        ),
    ],
)
def test_an_upload_that_is_not_a_pdf_is_refused_and_nothing_saved(
    coordinator, swv, bestand, melding
):
    antwoord = coordinator.post(
        url(swv, "stappen/rechtspersoon_opgericht/"),
        {"datum": "2013-10-15", "rechtsvorm": "stichting", "document": bestand},
    )
    assert antwoord.status_code == 400
    assert melding in str(antwoord.context["form"].errors["document"])
    assert not Feit.objects.exists() and not Document.objects.exists()


def test_a_real_plan_with_the_swvs_contact_details_and_tables_is_accepted(coordinator, swv):
    """A document is not a remark: it carries the office's e-mail address and phone number,
    and tables whose numbers are not joined into a BSN (ADR 0069)."""
    regel = (
        "Het samenwerkingsverband biedt elke leerling een passende plek. Contact: "
        "info@swv-amstelland.nl, 020-1234567. Leerlingen per jaar: 2019 2020 2021 "
        "1.234 5.678 9.012 111 222 333 444. Budget € 111.222.333,00. "
    )
    antwoord = coordinator.post(
        url(swv, "stappen/rechtspersoon_opgericht/"),
        {
            "datum": "2013-10-15",
            "rechtsvorm": "stichting",
            "document": pdf("op.pdf", pdfs.pdf_met_tekst(*[regel * 20] * 30)),
        },
    )
    assert antwoord.status_code == 302, antwoord.context["form"].errors
    assert Feit.objects.get(swv=swv).document.naam == "op.pdf"


def test_an_upload_is_parsed_once_by_the_field_and_not_again_by_the_service(
    coordinator, swv, monkeypatch
):
    from swv.services import documenten

    gelezen = []
    echt = documenten.controleer_pdf
    monkeypatch.setattr(
        documenten,
        "controleer_pdf",
        lambda inhoud, naam: gelezen.append(naam) or echt(inhoud, naam),
    )
    antwoord = coordinator.post(
        url(swv, "stappen/rechtspersoon_opgericht/"),
        {"datum": "2013-10-15", "rechtsvorm": "stichting", "document": pdf()},
    )
    assert antwoord.status_code == 302
    assert gelezen == ["akte.pdf"]
    assert Feit.objects.get(swv=swv).document.naam == "akte.pdf"


def test_an_upload_over_the_limit_is_refused(coordinator, swv, settings):
    settings.UPLOAD_MAX_BYTES = 100
    antwoord = coordinator.post(
        url(swv, "stappen/rechtspersoon_opgericht/"),
        {
            "datum": "2013-10-15",
            "rechtsvorm": "stichting",
            "document": pdf(inhoud=PDF + b" " * 200),
        },
    )
    assert "de grens is" in str(antwoord.context["form"].errors["document"])
    assert not Feit.objects.exists()


def test_a_service_error_is_shown_next_to_the_field_and_the_document_not_kept(coordinator, swv):
    antwoord = coordinator.post(
        url(swv, "stappen/hoofdlijnennotitie_geaccordeerd/"),
        {"datum": "2013-03-01", "opmerking": "ALV", "document": pdf()},
    )
    assert antwoord.status_code == 400
    assert (
        "Leg eerst 'Hoofdlijnennotitie opgesteld' vast." in antwoord.context["form"].errors["datum"]
    )
    assert 'aria-invalid="true"' in antwoord.content.decode()
    assert not Feit.objects.exists() and not Document.objects.exists()


def test_a_future_date_is_refused_in_dutch(coordinator, swv):
    antwoord = coordinator.post(url(swv, "stappen/concept_statuten/"), {"datum": "2099-01-01"})
    assert "ligt in de toekomst" in str(antwoord.context["form"].errors["datum"])


def test_an_edit_conflict_keeps_the_input_and_shows_the_current_record(coordinator, swv):
    feit = FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
    pad = url(swv, "stappen/concept_statuten/")
    assert (
        coordinator.post(
            pad, {"datum": "2013-05-02", "opmerking": "eerst", "versie": 1}
        ).status_code
        == 302
    )

    antwoord = coordinator.post(pad, {"datum": "2013-05-03", "opmerking": "tweede", "versie": 1})

    assert antwoord.status_code == 409
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft dit gegeven intussen gewijzigd" in tekst
    assert "tweede" in tekst and "eerst" in tekst
    assert 'name="versie" value="2"' in tekst
    feit.refresh_from_db()
    assert (feit.opmerking, feit.datum) == ("eerst", datetime.date(2013, 5, 2))


def test_oogo_opr_and_members_are_kept_through_their_forms(coordinator, swv):
    plan = OndersteuningsplanFactory(swv=swv)
    gemeente = swv.regio.get().postcodegebied.gemeente
    school = SchoolFactory(postcodegebied=swv.regio.get().postcodegebied)

    assert coordinator.post(
        url(swv, f"plannen/{plan.pk}/oogo/{gemeente.pk}/"),
        {"status": "geschil", "datum_gehouden": "2014-02-01", "datum_uitkomst": "2014-02-20"},
    ).status_code == 302  # fmt: skip
    assert OOGO.objects.get().status == "geschil"

    assert coordinator.post(
        url(swv, "opr/nieuw/"),
        {"geleding": "ouders", "naam": "M. Jansen", "school": school.pk, "begin_termijn": "2013-09-01"},
    ).status_code == 302  # fmt: skip
    # pupils sit on an OPR only in vo: not a choice in po
    antwoord = coordinator.post(
        url(swv, "opr/nieuw/"), {"geleding": "leerlingen", "begin_termijn": "2013-09-01"}
    )
    assert "geleding" in antwoord.context["form"].errors
    assert OPRLid.objects.count() == 1

    assert (
        coordinator.post(
            url(swv, "leden/nieuw/"),
            {"bestuur": school.bestuur.pk, "stemgewicht": 3, "begindatum": "2013-01-01"},
        ).status_code
        == 302
    )
    lid = Lidmaatschap.objects.get(swv=swv)
    assert lid.stemgewicht == 3
    antwoord = coordinator.post(url(swv, f"leden/{lid.pk}/"), {"stemgewicht": 0, "versie": 1})
    assert antwoord.status_code == 400
    lid.refresh_from_db()
    assert lid.stemgewicht == 3


def test_thuiszitters_are_counts_only(coordinator, swv):
    form = coordinator.get(url(swv, "thuiszitters/nieuw/")).context["form"]
    assert all(
        naam in ("versie", "ronde") or naam.startswith(("aantal_", "schorsingen_"))
        for naam in form.fields
    )
    data = {"ronde": ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)).pk}
    data |= {naam: 0 for naam in form.fields if naam.startswith(("aantal_", "schorsingen_"))}
    data["aantal_relatief_lang_zonder"] = 4
    assert coordinator.post(url(swv, "thuiszitters/nieuw/"), data).status_code == 302
    registratie = Thuiszitterregistratie.objects.get(swv=swv)
    assert sum(t.aantal for t in registratie.tellingen.all()) == 4

    data["aantal_absoluut_kort_met"] = -1
    antwoord = coordinator.post(url(swv, f"thuiszitters/{registratie.pk}/"), data | {"versie": 1})
    assert "Een aantal is 0 of meer." in str(antwoord.context["form"].errors)
    assert sum(t.aantal for t in registratie.tellingen.all()) == 4
    assert "4" in coordinator.get(url(swv, "thuiszitters/")).content.decode()


def test_a_wrongly_recorded_fact_is_removed_after_confirmation_and_kept_in_the_history(
    client, maak_gebruiker, swv, django_assert_max_num_queries
):
    anna = maak_gebruiker(Rol.COORDINATOR, first_name="Anna", last_name="de Vries", swvs=[swv])
    client.force_login(anna)
    document = bewaar_document(swv, pdf("akte.pdf"), anna)
    FeitFactory(swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, rechtsvorm="stichting",
                datum=datetime.date(2013, 10, 15), document=document)  # fmt: skip
    pad = url(swv, "stappen/rechtspersoon_opgericht/verwijderen/")
    assert (
        f'href="{pad}"' in client.get(url(swv, "stappen/rechtspersoon_opgericht/")).content.decode()
    )

    bevestiging = client.get(pad)

    assert bevestiging.status_code == 200
    tekst = bevestiging.content.decode()
    assert "Stap verwijderen: Rechtspersoon opgericht" in tekst
    assert "15 oktober 2013" in tekst and "Stichting" in tekst
    assert "akte.pdf" in tekst and "blijft bewaard bij de documenten" in tekst
    (gevolg,) = [
        g for g in bevestiging.context["gevolgen"] if g.nu.mijlpaal.code == "rechtspersoon"
    ]
    assert (gevolg.nu.status, gevolg.daarna.status) == ("behaald", "gemist")
    assert 'data-mijlpaal="rechtspersoon"' in tekst
    assert 'name="versie" value="1"' in tekst

    with django_assert_max_num_queries(17):
        antwoord = client.post(pad, {"versie": 1})

    assert antwoord.status_code == 302 and antwoord.url == url(swv)
    assert not Feit.objects.filter(swv=swv).exists()
    assert Document.objects.filter(pk=document.pk, swv=swv).exists()  # ADR 0013
    assert client.get(url(swv, f"documenten/{document.pk}/")).status_code == 200
    overzicht = client.get(url(swv)).content.decode()
    assert "&#x27;Rechtspersoon opgericht&#x27; is verwijderd." in overzicht
    geschiedenis = client.get(url(swv, "geschiedenis/"))
    (regel,) = [r for r in geschiedenis.context["regels"] if r.actie == "verwijderd"]
    assert (regel.wie, regel.wat) == (
        "Anna de Vries",
        "Feit: Rechtspersoon opgericht op 15-10-2013",
    )
    assert "Rechtspersoon opgericht op 15-10-2013 (verwijderd)" in geschiedenis.content.decode()
    # the fact is gone: its pages are too
    assert client.get(pad).status_code == 404
    assert client.post(pad, {"versie": 1}).status_code == 404


@pytest.mark.parametrize(
    "plan_stap, eerst, daarna, melding",
    [
        (False, Stap.HOOFDLIJNENNOTITIE_OPGESTELD, Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
         "'Hoofdlijnennotitie opgesteld' kan niet worden verwijderd: 'Hoofdlijnennotitie "
         "geaccordeerd door alle besturen' bouwt erop voort."),
        (True, Stap.OP_VASTGESTELD, Stap.OP_AANGEBODEN_INSPECTIE,
         "'OP vastgesteld door het SWV' kan niet worden verwijderd: 'OP aangeboden aan de "
         "inspectie' bouwt erop voort."),
    ],
)  # fmt: skip
def test_removing_a_fact_another_step_requires_is_refused(
    coordinator, swv, plan_stap, eerst, daarna, melding
):
    plan = OndersteuningsplanFactory(swv=swv) if plan_stap else None
    if plan_stap:
        OPRBesluitFactory(ondersteuningsplan=plan, instemming=True)
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=eerst, datum=datetime.date(2014, 3, 1))
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=daarna, datum=datetime.date(2014, 3, 2))
    pad = url(swv, (f"plannen/{plan.pk}/" if plan else "") + f"stappen/{eerst}/verwijderen/")

    bevestiging = coordinator.get(pad)
    assert bevestiging.status_code == 200
    assert melding in bevestiging.content.decode().replace("&#x27;", "'")
    assert 'type="submit">Verwijderen' not in bevestiging.content.decode()

    antwoord = coordinator.post(pad, {"versie": 1})  # sent anyway

    assert antwoord.status_code == 400
    assert melding in antwoord.context["form"].non_field_errors()[0]
    assert "Er is niets verwijderd." in antwoord.content.decode()
    assert Feit.objects.filter(swv=swv).count() == 2


def test_a_fact_that_only_may_not_come_before_another_can_be_removed(coordinator, swv):
    """'Afgestemd met gemeenten' may not lie before 'concept-OP gereed', but does not need it."""
    plan = OndersteuningsplanFactory(swv=swv)
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.CONCEPT_OP_GEREED)
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.AFGESTEMD_GEMEENTEN)
    pad = url(swv, f"plannen/{plan.pk}/stappen/concept_op_gereed/verwijderen/")

    antwoord = coordinator.post(pad, {"versie": 1})

    assert antwoord.status_code == 302 and antwoord.url == url(swv, f"plannen/{plan.pk}/")
    assert list(Feit.objects.values_list("stap", flat=True)) == [Stap.AFGESTEMD_GEMEENTEN]


def test_a_removal_after_someone_changed_the_fact_is_refused_with_the_conflict(coordinator, swv):
    FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
    pad = url(swv, "stappen/concept_statuten/verwijderen/")
    assert 'value="1"' in coordinator.get(pad).content.decode()
    coordinator.post(url(swv, "stappen/concept_statuten/"),
                     {"datum": "2013-05-02", "opmerking": "Door een collega", "versie": 1})  # fmt: skip

    antwoord = coordinator.post(pad, {"versie": 1})

    assert antwoord.status_code == 409
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft dit gegeven intussen gewijzigd" in tekst
    assert "Er is niets verwijderd." in tekst
    assert "Door een collega" in tekst and "2 mei 2013" in tekst  # the fact as it is now
    assert 'name="versie" value="2"' in tekst
    assert Feit.objects.filter(swv=swv).exists()

    # having seen it, removing again is deliberate
    assert coordinator.post(pad, {"versie": 2}).status_code == 302
    assert not Feit.objects.filter(swv=swv).exists()


def test_a_removal_without_the_version_removes_nothing(coordinator, swv):
    FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN)
    antwoord = coordinator.post(url(swv, "stappen/concept_statuten/verwijderen/"), {})
    assert antwoord.status_code == 400
    assert "Open deze pagina opnieuw" in antwoord.content.decode()
    assert Feit.objects.filter(swv=swv).exists()


def test_removal_pages_of_facts_that_are_not_there_or_not_this_swvs_are_not_found(
    coordinator, swv, ander
):
    eigen_plan = OndersteuningsplanFactory(swv=swv)
    ander_plan = OndersteuningsplanFactory(swv=ander)
    FeitFactory(swv=ander, ondersteuningsplan=ander_plan, stap=Stap.CONCEPT_OP_GEREED)
    FeitFactory(swv=ander, stap=Stap.CONCEPT_STATUTEN)
    OPRBesluitFactory(ondersteuningsplan=eigen_plan, instemming=True)
    for pad in (
        url(swv, "stappen/concept_statuten/verwijderen/"),  # recorded for the other SWV only
        url(swv, f"plannen/{ander_plan.pk}/stappen/concept_op_gereed/verwijderen/"),
        url(swv, f"plannen/{eigen_plan.pk}/stappen/concept_op_gereed/verwijderen/"),
        url(swv, f"plannen/{eigen_plan.pk}/stappen/akkoord_opr/verwijderen/"),  # an OPR decision
        url(swv, "stappen/concept_op_gereed/verwijderen/"),  # a step of a plan needs the plan
        url(swv, "stappen/bestaat-niet/verwijderen/"),
        url(ander, "stappen/concept_statuten/verwijderen/"),
    ):
        assert coordinator.get(pad).status_code == 404, pad
        assert coordinator.post(pad, {"versie": 1}).status_code == 404, pad
    assert Feit.objects.filter(swv=ander).count() == 2


def test_the_end_of_an_opr_members_term_is_set_corrected_and_cleared(coordinator, swv):
    lid = OPRLid.objects.create(swv=swv, naam="M. Jansen", geleding="ouders",
                                begin_termijn=datetime.date(2013, 9, 1))  # fmt: skip
    pad = url(swv, f"opr/{lid.pk}/")
    gegevens = {"geleding": "ouders", "naam": "M. Jansen", "begin_termijn": "2013-09-01"}

    for versie, einde, verwacht in (
        (1, "2017-08-31", datetime.date(2017, 8, 31)),
        (2, "2016-12-31", datetime.date(2016, 12, 31)),
        (3, "", None),
    ):
        antwoord = coordinator.post(pad, gegevens | {"einde_termijn": einde, "versie": versie})
        assert antwoord.status_code == 302, antwoord.context and antwoord.context["form"].errors
        lid.refresh_from_db()
        assert lid.einde_termijn == verwacht

    te_vroeg = coordinator.post(pad, gegevens | {"einde_termijn": "2013-08-31", "versie": 4})
    assert (
        "Het einde van de termijn moet na het begin liggen."
        in te_vroeg.context["form"].errors["einde_termijn"]
    )
    oud = coordinator.post(pad, gegevens | {"einde_termijn": "2015-08-31", "versie": 2})
    assert oud.status_code == 409
    lid.refresh_from_db()
    assert (lid.einde_termijn, lid.versie) == (None, 4)
    assert "heden" in coordinator.get(url(swv, "opr/")).content.decode()


def vul(swv, aantal_plannen):
    """An SWV with many facts, plans, decisions, OOGO, members and schools."""
    gebied = swv.regio.get().postcodegebied
    for i in range(aantal_plannen):
        plan = OndersteuningsplanFactory(
            swv=swv,
            titel=f"Plan {i}",
            periode_van=datetime.date(2014 + 2 * i, 8, 1),
            periode_tot=datetime.date(2016 + 2 * i, 7, 31),  # within the ten years ahead
        )
        document = bewaar_document(swv, pdf(f"plan-{i}.pdf", PDF + str(i).encode()), None)
        FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.CONCEPT_OP_GEREED,
                    datum=datetime.date(2013 + 4 * i, 12, 1), document=document)  # fmt: skip
        OPRBesluitFactory(ondersteuningsplan=plan, instemming=True,
                          datum_voorgelegd=datetime.date(2014 + 4 * i, 1, 10))  # fmt: skip
        OOGO.objects.create(ondersteuningsplan=plan, gemeente=gebied.gemeente, status="gehouden",
                            datum_gehouden=datetime.date(2014 + 4 * i, 2, 1))  # fmt: skip
        school = SchoolFactory(postcodegebied=gebied)
        LidmaatschapFactory(swv=swv, bestuur=school.bestuur)
        OPRLid.objects.create(swv=swv, naam=f"Lid {i}", geleding="ouders",
                              begin_termijn=datetime.date(2013, 9, 1), school=school)  # fmt: skip
        geweigerd = OPRBesluitFactory(ondersteuningsplan=plan, besluit="geen_instemming",
                                      datum_voorgelegd=datetime.date(2013 + 4 * i, 12, 10),
                                      datum_besluit=datetime.date(2013 + 4 * i, 12, 20))  # fmt: skip
        Geschil.objects.create(swv=swv, soort="opr", opr_besluit=geweigerd,
                               ontstaan_op=datetime.date(2013 + 4 * i, 12, 21))  # fmt: skip
        Geschil.objects.create(swv=swv, soort="bestuur", bestuur=school.bestuur,
                               ontstaan_op=datetime.date(2015 + i, 3, 1))  # fmt: skip
    return plan


@pytest.mark.parametrize("aantal", [1, 6])
def test_every_page_runs_a_bounded_number_of_queries(
    coordinator, swv, django_assert_max_num_queries, aantal
):
    plan = vul(swv, aantal)
    FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
    gemeente = swv.regio.get().postcodegebied.gemeente
    lid = Lidmaatschap.objects.filter(swv=swv).first()
    paginas = {
        # the boards of the members and schools: one query, whatever their number; the
        # explanations of late milestones: one
        "": 21,
        "toelichtingen/rechtspersoon/": 7,
        "leerlingen/": 9,
        "profiel/": 22,
        "geschillen/nieuw/bestuur/": 7,
        f"geschillen/{Geschil.objects.filter(swv=swv).first().pk}/": 7,
        "leden/": 8,
        "leden/nieuw/": 7,
        f"leden/{lid.pk}/": 7,
        "opr/": 7,
        "opr/nieuw/": 7,
        "thuiszitters/": 8,
        "thuiszitters/nieuw/": 6,
        "geschiedenis/": 9,
        "stappen/rechtspersoon_opgericht/": 8,
        f"plannen/{plan.pk}/": 12,
        f"plannen/{plan.pk}/stappen/concept_op_gereed/": 9,
        f"plannen/{plan.pk}/opr/nieuw/": 8,
        f"plannen/{plan.pk}/oogo/{gemeente.pk}/": 9,
        f"plannen/{plan.pk}/wijzigen/": 8,
        f"plannen/{plan.pk}/stappen/concept_op_gereed/verwijderen/": 14,
        "stappen/concept_statuten/verwijderen/": 12,
    }
    for rest, maximum in paginas.items():
        with django_assert_max_num_queries(maximum):
            assert coordinator.get(url(swv, rest)).status_code == 200, rest


def test_the_password_is_reset_by_email(client, maak_gebruiker):
    anna = maak_gebruiker(Rol.COORDINATOR, username="anna", email="anna@swv.example")
    pagina = client.get("/inloggen/")
    assert "/wachtwoord-vergeten/" in pagina.content.decode()

    antwoord = client.post("/wachtwoord-vergeten/", {"email": "anna@swv.example"})
    assert antwoord.url == "/wachtwoord-vergeten/verstuurd/"
    (bericht,) = mail.outbox
    assert bericht.subject == "Nieuw wachtwoord voor Passend portaal"
    link = next(r for r in bericht.body.splitlines() if "/wachtwoord-herstellen/" in r)
    pad = link.split("://", 1)[1].split("/", 1)[1]
    formulier = client.get(f"/{pad}", follow=True)
    assert formulier.status_code == 200
    nieuw = "een-lang-nieuw-wachtwoord-42"
    klaar = client.post(
        formulier.redirect_chain[-1][0], {"new_password1": nieuw, "new_password2": nieuw}
    )
    assert klaar.url == "/wachtwoord-herstellen/klaar/"
    anna.refresh_from_db()
    assert anna.check_password(nieuw)

    # an unknown address says the same and sends nothing
    mail.outbox.clear()
    assert client.post("/wachtwoord-vergeten/", {"email": "niemand@x.example"}).status_code == 302
    assert mail.outbox == []


def test_the_opr_page_shows_the_current_members_and_the_former_ones_on_request(coordinator, swv):
    def lid(naam, begin, einde=None):
        OPRLid.objects.create(
            swv=swv, naam=naam, geleding="ouders", begin_termijn=begin, einde_termijn=einde
        )

    lid("A. Huidig", datetime.date(2019, 9, 1))
    lid("B. Vertrokken", datetime.date(2013, 9, 1), datetime.date(2017, 8, 31))
    huidig = coordinator.get(url(swv, "opr/")).content.decode()
    assert "A. Huidig" in huidig and "B. Vertrokken" not in huidig
    assert "1 lid met een lopende termijn" in huidig
    alle = coordinator.get(url(swv, "opr/"), {"alle": "ja"}).content.decode()
    assert "A. Huidig" in alle and "B. Vertrokken" in alle and "2 leden, per geleding" in alle
