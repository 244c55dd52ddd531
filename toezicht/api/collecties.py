"""Every collection of the API that holds records, described once for what reads them all: the
changes feed (`wijzigingen.py`, ADR 0075) and the export of the whole dataset
(`toezicht/gegevensexport.py`, ADR 0076)."""

from dataclasses import dataclass

from ondersteuningsplan.api import views as op
from ondersteuningsplan.models import (
    OOGO,
    Feit,
    Geschil,
    Ondersteuningsplan,
    OPRBesluit,
    Toelichting,
    Werkagenda,
)
from swv.api import views as sv
from swv.models import (
    Document,
    Gemeente,
    Leerlingtelling,
    Lidmaatschap,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)
from toezicht.api import views as tz
from toezicht.models import (
    Cijfertoelichting,
    Kwaliteitsonderzoek,
    Rapportageronde,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
    Thuiszitterregistratie,
    Vervolgafspraak,
)


@dataclass(frozen=True)
class Collectie:
    naam: str  # as in the API's path
    model: type
    lijst: type  # the list's viewset
    #: Where a record is read again: the item (`…-detail`) or, for a collection of one SWV
    #: (`/samenwerkingsverbanden/{code}/…`), that SWV's list.
    adres: str
    #: The field that keys an item in its address; None for a collection of one SWV.
    sleutel: str | None = "pk"
    #: The address's name for that key, where it differs from the field.
    kwarg: str | None = None

    @property
    def per_swv(self) -> bool:
        return self.sleutel is None


def _eigen(naam, model, lijst, basis, sleutel="pk", kwarg=None) -> Collectie:
    return Collectie(naam, model, lijst, f"api:{basis}-detail", sleutel, kwarg)


def _van_swv(naam, model, lijst, adres) -> Collectie:
    return Collectie(naam, model, lijst, f"api:{adres}", None)


COLLECTIES = (
    _eigen(
        "samenwerkingsverbanden",
        Samenwerkingsverband,
        op.SamenwerkingsverbandViewSet,
        "samenwerkingsverband",
        "code",
    ),
    _eigen("gemeenten", Gemeente, sv.GemeenteViewSet, "gemeente"),
    _eigen(
        "schoolbesturen",
        Schoolbestuur,
        sv.SchoolbestuurViewSet,
        "schoolbestuur",
        "bevoegd_gezag_nummer",
        "nummer",
    ),
    _eigen("scholen", School, sv.SchoolViewSet, "school", "vestigingsnummer"),
    _eigen("leerlingtellingen", Leerlingtelling, sv.LeerlingtellingViewSet, "leerlingtelling"),
    _eigen("rapportagerondes", Rapportageronde, tz.RapportagerondeViewSet, "rapportageronde"),
    _eigen(
        "thuiszitterregistraties",
        Thuiszitterregistratie,
        tz.ThuiszitterregistratieViewSet,
        "thuiszitterregistratie",
    ),
    _eigen("signalen", Signaal, tz.SignaalViewSet, "signaal"),
    _eigen(
        "registratieoordelen",
        Registratieoordeel,
        tz.RegistratieoordeelViewSet,
        "registratieoordeel",
    ),
    _eigen(
        "kwaliteitsonderzoeken",
        Kwaliteitsonderzoek,
        tz.KwaliteitsonderzoekViewSet,
        "kwaliteitsonderzoek",
    ),
    _eigen("vervolgafspraken", Vervolgafspraak, tz.VervolgafspraakViewSet, "vervolgafspraak"),
    _eigen("risicoindicatoren", Risicoindicator, tz.RisicoindicatorViewSet, "risicoindicator"),
    _van_swv("leden", Lidmaatschap, sv.LedenViewSet, "swv-leden"),
    _van_swv("documenten", Document, sv.DocumentenViewSet, "swv-documenten"),
    _van_swv("feiten", Feit, op.FeitenViewSet, "swv-feiten"),
    _van_swv(
        "ondersteuningsplannen",
        Ondersteuningsplan,
        op.OndersteuningsplannenViewSet,
        "swv-ondersteuningsplannen",
    ),
    _van_swv("opr-besluiten", OPRBesluit, op.OPRBesluitenViewSet, "swv-opr-besluiten"),
    _van_swv("oogo-overleggen", OOGO, op.OOGOViewSet, "swv-oogo"),
    _van_swv("werkagenda", Werkagenda, op.WerkagendaViewSet, "swv-werkagenda"),
    _van_swv("geschillen", Geschil, op.GeschillenViewSet, "swv-geschillen"),
    _van_swv("toelichtingen", Toelichting, op.ToelichtingenViewSet, "swv-toelichtingen"),
    _van_swv(
        "cijfertoelichtingen",
        Cijfertoelichting,
        tz.CijfertoelichtingenViewSet,
        "swv-cijfertoelichtingen",
    ),
)
PER_MODEL = {c.model: c for c in COLLECTIES}
