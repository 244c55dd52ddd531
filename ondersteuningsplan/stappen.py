"""The steps of the ministry's monitor and the rules between their dates.

A step is a fact with a date. Which steps exist, in which group the monitor shows them and which
dates must precede which is part of the law's vocabulary, so it lives here in code; which steps
meet which milestone by which deadline is data (`Mijlpaal`).
"""

from dataclasses import dataclass

from django.db import models


class Stap(models.TextChoices):
    HOOFDLIJNENNOTITIE_OPGESTELD = "hoofdlijnennotitie_opgesteld", "Hoofdlijnennotitie opgesteld"
    HOOFDLIJNENNOTITIE_GEACCORDEERD = (
        "hoofdlijnennotitie_geaccordeerd",
        "Hoofdlijnennotitie geaccordeerd door alle besturen",
    )
    CONCEPT_STATUTEN = "concept_statuten", "Concept-statuten opgesteld"
    RECHTSPERSOON_OPGERICHT = "rechtspersoon_opgericht", "Rechtspersoon opgericht"
    WERKGROEPEN_INGERICHT = "werkgroepen_ingericht", "Werkgroep(en) voor het OP ingericht"
    SOP_OPGESTELD = "sop_opgesteld", "Schoolondersteuningsprofielen opgesteld"
    BASISONDERSTEUNING_BESCHREVEN = "basisondersteuning_beschreven", "Basisondersteuning beschreven"
    CONCEPT_OP_GEREED = "concept_op_gereed", "Concept-OP gereed"
    AFGESTEMD_ANDERE_SWV = "afgestemd_andere_swv", "Concept-OP afgestemd met andere SWV"
    AFGESTEMD_GEMEENTEN = "afgestemd_gemeenten", "Concept-OP afgestemd met gemeente(n)"
    HERBESTEDING_VSO = (
        "herbesteding_vso",
        "Afspraken over herbesteding van middelen bij (v)so-scholen",
    )
    VOORGELEGD_OPR = "voorgelegd_opr", "OP voorgelegd aan de ondersteuningsplanraad"
    AKKOORD_OPR = "akkoord_opr", "OP akkoord van de ondersteuningsplanraad"
    OP_VASTGESTELD = "op_vastgesteld", "OP vastgesteld door het SWV"
    OP_AANGEBODEN_INSPECTIE = "op_aangeboden_inspectie", "OP aangeboden aan de inspectie"
    GEZONDHEIDSADMINISTRATIE = (
        "gezondheidsadministratie",
        "Administratie voor gezondheidsgegevens ingericht",
    )


class Groep(models.TextChoices):
    BESTUUR = "bestuur", "Bestuurlijke inrichting"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan"
    OVERLEG = "overleg", "Overleg en instemming"


@dataclass(frozen=True)
class Stapregel:
    groep: Groep
    #: True: a fact about the SWV itself; False: about one version of its ondersteuningsplan.
    swv_niveau: bool
    #: True: not recorded as a fact but read from the OPR's decision on the plan.
    uit_opr_besluit: bool = False
    #: Steps that must exist, dated on or before this one, before this one can be recorded.
    vereist: tuple[Stap, ...] = ()
    #: Steps that, where they exist, must be dated on or before this one.
    niet_voor: tuple[Stap, ...] = ()


REGELS: dict[Stap, Stapregel] = {
    Stap.HOOFDLIJNENNOTITIE_OPGESTELD: Stapregel(Groep.BESTUUR, True),
    Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD: Stapregel(
        Groep.BESTUUR, True, vereist=(Stap.HOOFDLIJNENNOTITIE_OPGESTELD,)
    ),
    Stap.CONCEPT_STATUTEN: Stapregel(Groep.BESTUUR, True),
    Stap.RECHTSPERSOON_OPGERICHT: Stapregel(
        Groep.BESTUUR, True, niet_voor=(Stap.CONCEPT_STATUTEN,)
    ),
    Stap.WERKGROEPEN_INGERICHT: Stapregel(Groep.ONDERSTEUNINGSPLAN, False),
    Stap.SOP_OPGESTELD: Stapregel(Groep.ONDERSTEUNINGSPLAN, False),
    Stap.BASISONDERSTEUNING_BESCHREVEN: Stapregel(Groep.ONDERSTEUNINGSPLAN, False),
    Stap.CONCEPT_OP_GEREED: Stapregel(Groep.ONDERSTEUNINGSPLAN, False),
    Stap.AFGESTEMD_ANDERE_SWV: Stapregel(Groep.OVERLEG, False, niet_voor=(Stap.CONCEPT_OP_GEREED,)),
    Stap.AFGESTEMD_GEMEENTEN: Stapregel(Groep.OVERLEG, False, niet_voor=(Stap.CONCEPT_OP_GEREED,)),
    Stap.HERBESTEDING_VSO: Stapregel(Groep.ONDERSTEUNINGSPLAN, False),
    Stap.VOORGELEGD_OPR: Stapregel(
        Groep.OVERLEG, False, uit_opr_besluit=True, niet_voor=(Stap.CONCEPT_OP_GEREED,)
    ),
    Stap.AKKOORD_OPR: Stapregel(
        Groep.OVERLEG, False, uit_opr_besluit=True, vereist=(Stap.VOORGELEGD_OPR,)
    ),
    Stap.OP_VASTGESTELD: Stapregel(Groep.ONDERSTEUNINGSPLAN, False, vereist=(Stap.AKKOORD_OPR,)),
    Stap.OP_AANGEBODEN_INSPECTIE: Stapregel(
        Groep.ONDERSTEUNINGSPLAN, False, vereist=(Stap.OP_VASTGESTELD,)
    ),
    Stap.GEZONDHEIDSADMINISTRATIE: Stapregel(Groep.ONDERSTEUNINGSPLAN, True),
}

#: Steps recorded as facts (the OPR steps come from its decisions).
FEITSTAPPEN = tuple(stap for stap, regel in REGELS.items() if not regel.uit_opr_besluit)
SWV_STAPPEN = tuple(stap for stap, regel in REGELS.items() if regel.swv_niveau)
OP_STAPPEN = tuple(stap for stap in FEITSTAPPEN if not REGELS[stap].swv_niveau)


def stappen_van_groep(groep: Groep) -> tuple[Stap, ...]:
    return tuple(stap for stap, regel in REGELS.items() if regel.groep == groep)


def moeten_voorafgaan(stap: Stap) -> tuple[Stap, ...]:
    """Every step whose date may not be after this step's date."""
    regel = REGELS[stap]
    return regel.vereist + regel.niet_voor


def moeten_volgen(stap: Stap) -> tuple[Stap, ...]:
    """Every step whose date may not be before this step's date."""
    return tuple(s for s in REGELS if stap in moeten_voorafgaan(s))
