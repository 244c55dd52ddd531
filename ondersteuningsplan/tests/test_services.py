"""Recording facts: dates that make sense, nothing in the future, nothing overwritten."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Rol
from ondersteuningsplan import services
from ondersteuningsplan.models import Besluit, Feit, OOGOStatus, Rechtsvorm
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import OndersteuningsplanFactory
from passend.locking import Wijzigingsconflict
from swv.models import Document
from swv.services.documenten import bewaar_document
from swv.tests.factories import SamenwerkingsverbandFactory, swv_met_regio
from swv.tests.pdfs import gewone_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vandaag():
    with time_machine.travel(datetime.date(2016, 6, 1), tick=False):
        yield


D = datetime.date


@pytest.fixture
def door(maak_gebruiker):
    return maak_gebruiker(Rol.COORDINATOR)


@pytest.fixture
def plan():
    return OndersteuningsplanFactory(swv=swv_met_regio(code="PO2707"))


def fouten(uitzondering) -> list[str]:
    return [m for berichten in uitzondering.value.message_dict.values() for m in berichten]


def test_a_fact_is_recorded_with_who_in_the_history(door):
    swv = SamenwerkingsverbandFactory()

    feit = services.registreer_feit(
        swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 15),
        rechtsvorm=Rechtsvorm.STICHTING, opmerking="Akte bij notaris Jansen", door=door,
    )  # fmt: skip

    assert (feit.datum, feit.rechtsvorm) == (D(2013, 10, 15), "stichting")
    assert LogEntry.objects.get_for_object(feit).get().actor == door


def test_a_date_in_the_future_is_refused(door):
    with pytest.raises(ValidationError) as fout:
        services.registreer_feit(
            swv=SamenwerkingsverbandFactory(),
            stap=Stap.CONCEPT_STATUTEN,
            datum=D(2016, 6, 2),
            door=door,
        )
    assert "ligt in de toekomst" in fouten(fout)[0]
    assert not Feit.objects.exists()


def test_adopting_the_plan_before_the_oprs_consent_is_refused(door, plan):
    services.registreer_opr_besluit(
        ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), door=door,
        besluit=Besluit.INSTEMMING, datum_besluit=D(2014, 2, 20),
    )  # fmt: skip

    with pytest.raises(ValidationError) as fout:
        services.registreer_feit(
            swv=plan.swv,
            ondersteuningsplan=plan,
            stap=Stap.OP_VASTGESTELD,
            datum=D(2014, 2, 10),
            door=door,
        )

    assert fouten(fout) == [
        "'OP vastgesteld door het SWV' kan niet vóór 'OP akkoord van de ondersteuningsplanraad' (20-02-2014) liggen."
    ]
    assert not Feit.objects.exists()


def test_adopting_the_plan_without_any_consent_asks_for_the_consent_first(door, plan):
    with pytest.raises(ValidationError) as fout:
        services.registreer_feit(
            swv=plan.swv,
            ondersteuningsplan=plan,
            stap=Stap.OP_VASTGESTELD,
            datum=D(2014, 3, 1),
            door=door,
        )
    assert fouten(fout) == ["Leg eerst 'OP akkoord van de ondersteuningsplanraad' vast."]


def test_moving_an_earlier_step_after_a_later_one_is_refused(door, plan):
    concept = services.registreer_feit(
        swv=plan.swv,
        ondersteuningsplan=plan,
        stap=Stap.CONCEPT_OP_GEREED,
        datum=D(2013, 11, 1),
        door=door,
    )
    services.registreer_feit(
        swv=plan.swv,
        ondersteuningsplan=plan,
        stap=Stap.AFGESTEMD_GEMEENTEN,
        datum=D(2013, 12, 1),
        door=door,
    )

    with pytest.raises(ValidationError) as fout:
        services.registreer_feit(
            swv=plan.swv, ondersteuningsplan=plan, stap=Stap.CONCEPT_OP_GEREED, datum=D(2014, 1, 5),
            door=door, feit=concept, verwachte_versie=concept.versie,
        )  # fmt: skip

    assert (
        "kan niet na 'Concept-OP afgestemd met gemeente(n)' (01-12-2013) liggen" in fouten(fout)[0]
    )
    concept.refresh_from_db()
    assert concept.datum == D(2013, 11, 1)


def test_a_step_recorded_twice_is_refused_and_the_first_kept(door):
    swv = SamenwerkingsverbandFactory()
    services.registreer_feit(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 3, 1), door=door)

    with pytest.raises(ValidationError) as fout:
        services.registreer_feit(
            swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 4, 1), door=door
        )

    assert "is al vastgelegd" in fouten(fout)[0]
    assert Feit.objects.get().datum == D(2013, 3, 1)


def test_the_founding_needs_its_legal_form_and_a_plan_step_needs_its_plan(door):
    swv = SamenwerkingsverbandFactory()
    with pytest.raises(ValidationError, match="rechtsvorm"):
        services.registreer_feit(
            swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 9, 1), door=door
        )
    with pytest.raises(ValidationError, match="ondersteuningsplan"):
        services.registreer_feit(
            swv=swv, stap=Stap.CONCEPT_OP_GEREED, datum=D(2013, 9, 1), door=door
        )
    with pytest.raises(ValidationError, match="besluit van de ondersteuningsplanraad"):
        services.registreer_feit(swv=swv, stap=Stap.AKKOORD_OPR, datum=D(2013, 9, 1), door=door)


def test_a_plan_of_another_swv_cannot_carry_this_swvs_facts(door, plan):
    with pytest.raises(ValidationError, match="ondersteuningsplan"):
        services.registreer_feit(
            swv=SamenwerkingsverbandFactory(code="PO2704"), ondersteuningsplan=plan,
            stap=Stap.CONCEPT_OP_GEREED, datum=D(2013, 9, 1), door=door,
        )  # fmt: skip


def test_an_edit_on_an_old_version_is_refused_and_changes_nothing(door):
    feit = services.registreer_feit(
        swv=SamenwerkingsverbandFactory(),
        stap=Stap.CONCEPT_STATUTEN,
        datum=D(2013, 3, 1),
        door=door,
    )
    services.registreer_feit(
        swv=feit.swv, stap=feit.stap, datum=D(2013, 3, 5), door=door, feit=feit, verwachte_versie=1
    )

    with pytest.raises(Wijzigingsconflict) as conflict:
        services.registreer_feit(
            swv=feit.swv,
            stap=feit.stap,
            datum=D(2013, 3, 9),
            door=door,
            feit=feit,
            verwachte_versie=1,
        )

    assert conflict.value.actueel.datum == D(2013, 3, 5)
    feit.refresh_from_db()
    assert (feit.datum, feit.versie) == (D(2013, 3, 5), 2)


def test_a_step_others_build_on_cannot_be_deleted(door, plan):
    services.registreer_opr_besluit(
        ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), door=door,
        besluit=Besluit.INSTEMMING, datum_besluit=D(2014, 2, 1),
    )  # fmt: skip
    vastgesteld = services.registreer_feit(
        swv=plan.swv,
        ondersteuningsplan=plan,
        stap=Stap.OP_VASTGESTELD,
        datum=D(2014, 2, 10),
        door=door,
    )
    services.registreer_feit(
        swv=plan.swv,
        ondersteuningsplan=plan,
        stap=Stap.OP_AANGEBODEN_INSPECTIE,
        datum=D(2014, 2, 12),
        door=door,
    )

    with pytest.raises(ValidationError, match="bouwt erop voort"):
        services.verwijder_feit(vastgesteld, door=door)
    assert Feit.objects.filter(pk=vastgesteld.pk).exists()


def test_a_removed_fact_is_in_the_history_with_who_and_its_document_kept(door):
    swv = SamenwerkingsverbandFactory()
    pdf = gewone_pdf()
    document = bewaar_document(swv, SimpleUploadedFile("statuten.pdf", pdf), door)
    feit = services.registreer_feit(
        swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 5, 1), door=door, document=document
    )

    services.verwijder_feit(feit, door=door, verwachte_versie=1)

    assert not Feit.objects.exists()
    assert Document.objects.filter(pk=document.pk).exists()
    verwijderd = LogEntry.objects.get(action=LogEntry.Action.DELETE)
    assert (verwijderd.actor, verwijderd.additional_data) == (door, {"swv_id": swv.pk})


def test_a_removal_on_an_old_version_or_of_a_removed_fact_is_refused(door):
    swv = SamenwerkingsverbandFactory()
    feit = services.registreer_feit(
        swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 5, 1), door=door
    )
    services.registreer_feit(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 5, 2), door=door,
                             feit=feit, verwachte_versie=1)  # fmt: skip

    with pytest.raises(Wijzigingsconflict) as conflict:
        services.verwijder_feit(feit, door=door, verwachte_versie=1)
    assert conflict.value.actueel.datum == D(2013, 5, 2)

    services.verwijder_feit(feit, door=door, verwachte_versie=2)
    with pytest.raises(ValidationError, match="is intussen al verwijderd"):
        services.verwijder_feit(feit, door=door, verwachte_versie=2)


def test_withdrawing_the_consent_of_an_adopted_plan_is_refused(door, plan):
    besluit = services.registreer_opr_besluit(
        ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), door=door,
        besluit=Besluit.INSTEMMING, datum_besluit=D(2014, 2, 1),
    )  # fmt: skip
    services.registreer_feit(
        swv=plan.swv,
        ondersteuningsplan=plan,
        stap=Stap.OP_VASTGESTELD,
        datum=D(2014, 2, 10),
        door=door,
    )

    with pytest.raises(ValidationError, match="niet zonder instemming"):
        services.registreer_opr_besluit(
            ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), door=door,
            besluit=Besluit.GEEN_INSTEMMING, datum_besluit=D(2014, 2, 1),
            opr_besluit=besluit, verwachte_versie=besluit.versie,
        )  # fmt: skip


def test_an_opr_decision_needs_its_date_and_a_dispute_follows_a_refusal(door, plan):
    with pytest.raises(ValidationError, match="allebei"):
        services.registreer_opr_besluit(
            ondersteuningsplan=plan,
            datum_voorgelegd=D(2014, 1, 10),
            besluit=Besluit.INSTEMMING,
            door=door,
        )
    besluit = services.registreer_opr_besluit(
        ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), door=door,
        besluit=Besluit.GEEN_INSTEMMING, datum_besluit=D(2014, 2, 1),
    )  # fmt: skip
    assert besluit.besluit == Besluit.GEEN_INSTEMMING


def test_oogo_is_held_with_a_gemeente_of_the_region_only(door, plan):
    eigen = plan.swv.regio.get().postcodegebied.gemeente
    vreemd = swv_met_regio(code="PO2704", pc4s=["2011"]).regio.get().postcodegebied.gemeente

    oogo = services.registreer_oogo(
        ondersteuningsplan=plan, gemeente=eigen, status=OOGOStatus.OVEREENSTEMMING, door=door,
        datum_gepland=D(2013, 11, 1), datum_gehouden=D(2013, 11, 20), datum_uitkomst=D(2013, 12, 5),
    )  # fmt: skip
    assert oogo.status == "overeenstemming"
    with pytest.raises(ValidationError, match="ligt niet in de regio"):
        services.registreer_oogo(
            ondersteuningsplan=plan, gemeente=vreemd, status=OOGOStatus.GEPLAND, door=door,
            datum_gepland=D(2013, 11, 1),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="kan niet vóór het overleg"):
        services.registreer_oogo(
            ondersteuningsplan=plan, gemeente=eigen, status=OOGOStatus.GESCHIL, door=door,
            datum_gehouden=D(2013, 11, 20), datum_uitkomst=D(2013, 11, 1),
            oogo=oogo, verwachte_versie=oogo.versie,
        )  # fmt: skip


def test_pupils_sit_on_the_opr_in_vo_only_and_without_a_name(door):
    po, vo = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory(vo=True)
    with pytest.raises(ValidationError, match="Alleen in het voortgezet onderwijs"):
        services.registreer_opr_lid(
            swv=po, geleding="leerlingen", begin_termijn=D(2014, 1, 1), door=door
        )
    with pytest.raises(ValidationError, match="geen naam"):
        services.registreer_opr_lid(
            swv=vo, geleding="leerlingen", naam="Sanne", begin_termijn=D(2014, 1, 1), door=door
        )
    lid = services.registreer_opr_lid(
        swv=vo, geleding="leerlingen", begin_termijn=D(2014, 1, 1), door=door
    )
    assert str(lid) == "Leerlingen-lid"
