"""Every date has a range, the same in forms, API, admin and every other path that saves, and
stated in the OpenAPI document: nothing before 2011, nothing in the future where the thing
must have happened. A record can never become unreadable by its own date."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Rol
from ondersteuningsplan.models import Feit
from ondersteuningsplan.stappen import Stap
from passend.peildatum import laatste
from swv.tests.factories import swv_met_regio
from toezicht.models import Signaal
from toezicht.tests.factories import SignaalFactory

pytestmark = pytest.mark.django_db


def _morgen():
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "datum", ["9999-12-31", "0001-01-01", "1900-01-01", "2010-12-31", "morgen"]
)
def test_the_api_refuses_a_date_out_of_range_and_stores_nothing(datum, wereld, api_als):
    datum = _morgen() if datum == "morgen" else datum
    api = api_als(Rol.INSPECTIE)
    voor = Signaal.objects.count()
    antwoord = api.post(
        "/api/v1/signalen",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "bron": "ouders",
            "onderwerp": "thuiszitter",
            "ontvangenOp": datum,
        },
        format="json",
    )
    assert antwoord.status_code == 400, antwoord.content
    assert [f["name"] for f in antwoord.json()["invalidParams"]] == ["ontvangenOp"]
    assert Signaal.objects.count() == voor
    rij = api.get(f"/api/v1/signalen/{wereld.signaal_a.pk}").json()
    antwoord = api.patch(
        f"/api/v1/signalen/{wereld.signaal_a.pk}",
        {"ontvangenOp": datum, "versie": rij["versie"]},
        format="json",
    )
    assert antwoord.status_code == 400
    assert api.get(f"/api/v1/signalen/{wereld.signaal_a.pk}").status_code == 200


def test_a_deadline_may_lie_ahead_but_not_beyond_ten_years(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    basis = {
        "samenwerkingsverband": wereld.swv_a.code,
        "omschrijving": "Jaarverslag.",
        "gemaaktOp": "2018-10-01",
    }
    vooruit = timezone.localdate() + datetime.timedelta(days=400)
    assert (
        api.post(
            "/api/v1/vervolgafspraken", {**basis, "deadline": vooruit.isoformat()}, format="json"
        ).status_code
        == 201
    )
    antwoord = api.post(
        "/api/v1/vervolgafspraken", {**basis, "deadline": "9999-12-31"}, format="json"
    )
    assert antwoord.status_code == 400


def test_the_document_states_every_range(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    signaal = document["components"]["schemas"]["SignaalRequest"]["properties"]
    assert "Van 2011-01-01 tot en met vandaag." in signaal["ontvangenOp"]["description"]
    afspraak = document["components"]["schemas"]["VervolgafspraakRequest"]["properties"]
    assert "tien jaar na vandaag" in afspraak["deadline"]["description"]
    parameters = document["paths"]["/samenwerkingsverbanden"]["get"]["parameters"]
    peildatum = next(p for p in parameters if p["name"] == "peildatum")
    assert "Van 2012-01-01 tot en met tien jaar na vandaag" in peildatum["description"]


def test_every_other_path_that_saves_is_held_to_the_range_too():
    signaal = SignaalFactory()
    with pytest.raises(ValidationError) as fout, transaction.atomic():
        Signaal.objects.filter(pk=signaal.pk).update(ontvangen_op=datetime.date(9999, 12, 31))
    assert "ontvangen_op" in fout.value.message_dict
    with pytest.raises(ValidationError), transaction.atomic():
        SignaalFactory(ontvangen_op=datetime.date(1900, 1, 1))


def test_the_coordinators_form_refuses_a_date_before_2011(client, maak_gebruiker):
    swv = swv_met_regio(code="PO2707")
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    antwoord = client.post(
        f"/samenwerkingsverbanden/{swv.code}/stappen/concept_statuten/", {"datum": "1900-01-01"}
    )
    assert antwoord.status_code == 400
    assert "vóór 01-01-2011 kan niet" in str(antwoord.context["form"].errors["datum"])
    assert not Feit.objects.filter(swv=swv, stap=Stap.CONCEPT_STATUTEN).exists()


def test_ten_years_from_29_february_is_28_february():
    assert laatste(datetime.date(2028, 2, 29)) == datetime.date(2038, 2, 28)
