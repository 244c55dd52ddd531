import datetime

from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory, SwvFactory
from swv.tests.factories import LeerlingtellingFactory
from toezicht.models import Thuiszitterregistratie, Thuiszittertelling
from toezicht.tests.factories import ronde

PEILDATUM = datetime.date(2014, 2, 1)


def monitorland():
    """Four PO SWVs and two VO SWVs, with facts that give round monitor percentages on
    1 February 2014: PO 3 of 4 (75%) and VO 1 of 2 (50%) founded; pupil counts and
    thuiszitters for the first PO SWV."""
    po = [SwvFactory(code=f"PO10{i:02d}", naam=f"Passend PO 10-{i:02d}") for i in range(1, 5)]
    vo = [SwvFactory(code=f"VO20{i:02d}", vo=True, naam=f"Passend VO 20-{i:02d}") for i in (1, 2)]
    for swv in [*po[:3], vo[0]]:
        FeitFactory(
            swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=datetime.date(2013, 1, 10)
        )
        FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
        FeitFactory(
            swv=swv,
            stap=Stap.RECHTSPERSOON_OPGERICHT,
            datum=datetime.date(2013, 10, 1),
            rechtsvorm="stichting",
        )
    # After the peildatum: must not count.
    FeitFactory(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT, datum=datetime.date(2014, 3, 1))
    eerste = po[0]
    for teldatum, sbo in ((datetime.date(2012, 10, 1), 30), (datetime.date(2013, 10, 1), 25)):
        LeerlingtellingFactory(swv=eerste, teldatum=teldatum, categorie="bao", aantal=970)
        LeerlingtellingFactory(swv=eerste, teldatum=teldatum, categorie="sbo", aantal=sbo)
        LeerlingtellingFactory(swv=eerste, teldatum=teldatum, categorie="so_cl34", aantal=20)
    registratie = Thuiszitterregistratie.objects.create(
        swv=eerste,
        ronde=ronde(datetime.date(2013, 11, 1), datetime.date(2013, 12, 31)),
        periode_van=datetime.date(2013, 11, 1),
        periode_tot=datetime.date(2013, 12, 31),
    )
    Thuiszittertelling.objects.create(
        registratie=registratie, soort="absoluut", duur="lang", met_aanbod=False, aantal=7
    )
    return po, vo
