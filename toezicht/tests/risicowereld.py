"""A world for the risk analysis of 2024 (toezicht/tests/test_risico.py works its figures out
by hand): PO 27-07 with a year of facts to weigh, PO 27-04 beside it, quiet."""

import datetime

from ondersteuningsplan.models import Besluit
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.models import Leerlingcategorie
from swv.tests.factories import LeerlingtellingFactory, swv_met_regio
from toezicht.models import (
    Afspraakstatus,
    Indieningsstatus,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Uitkomst,
)
from toezicht.tests import factories as bevindingen

D = datetime.date


def op_schema(swv):
    """Every step of the introduction on time and a new plan every four years (2014, 2018,
    2022): no milestone missed or at risk at the end of 2024."""
    for stap in Stap:
        if stap not in (Stap.OP_VASTGESTELD, Stap.VOORGELEGD_OPR, Stap.AKKOORD_OPR):
            FeitFactory(swv=swv, stap=stap, datum=D(2013, 6, 1))
    for jaar, vastgesteld in (
        (2014, D(2014, 3, 1)),
        (2018, D(2018, 1, 15)),
        (2022, D(2022, 1, 15)),
    ):
        plan = OndersteuningsplanFactory(
            swv=swv,
            titel=f"Ondersteuningsplan {jaar}-{jaar + 4}",
            periode_van=D(jaar, 8, 1),
            periode_tot=D(jaar + 4, 7, 31),
        )
        OPRBesluitFactory(
            ondersteuningsplan=plan,
            datum_voorgelegd=vastgesteld - datetime.timedelta(days=60),
            besluit=Besluit.INSTEMMING,
            datum_besluit=vastgesteld - datetime.timedelta(days=30),
        )
        FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.OP_VASTGESTELD, datum=vastgesteld)


def tel(swv, teldatum, **aantallen):
    for categorie, aantal in aantallen.items():
        LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie=categorie, aantal=aantal)


def indienen(swv, van, tot, deadline, totaal, ingediend_op):
    ronde = bevindingen.ronde(van, tot, deadline=deadline)
    registratie = Thuiszitterregistratie.objects.create(
        swv=swv,
        ronde=ronde,
        periode_van=van,
        periode_tot=tot,
        status=Indieningsstatus.INGEDIEND,
        ingediend_op=datetime.datetime.combine(ingediend_op, datetime.time(10), datetime.UTC),
    )
    Thuiszittertelling.objects.create(
        registratie=registratie, soort="relatief", duur="lang", met_aanbod=False, aantal=totaal
    )


def amstelland():
    """PO 27-07 with a year of facts to weigh, and PO 27-04 beside it, quiet."""
    a = swv_met_regio(code="PO2707", naam="Samenwerkingsverband Amstelland", pc4s=["1181"])
    b = swv_met_regio(code="PO2704", naam="Samenwerkingsverband Zuid-Kennemerland", pc4s=["2011"])
    for swv in (a, b):
        op_schema(swv)
    bao, sbo, zwaar = Leerlingcategorie.BAO, Leerlingcategorie.SBO, Leerlingcategorie.SO_CL34
    tel(a, D(2023, 10, 1), **{bao: 9000, sbo: 300, zwaar: 200})
    tel(a, D(2024, 10, 1), **{bao: 9000, sbo: 300, zwaar: 250})
    tel(b, D(2023, 10, 1), **{bao: 19000, sbo: 500, zwaar: 300})
    tel(b, D(2024, 10, 1), **{bao: 19000, sbo: 500, zwaar: 300})
    # the six rounds whose deadline fell in 2024, and the one of a year before the last
    rondes = [
        (D(2023, 11, 1), D(2023, 12, 31), D(2024, 1, 15)),
        (D(2024, 1, 1), D(2024, 2, 29), D(2024, 3, 15)),
        (D(2024, 3, 1), D(2024, 4, 30), D(2024, 5, 15)),
        (D(2024, 5, 1), D(2024, 6, 30), D(2024, 7, 15)),
        (D(2024, 7, 1), D(2024, 8, 31), D(2024, 9, 15)),
        (D(2024, 9, 1), D(2024, 10, 31), D(2024, 11, 15)),
    ]
    for van, tot, deadline in rondes:
        bevindingen.ronde(van, tot, deadline=deadline)
    indienen(a, D(2023, 9, 1), D(2023, 10, 31), D(2023, 11, 15), 8, D(2023, 11, 10))
    indienen(a, *rondes[1], 5, D(2024, 3, 1))  # on time
    indienen(a, *rondes[2], 6, D(2024, 6, 1))  # late
    indienen(a, *rondes[5], 12, D(2024, 11, 10))  # on time
    # the round of November and December ends on the peildatum: not counted yet
    bevindingen.ronde(D(2024, 11, 1), D(2024, 12, 31), deadline=D(2025, 1, 15))
    for swv in (a, b):
        for van, tot, deadline in rondes:
            if swv == b:
                indienen(b, van, tot, deadline, 0, deadline - datetime.timedelta(days=3))

    def signaal(ontvangen, afgehandeld=None, uitkomst=Uitkomst.NIET_OPGELOST):
        s = bevindingen.SignaalFactory(swv=a, ontvangen_op=ontvangen)
        s.afgehandeld_op, s.uitkomst = afgehandeld, uitkomst
        s.save()

    signaal(D(2023, 12, 1))  # more than a year before the peildatum
    signaal(D(2024, 2, 1), D(2024, 3, 1), Uitkomst.TERUG_OP_SCHOOL)  # solved
    signaal(D(2024, 6, 1))  # still open
    signaal(D(2024, 9, 1), D(2025, 2, 1), Uitkomst.TERUG_OP_SCHOOL)  # solved after the peildatum
    signaal(D(2025, 1, 10))  # after the peildatum

    afspraak = bevindingen.VervolgafspraakFactory
    afspraak(swv=a, gemaakt_op=D(2024, 1, 10), deadline=D(2024, 6, 30))  # open, expired
    afspraak(
        swv=a,
        gemaakt_op=D(2023, 5, 1),
        deadline=D(2023, 9, 1),
        status=Afspraakstatus.NAGEKOMEN,
        afgesloten_op=D(2023, 8, 1),
    )
    afspraak(
        swv=a,
        gemaakt_op=D(2023, 10, 1),
        deadline=D(2024, 2, 1),
        status=Afspraakstatus.NIET_NAGEKOMEN,
        afgesloten_op=D(2024, 3, 1),
    )
    afspraak(swv=b, gemaakt_op=D(2024, 3, 1), deadline=D(2025, 3, 1))  # open, not yet due
    bevindingen.KwaliteitsonderzoekFactory(swv=a, begonnen_op=D(2020, 9, 1))
    bevindingen.KwaliteitsonderzoekFactory(swv=b, begonnen_op=D(2022, 3, 1))
    return a, b
