"""No text in the portal identifies a pupil: the guard itself, every text field of every model
guarded, every writable form and API resource walked with a corpus of identifying inputs, and
the paths around forms and API (bulk writes, updates, the data check over what is stored)."""

import datetime
import io
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import models, transaction

from accounts.models import Rol
from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Feit,
    Geschil,
    Ondersteuningsplan,
    OPRBesluit,
    OPRLid,
    Toelichting,
)
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from passend.fields import VrijeRegelField, VrijeTekstField
from passend.persoonsgegevens import controleer, mogelijke_namen
from swv.tests.factories import LeerlingtellingFactory, swv_met_regio
from tests.test_api_toegang import SCHRIJVEN
from toezicht.lijsten import SOORTEN, bevindingformulier
from toezicht.models import Cijfertoelichting
from toezicht.tests.factories import ronde

NBSP, ZWSP = "\u00a0", "\u200b"

#: Inputs that identify a pupil, each written the way a careless user or an attacker might.
IDENTIFICEREND = [
    "leerling 111222333 thuis",
    f"leerling 111{NBSP}222{NBSP}333 thuis",
    "leerling 111  222  333",
    "leerling 111\t222\t333",
    "leerling 111\n222\n333",
    "leerling 111,222,333",
    "leerling 111/222/333",
    "leerling 111_222_333",
    f"leerling 111{ZWSP}222{ZWSP}333",
    "leerling 111&#8203;222&#8203;333",
    "leerling 111&amp;#8203;222&amp;#8203;333",
    "leerling \uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",  # full-width digits
    "leerling \u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663",  # Arabic-Indic
    "leerling\u2003111\u2009222\u202f333",  # em space, thin space, narrow no-break space
    "onderwijsnummer 101222348",
    "Jan Jansen, leerlingnummer 123456789",
    "BSN: 12345",
    "geboortedatum 12-03-2008",
    "geboren op 3 maart 2009",
    "ouder bereikbaar via j.jansen@example.nl",
    "bel moeder op 06-12345678",
    "bel +31 6 1234 5678",
]

#: Ordinary texts of this field that must pass.
GEWOON = [
    "",
    "Vastgesteld in de ALV van 12 maart 2013.",
    "Op 01-10-2013, 01-02-2014 en 01-05-2014 besproken met 3 gemeenten.",
    "In 2013 waren er 1.234 leerlingen en 56 thuiszitters; 12,5% van de 9.876.",
    "Dossier 123456789, telefoon gemeld op 20180110.",
    "Samenwerkingsverband PO 27-07 Amstelland, stichting sinds 15-10-2013.",
    "Het BSN-register wordt niet gebruikt.",
]


@pytest.mark.parametrize("tekst", IDENTIFICEREND)
def test_the_guard_refuses_every_identifying_input(tekst):
    assert controleer(tekst), tekst


@pytest.mark.parametrize("tekst", GEWOON)
def test_the_guard_lets_ordinary_text_through(tekst):
    assert controleer(tekst) == []


def test_a_name_beside_leerling_is_a_warning_only():
    assert mogelijke_namen("De leerling Jan de Vries zit thuis.") == ["Jan de Vries"]
    assert mogelijke_namen("De OPR stemde in op 1 maart.") == []
    assert controleer("De leerling Jan de Vries zit thuis.") == []


#: Text fields that hold a code, a hash, a key or text the portal writes itself, never text a
#: person types. Each says why; every other text field must be guarded.
GEEN_VRIJE_TEKST = {
    "swv.Gemeente.cbs_code": "CBS-code, checked by its pattern",
    "swv.Samenwerkingsverband.code": "region code, checked by its pattern",
    "swv.Postcodegebied.pc4": "four digits",
    "swv.Schoolbestuur.bevoegd_gezag_nummer": "DUO number, checked by its pattern",
    "swv.School.vestigingsnummer": "DUO number",
    "swv.School.brin": "DUO code",
    "swv.School.postcode": "postcode of a school building",
    "swv.Document.sha256": "hash of the file",
    "swv.Importopdracht.sha256": "hash of the uploaded file",
    "swv.Importopdracht.fout": "the portal's own message about a failed import",
    "ondersteuningsplan.Mijlpaal.code": "slug",
    "ondersteuningsplan.Statuswijziging.cyclus": "the cycle the portal computed",
    "rapporten.Rapport.sleutel": "key the portal computes",
    "rapporten.Rapport.fout": "the portal's own message about a failed task",
    "toezicht.Gegevensexport.sha256": "hash of the ZIP the portal built",
    "toezicht.Gegevensexport.fout": "the portal's own message about a failed task",
    "api.Apitoken.begin": "first characters of a random token",
    "api.Apitoken.sleutel_hash": "hash of a token",
    "accounts.Auditgebeurtenis.gebruikersnaam": "the login name that was tried",
    "rapporten.Rapport.inhoudshash": "a SHA-256 of the numbers",
    "rapporten.Herberekening.inhoudshash": "a SHA-256 of the numbers",
    "rapporten.Herberekening.schema": "a hash of the milestone schedule",
}
#: Apps of others (Django, auditlog, axes, otp): their text is no free text about an SWV.
EIGEN_APPS = {"accounts", "swv", "ondersteuningsplan", "toezicht", "api", "rapporten"}


def _tekstvelden():
    for model in apps.get_models():
        if model._meta.app_label not in EIGEN_APPS and not model.__module__.startswith(
            ("dashboards", "rapportage", "backup", "beheer", "passend")
        ):
            continue
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.CharField | models.TextField) and not veld.choices:
                yield f"{model._meta.app_label}.{model.__name__}.{veld.name}", veld


def test_every_text_field_of_every_model_is_guarded():
    onbewaakt = {
        naam
        for naam, veld in _tekstvelden()
        if not isinstance(veld, VrijeTekstField | VrijeRegelField)
        and naam not in GEEN_VRIJE_TEKST
        and not (
            veld.model.__module__.startswith("accounts") and veld.model.__name__ == "Gebruiker"
        )
    }
    assert onbewaakt == set(), "guard these with passend.fields or list them in GEEN_VRIJE_TEKST"
    assert set(GEEN_VRIJE_TEKST) <= {naam for naam, _ in _tekstvelden()}, "stale exemptions"


@pytest.mark.django_db
def test_bulk_writes_and_updates_pass_through_the_guard_too():
    feit = FeitFactory(swv=swv_met_regio(code="PO2707"), stap=Stap.CONCEPT_STATUTEN)
    with pytest.raises(ValidationError) as fout, transaction.atomic():
        Feit.objects.filter(pk=feit.pk).update(opmerking="leerling 111 222 333")
    assert "opmerking" in fout.value.message_dict
    with pytest.raises(ValidationError), transaction.atomic():
        Feit.objects.bulk_create(
            [
                Feit(
                    swv=feit.swv,
                    stap=Stap.CONCEPT_OP_GEREED,
                    datum=feit.datum,
                    opmerking="06-12345678",
                )
            ]
        )
    feit.refresh_from_db()
    assert feit.opmerking == ""


# The API: every writable resource, every free-text property of its request body.


def _tekst_eigenschappen(document, pad):
    schema = document["paths"][pad.removeprefix("/api/v1")]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    naam = schema["$ref"].rsplit("/", 1)[-1]
    eigenschappen = document["components"]["schemas"][naam]["properties"]
    return [
        veld
        for veld, eigen in eigenschappen.items()
        if eigen.get("type") == "string"
        and "format" not in eigen
        and "enum" not in eigen
        and "$ref" not in eigen
        and veld not in REFERENTIES
    ]


#: Properties that name another record by its code: a wrong value is "does not exist".
REFERENTIES = {"samenwerkingsverband", "mijlpaal"}


@pytest.mark.parametrize("adres", list(SCHRIJVEN))
def test_every_writable_api_resource_refuses_identifying_text(adres, wereld, api_als, client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    velden = _tekst_eigenschappen(document, adres)
    assert velden, f"{adres} has no free text? then drop it from the walk"
    api = api_als(Rol.INSPECTIE)
    basis = {**SCHRIJVEN[adres], "samenwerkingsverband": wereld.swv_a.code}
    voor = api.get(adres).json()["aantal"]
    for veld in velden:
        for tekst in IDENTIFICEREND:
            antwoord = api.post(adres, {**basis, veld: tekst}, format="json")
            assert antwoord.status_code == 400, (veld, tekst, antwoord.content)
            assert antwoord["Content-Type"] == "application/problem+json"
            fout = antwoord.json()["invalidParams"]
            assert [f["name"] for f in fout] == [veld], (tekst, fout)
            assert "Leg nooit gegevens vast" in fout[0]["reason"]
    assert api.get(adres).json()["aantal"] == voor
    nieuw = api.post(adres, basis, format="json")
    assert nieuw.status_code == 201, nieuw.content
    rij = nieuw.json()
    for veld in velden:
        antwoord = api.patch(
            f"{adres}/{rij['id']}",
            {veld: IDENTIFICEREND[1], "versie": rij["versie"]},
            format="json",
        )
        assert antwoord.status_code == 400, antwoord.content
    assert api.get(f"{adres}/{rij['id']}").json() == api.get(f"{adres}/{rij['id']}").json()


# The pages: every form with free text, through the coördinator's pages.


@pytest.fixture
def pagina(client, maak_gebruiker):
    swv = swv_met_regio(code="PO2707", pc4s=["1011"])
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    plan = OndersteuningsplanFactory(swv=swv)
    besluit = OPRBesluitFactory(
        ondersteuningsplan=plan,
        datum_voorgelegd=datetime.date(2014, 1, 10),
        besluit=Besluit.GEEN_INSTEMMING,
        datum_besluit=datetime.date(2014, 1, 20),
    )
    gemeente = swv.regio.get().postcodegebied.gemeente
    return client, swv, plan, besluit, gemeente


def _formulieren(swv, plan, besluit, gemeente):
    """(form, address, valid data, free-text fields, what must stay unchanged)."""
    basis = f"/samenwerkingsverbanden/{swv.code}/"
    r = ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29))
    LeerlingtellingFactory(swv=swv, teldatum=datetime.date(2015, 10, 1), categorie="bao")
    return [
        (
            "CijfertoelichtingForm",
            basis + f"thuiszitters/rondes/{r.pk}/toelichting/",
            {"tekst": "Twee scholen meldden hun thuiszitters pas na de deadline."},
            ["tekst"],
            lambda: list(Cijfertoelichting.objects.values_list("tekst")),
        ),
        (
            "CijfertoelichtingForm",
            basis + "leerlingen/2015-10-01/toelichting/",
            {"tekst": "Een nieuwe so-school opende in augustus."},
            ["tekst"],
            lambda: list(
                Cijfertoelichting.objects.filter(teldatum__isnull=False).values_list("tekst")
            ),
        ),
        (
            "FeitForm",
            basis + "stappen/concept_statuten/",
            {"datum": "2013-05-01", "opmerking": "ALV"},
            ["opmerking"],
            lambda: Feit.objects.filter(swv=swv).count(),
        ),
        (
            "OndersteuningsplanForm",
            basis + "plannen/nieuw/",
            {"titel": "Plan 2018-2022", "periode_van": "2018-08-01", "periode_tot": "2022-07-31"},
            ["titel"],
            lambda: Ondersteuningsplan.objects.filter(swv=swv).count(),
        ),
        (
            "OPRBesluitForm",
            basis + f"plannen/{plan.pk}/opr/{besluit.pk}/",
            {
                "datum_voorgelegd": "2014-01-10",
                "besluit": "geen_instemming",
                "datum_besluit": "2014-01-20",
                "versie": besluit.versie,
            },
            ["toelichting"],
            lambda: list(OPRBesluit.objects.values_list("toelichting")),
        ),
        (
            "GeschilForm",
            basis + "geschillen/nieuw/opr/",
            {
                "opr_besluit": besluit.pk,
                "ontstaan_op": "2014-02-01",
                "instantie": "",
                "uitspraak": "",
            },
            ["toelichting"],
            lambda: Geschil.objects.count(),
        ),
        (
            "OOGOForm",
            basis + f"plannen/{plan.pk}/oogo/{gemeente.pk}/",
            {"status": "gepland", "datum_gepland": "2014-02-01"},
            ["toelichting"],
            lambda: OOGO.objects.count(),
        ),
        (
            "ToelichtingForm",
            basis + "toelichtingen/rechtspersoon/",
            {"tekst": "De statuten lagen pas in november bij de notaris.", "verwacht_op": ""},
            ["tekst"],
            lambda: list(Toelichting.objects.values_list("tekst")),
        ),
        (
            "OPRLidForm",
            basis + "opr/nieuw/",
            {"geleding": "ouders", "naam": "M. Jansen", "begin_termijn": "2013-09-01"},
            ["naam"],
            lambda: OPRLid.objects.count(),
        ),
    ]


def test_every_form_with_free_text_is_in_the_walk():
    import importlib
    import importlib.util

    from passend.forms import NldsFormMixin, _vrije_tekst

    for config in apps.get_app_configs():  # every form the project defines, imported or not
        for module in ("forms", "admin"):
            naam = f"{config.name}.{module}"
            if importlib.util.find_spec(naam) is not None:
                importlib.import_module(naam)

    for soort in SOORTEN.values():  # the findings' forms are made per kind
        bevindingformulier(soort)

    def alle(klasse):
        for sub in klasse.__subclasses__():
            yield sub
            yield from alle(sub)

    met_tekst = {
        klasse.__name__
        for klasse in alle(NldsFormMixin)
        if klasse.controleer_vrije_tekst
        and any(_vrije_tekst(f) for f in getattr(klasse, "base_fields", {}).values())
    }
    gewandeld = {
        "FeitForm",
        "OndersteuningsplanForm",
        "OPRBesluitForm",
        "OOGOForm",
        "OPRLidForm",
        "GeschilForm",
        "ToelichtingForm",
        "CijfertoelichtingForm",
        "BeoordelingForm",  # test_the_inspecties_review_refuses_identifying_reasons
        # test_the_findings_forms_refuse_identifying_text
        *(f"{soort.model.__name__}Form" for soort in SOORTEN.values()),
    }
    # The report forms' only text field is a peildatum, checked as a date.
    assert met_tekst - gewandeld <= {"AanvraagForm", "BatchForm"}


@pytest.mark.django_db
def test_every_form_with_free_text_refuses_identifying_text_and_saves_nothing(pagina):
    client, swv, plan, besluit, gemeente = pagina
    for naam, adres, geldig, velden, stand in _formulieren(swv, plan, besluit, gemeente):
        voor = stand()
        for veld in velden:
            for tekst in IDENTIFICEREND:
                antwoord = client.post(adres, {**geldig, veld: tekst})
                assert antwoord.status_code == 400, (naam, veld, tekst)
                fouten = antwoord.context["form"].errors
                assert "Leg nooit gegevens vast" in str(fouten.get(veld)), (naam, veld, tekst)
        assert stand() == voor, naam
        assert client.post(adres, geldig).status_code == 302, naam


@pytest.mark.django_db
def test_a_possible_pupil_name_is_saved_only_after_confirmation(pagina):
    client, swv, *_ = pagina
    adres = f"/samenwerkingsverbanden/{swv.code}/stappen/concept_statuten/"
    data = {"datum": "2013-05-01", "opmerking": "Besproken met de ouders van leerling Piet Bakker."}
    antwoord = client.post(adres, data)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Staat hier de naam van een leerling (Piet Bakker)?" in tekst
    assert 'name="namen_bevestigd"' in tekst
    assert not Feit.objects.filter(swv=swv).exists()
    assert client.post(adres, {**data, "namen_bevestigd": "on"}).status_code == 302
    assert Feit.objects.get(swv=swv).opmerking == data["opmerking"]


@pytest.mark.django_db
def test_the_data_check_lists_what_the_guard_would_now_refuse():
    swv = swv_met_regio(code="PO2707")
    feit = FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
    # Stored before the guard existed: written past the model, as an old row would be.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Feit._meta.db_table} SET opmerking = %s WHERE id = %s",
            ["leerling 111 222 333", feit.pk],
        )
    uit = io.StringIO()
    with pytest.raises(CommandError, match="1 teksten"):
        call_command("controleer_persoonsgegevens", stdout=uit)
    assert f"ondersteuningsplan.Feit {feit.pk} opmerking" in uit.getvalue()
    assert "111 222 333" not in uit.getvalue()  # the report does not spread it further


@pytest.mark.django_db
def test_the_data_check_reads_stored_documents_again(settings, tmp_path):
    """A document stored before its text was checked is listed with the pages to clean."""
    from django.core.files.base import ContentFile

    from swv.models import Document
    from swv.tests.pdfs import pdf_met_tekst

    settings.MEDIA_ROOT = str(tmp_path)
    swv = swv_met_regio(code="PO2707")
    goed, fout = (
        Document(swv=swv, naam=naam, grootte=1, sha256=naam.ljust(64, "0"))
        for naam in ("goed.pdf", "fout.pdf")
    )
    goed.bestand.save("goed.pdf", ContentFile(pdf_met_tekst("Contact: info@swv.nl")))
    fout.bestand.save("fout.pdf", ContentFile(pdf_met_tekst("Inleiding", "bsn 111222333")))
    uit = io.StringIO()
    with pytest.raises(CommandError, match="1 teksten"):
        call_command("controleer_persoonsgegevens", stdout=uit)
    assert f"swv.Document {fout.pk} bestand: " in uit.getvalue()
    assert "op pagina 2" in uit.getvalue()
    assert f"swv.Document {goed.pk} " not in uit.getvalue()


@pytest.mark.django_db
def test_the_inspecties_review_refuses_identifying_reasons(client, maak_gebruiker):
    import datetime

    from swv.tests.factories import SamenwerkingsverbandFactory
    from toezicht import services as toezicht_services
    from toezicht.tests.factories import ronde

    coordinator, inspecteur = maak_gebruiker("coordinator"), maak_gebruiker("inspectie")
    registratie = toezicht_services.registreer_thuiszitters(
        swv=SamenwerkingsverbandFactory(),
        ronde=ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)),
        aantallen={("relatief", "lang", False): 3},
        door=coordinator,
    )
    client.force_login(inspecteur)
    adres = f"/toezicht/inzendingen/{registratie.pk}/"
    for actie in ("stuur_terug", "accepteer"):
        for tekst in IDENTIFICEREND:
            antwoord = client.post(
                adres,
                {
                    "beoordeling-actie": actie,
                    "beoordeling-oordeel": "voldoende",
                    "beoordeling-reden": tekst,
                    "beoordeling-versie": registratie.versie,
                },
            )
            assert antwoord.status_code == 400, (actie, tekst)
            assert "Leg nooit gegevens vast" in str(antwoord.context["form"].errors), (actie, tekst)
    registratie.refresh_from_db()
    assert registratie.status == "ingediend" and registratie.beoordeeld_door is None


@pytest.mark.django_db
def test_the_findings_forms_refuse_identifying_text(client, wereld, maak_gebruiker):
    """Each kind of finding, recorded in the browser by the Inspectie: every free-text field
    refuses every identifying input, and nothing is saved."""
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    geldig = {
        "signalen": {
            "bron": "ouders",
            "onderwerp": "thuiszitter",
            "ontvangen_op": "2020-01-06",
            "uitkomst": "nog_niet_opgelost",
        },
        "oordelen": {
            "periode_van": "2020-01-01",
            "periode_tot": "2020-02-29",
            "oordeel": "voldoende",
        },
        "onderzoeken": {"begonnen_op": "2020-01-06"},
        "afspraken": {
            "omschrijving": "Plan van aanpak",
            "gemaakt_op": "2020-01-06",
            "deadline": "2020-06-01",
            "status": "open",
        },
        "indicatoren": {
            "periode_van": "2020-01-01",
            "periode_tot": "2020-12-31",
            "indicator": "signalen",
            "niveau": "laag",
        },
    }
    for soort in SOORTEN.values():
        adres = f"/toezicht/{soort.slug}/nieuw/"
        data = {"swv": wereld.swv_a.pk, **geldig[soort.slug]}
        voor = soort.model.objects.count()
        for veld in soort.tekstvelden:
            for tekst in IDENTIFICEREND:
                antwoord = client.post(adres, {**data, veld: tekst})
                assert antwoord.status_code == 400, (soort.slug, veld, tekst)
                fouten = antwoord.context["form"].errors
                assert "Leg nooit gegevens vast" in str(fouten.get(veld)), (soort.slug, tekst)
        assert soort.model.objects.count() == voor, soort.slug
        assert client.post(adres, data).status_code == 302, soort.slug
