"""Fixtures for the API tests: a small world of two SWVs with facts, members, schools, pupil
counts, thuiszitters and findings, and clients that authenticate with a real token."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.models import Rol
from accounts.tests.factories import GebruikerFactory
from ondersteuningsplan.models import (
    OOGO,
    Geschil,
    Geschilsoort,
    Instantie,
    OOGOStatus,
    Stap,
    Uitspraak,
)
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from passend.api.models import Scope
from passend.api.services import geef_token
from swv.services.documenten import bewaar_document
from swv.tests.factories import (
    GemeenteFactory,
    LeerlingtellingFactory,
    LidmaatschapFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    swv_met_regio,
)
from swv.tests.pdfs import gewone_pdf
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import registreer_thuiszitters
from toezicht.tests import factories as bevindingen
from toezicht.tests.factories import ronde


@dataclass
class Wereld:
    swv_a: object
    swv_b: object
    coordinator_a: object
    coordinator_b: object
    gemeente_a: object
    school_a: object
    op_a: object
    bestuur_a: object
    signaal_a: object
    signaal_b: object
    document_a: object = None
    document_b: object = None


def maak_wereld() -> Wereld:
    gemeente_a = GemeenteFactory(naam="Amstelveen", cbs_code="GM0362")
    swv_a = swv_met_regio(gemeente_a, pc4s=("1181", "1182"), code="PO2707", naam="SWV Amstelland")
    swv_b = swv_met_regio(pc4s=("2011",), code="PO2708", naam="SWV Haarlem")
    coordinator_a = GebruikerFactory(username="coord-a", rol=Rol.COORDINATOR, swvs=[swv_a])
    coordinator_b = GebruikerFactory(username="coord-b", rol=Rol.COORDINATOR, swvs=[swv_b])
    school_a = SchoolFactory(
        postcodegebied=swv_a.regio.first().postcodegebied, naam="De Linde Amstelveen"
    )
    LidmaatschapFactory(swv=swv_a, bestuur=school_a.bestuur, begindatum=datetime.date(2013, 1, 1))
    FeitFactory(swv=swv_a, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=datetime.date(2013, 1, 15))
    FeitFactory(swv=swv_a, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
    FeitFactory(
        swv=swv_a,
        stap=Stap.RECHTSPERSOON_OPGERICHT,
        datum=datetime.date(2013, 10, 15),
        rechtsvorm="stichting",
    )
    FeitFactory(swv=swv_b, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=datetime.date(2013, 2, 1))
    op_a = OndersteuningsplanFactory(swv=swv_a)
    FeitFactory(
        swv=swv_a,
        ondersteuningsplan=op_a,
        stap=Stap.CONCEPT_OP_GEREED,
        datum=datetime.date(2013, 12, 1),
    )
    OPRBesluitFactory(
        ondersteuningsplan=op_a,
        datum_voorgelegd=datetime.date(2014, 1, 10),
        besluit="instemming",
        datum_besluit=datetime.date(2014, 3, 1),
    )
    OOGO.objects.create(
        ondersteuningsplan=op_a,
        gemeente=gemeente_a,
        status=OOGOStatus.OVEREENSTEMMING,
        datum_gepland=datetime.date(2014, 1, 20),
        datum_gehouden=datetime.date(2014, 2, 1),
        datum_uitkomst=datetime.date(2014, 3, 15),
    )
    for swv, so in ((swv_a, 40), (swv_b, 20)):
        for categorie, aantal in (("bao", 9000), ("sbo", 300), ("so_cl34", so)):
            LeerlingtellingFactory(
                swv=swv, teldatum=datetime.date(2013, 10, 1), categorie=categorie, aantal=aantal
            )
    registreer_thuiszitters(
        swv=swv_a,
        ronde=ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)),
        aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): 3},
        door=coordinator_a,
    )
    registreer_thuiszitters(
        swv=swv_b,
        ronde=ronde(datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)),
        aantallen={(Verzuimsoort.RELATIEF, Duur.KORT, True): 2},
        door=coordinator_b,
    )
    Geschil.objects.create(
        swv=swv_a,
        soort=Geschilsoort.BESTUUR,
        bestuur=school_a.bestuur,
        ontstaan_op=datetime.date(2015, 3, 2),
        instantie=Instantie.GESCHILLENCOMMISSIE,
        voorgelegd_op=datetime.date(2015, 4, 1),
        uitspraak=Uitspraak.ONGEGROND,
        uitspraak_op=datetime.date(2015, 9, 1),
        toelichting="Over de verdeling van de middelen voor arrangementen.",
    )
    Geschil.objects.create(
        swv=swv_b,
        soort=Geschilsoort.BESTUUR,
        bestuur=SchoolbestuurFactory(),
        ontstaan_op=datetime.date(2016, 5, 2),
    )
    signaal_a = bevindingen.SignaalFactory(swv=swv_a)
    signaal_b = bevindingen.SignaalFactory(swv=swv_b, bron="school")
    for swv in (swv_a, swv_b):
        bevindingen.RegistratieoordeelFactory(swv=swv)
        onderzoek = bevindingen.KwaliteitsonderzoekFactory(swv=swv)
        bevindingen.VervolgafspraakFactory(swv=swv, kwaliteitsonderzoek=onderzoek)
        bevindingen.RisicoindicatorFactory(swv=swv)
    document_a, document_b = (
        bewaar_document(
            swv, SimpleUploadedFile(f"statuten-{swv.code}.pdf", gewone_pdf()), coordinator
        )
        for swv, coordinator in ((swv_a, coordinator_a), (swv_b, coordinator_b))
    )
    return Wereld(
        swv_a,
        swv_b,
        coordinator_a,
        coordinator_b,
        gemeente_a,
        school_a,
        op_a,
        school_a.bestuur,
        signaal_a,
        signaal_b,
        document_a,
        document_b,
    )


@pytest.fixture
def wereld(db) -> Wereld:
    return maak_wereld()


@pytest.fixture
def api_als(db):
    """api_als(gebruiker_of_rol, scope=...) → an APIClient with a real bearer token; None for an
    anonymous client."""

    def als(wie=None, scope=Scope.SCHRIJVEN):
        client = APIClient()
        if wie is None:
            return client
        gebruiker = GebruikerFactory(rol=wie) if isinstance(wie, str) else wie
        _, sleutel = geef_token(gebruiker=gebruiker, naam="test", scope=scope)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {sleutel}")
        return client

    return als
