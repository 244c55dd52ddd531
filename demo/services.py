"""Loads the demo: reference data, generated history, accounts for every role."""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from faker import Faker

from accounts.models import Gebruiker, Rol
from dashboards import publicatie
from dashboards.models import Publicatie
from demo import bevindingen
from demo.documenten import maak_aktes
from demo.generator import Generator, regio_gegevens
from ondersteuningsplan import controle
from ondersteuningsplan.models import (
    OOGO,
    Feit,
    Geschil,
    Mijlpaalstatus,
    Ondersteuningsplan,
    OPRBesluit,
    OPRLid,
    Statuswijziging,
    Toelichting,
    Werkagenda,
)
from swv.models import (
    Document,
    Gemeente,
    Groepering,
    Groeperingslid,
    Leerlingtelling,
    Lidmaatschap,
    Regiotoewijzing,
    Samenwerkingsverband,
    Sector,
    swv_sleutel,
)
from swv.services.gemeenten import importeer_gemeentegrenzen
from swv.services.regio import importeer_regio_indeling
from swv.services.regiowijziging import verplaats_gemeente
from swv.services.scholen import importeer_vestigingen
from toezicht.models import (
    Cijfertoelichting,
    Herinnering,
    Kwaliteitsonderzoek,
    Rapportageronde,
    Rapportagesoort,
    Registratieoordeel,
    Risicoindicator,
    Schorsingtelling,
    Signaal,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Vervolgafspraak,
)
from toezicht.services import leg_cijfertoelichting_vast, plan_rondes

WACHTWOORD = "passend-demo"

#: The accountmanagers' portfolios, by the first two digits of the region code.
PORTEFEUILLES = {
    "am.noord": ("Noord en Oost", range(20, 25)),
    "am.midden": ("Midden", range(25, 28)),
    "am.zuid": ("Zuid en West", range(28, 32)),
}


@dataclass(frozen=True)
class Login:
    gebruikersnaam: str
    rol: str
    toelichting: str


def importeer_referentiedata(schrijf=print):
    data = settings.REFERENTIEDATA_DIR
    for verslag in (
        importeer_regio_indeling(data / "regio-indeling-2013.csv"),
        importeer_gemeentegrenzen(data / "gemeenten-2015.geojson"),
        importeer_vestigingen(data / "duo-po-vestigingen-2013.csv"),
    ):
        schrijf(f"{verslag.bestand}: " + ("bijgewerkt" if verslag.gewijzigd else "ongewijzigd"))


#: Region changes the consolidated table of 2015 already contains, recorded as history: the
#: gemeente, its SWV before the change, its SWV after, and the date of the change.
REGIOWIJZIGINGEN = [("Bergen (L.)", "VO3101", "VO2507", datetime.date(2015, 8, 1))]


def regiogeschiedenis():
    """Gives the demo the region as it was before each change of `REGIOWIJZIGINGEN`, then
    records the change as the beheerder would (`verplaats_gemeente`). Skipped when recorded."""
    for naam, voor, na, per in REGIOWIJZIGINGEN:
        gemeente = Gemeente.objects.filter(naam=naam).first()
        swvs = Samenwerkingsverband.objects.in_bulk([voor, na], field_name="code")
        if gemeente is None or len(swvs) < 2:
            continue
        toewijzingen = Regiotoewijzing.objects.filter(
            postcodegebied__gemeente=gemeente, sector=swvs[na].sector
        )
        if toewijzingen.filter(geldig_van=per).exists():
            continue
        toewijzingen.filter(swv=swvs[na], geldig_van__lt=per).update(swv=swvs[voor])
        verplaats_gemeente(gemeente, swvs[na], per)


def heeft_demo() -> bool:
    return Feit.objects.exists()


@transaction.atomic
def wis_demo():
    """Removes what the demo generates; reference data and other accounts stay.

    Deleted with plain SQL: row by row through the ORM (which the audit log's signals would
    force) takes minutes for the demo's hundred thousand counts, and a wiped demo needs no
    history of its own removal."""
    with connection.cursor() as cursor:
        for model in (
            Publicatie,
            Toelichting,
            Cijfertoelichting,
            Vervolgafspraak,
            Kwaliteitsonderzoek,
            Risicoindicator,
            Registratieoordeel,
            Signaal,
            Statuswijziging,
            Mijlpaalstatus,
            Herinnering,
            Thuiszittertelling,
            Schorsingtelling,
            Thuiszitterregistratie,
            Leerlingtelling,
            Geschil,
            OOGO,
            OPRBesluit,
            Werkagenda,
            Feit.afgestemd_met.through,
            Feit,
            Document,
            OPRLid,
            Ondersteuningsplan,
        ):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    geschiedenis = [
        Feit,
        OPRBesluit,
        OOGO,
        Ondersteuningsplan,
        OPRLid,
        Werkagenda,
        Thuiszitterregistratie,
        Document,
    ]
    LogEntry.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*geschiedenis).values()
    ).delete()
    Samenwerkingsverband.objects.update(accountmanager=None)
    demo = Gebruiker.objects.filter(username__in=demo_gebruikersnamen())
    Samenwerkingsverband.coordinatoren.through.objects.filter(gebruiker__in=demo).delete()
    demo.delete()


def demo_gebruikersnamen() -> list[str]:
    namen = ["beheerder", "inspectie", "coordinator", "coordinator.haarlem", *PORTEFEUILLES]
    namen += [
        f"coord.{code.lower()}"
        for code in Samenwerkingsverband.objects.values_list("code", flat=True)
    ]
    return namen


@transaction.atomic
def laad_demo(seed: int, vandaag: datetime.date):
    swvs = list(Samenwerkingsverband.objects.order_by("code"))
    gemeenten, scholen = regio_gegevens()
    plan_rondes(vandaag)
    rondes = Rapportageronde.objects.filter(soort=Rapportagesoort.THUISZITTERS).order_by(
        "periode_van"
    )
    besturen = defaultdict(list)
    for swv_id, bestuur_id in Lidmaatschap.objects.order_by("pk").values_list(
        "swv_id", "bestuur_id"
    ):
        besturen[swv_id].append(bestuur_id)
    resultaat = Generator(seed, vandaag, rondes).genereer(swvs, gemeenten, scholen, besturen)

    Feit.objects.bulk_create(resultaat.feiten)
    Ondersteuningsplan.objects.bulk_create([p.op for p in resultaat.plannen])
    for plan in resultaat.plannen:
        for feit in plan.feiten:
            feit.ondersteuningsplan = plan.op
        for besluit in plan.besluiten:
            besluit.ondersteuningsplan = plan.op
        for oogo in plan.oogo:
            oogo.ondersteuningsplan = plan.op
    Feit.objects.bulk_create([f for p in resultaat.plannen for f in p.feiten])
    OPRBesluit.objects.bulk_create([b for p in resultaat.plannen for b in p.besluiten])
    OOGO.objects.bulk_create([o for p in resultaat.plannen for o in p.oogo])
    OPRLid.objects.bulk_create(resultaat.opr_leden)
    Werkagenda.objects.bulk_create(resultaat.werkagendas)
    Geschil.objects.bulk_create(resultaat.geschillen)
    Leerlingtelling.objects.bulk_create(resultaat.tellingen)
    Thuiszitterregistratie.objects.bulk_create([r for r, _ in resultaat.registraties])
    for registratie, cellen in resultaat.registraties:
        for cel in cellen:
            cel.registratie = registratie
    for model in (Thuiszittertelling, Schorsingtelling):
        model.objects.bulk_create(
            [c for _, cellen in resultaat.registraties for c in cellen if isinstance(c, model)]
        )

    regiogeschiedenis()
    maak_groeperingen(swvs, seed)
    maak_accounts(swvs, seed)
    inspecteur = Gebruiker.objects.get(username="inspectie")
    registraties = Thuiszitterregistratie.objects.all()
    registraties.filter(beoordeeld_op__isnull=False).update(beoordeeld_door=inspecteur)
    for coordinator in Gebruiker.objects.filter(username__startswith="coord.").prefetch_related(
        "samenwerkingsverbanden"
    ):
        registraties.filter(swv__in=coordinator.samenwerkingsverbanden.all()).update(
            ingediend_door=coordinator
        )
    for model, objecten in bevindingen.genereer(swvs, inspecteur, seed, vandaag):
        model.objects.bulk_create(objecten)
    coordinatoren = _coordinatoren()
    maak_aktes(resultaat.feiten, coordinatoren)
    schrijf_geschiedenis(resultaat, coordinatoren)
    controle.controleer(vandaag)
    licht_cijfers_toe(vandaag)
    publiceer_cijfers(swvs, vandaag)


def licht_cijfers_toe(vandaag: datetime.date):
    """The coördinator's SWVs explain their latest round and teldatum, so the pages show what
    an SWV's explanation of its figures looks like (ADR 0086)."""
    coordinator = Gebruiker.objects.get(username="coordinator")
    ronde = (
        Rapportageronde.objects.filter(soort=Rapportagesoort.THUISZITTERS, periode_tot__lt=vandaag)
        .order_by("-periode_van")
        .first()
    )
    for swv in coordinator.samenwerkingsverbanden.order_by("code"):
        if ronde is not None:
            leg_cijfertoelichting_vast(
                swv=swv,
                ronde=ronde,
                door=coordinator,
                tekst="Twee scholen meldden hun thuiszitters pas na de uiterste datum; het "
                "samenwerkingsverband maakt met de besturen afspraken over tijdig melden.",
            )
        teldatum = (
            swv.leerlingtellingen.filter(teldatum__lte=vandaag)
            .order_by("-teldatum")
            .values_list("teldatum", flat=True)
            .first()
        )
        if teldatum is not None:
            leg_cijfertoelichting_vast(
                swv=swv,
                teldatum=teldatum,
                door=coordinator,
                tekst="Sinds augustus telt een nieuwe so-locatie in de regio mee; daardoor "
                "steeg de deelname aan zware ondersteuning.",
            )


def publiceer_cijfers(swvs, vandaag: datetime.date):
    """Every SWV's figures public, as the daily automatic publication leaves them; the
    coördinator's own SWVs published by the coördinator the day before (ADR 0084)."""
    coordinator = Gebruiker.objects.get(username="coordinator")
    eigen = set(coordinator.samenwerkingsverbanden.values_list("pk", flat=True))
    for swv in swvs:
        if swv.pk in eigen:
            publicatie.publiceer(
                swv, door=coordinator, op=_moment(vandaag) - datetime.timedelta(days=1)
            )
        else:
            publicatie.publiceer(swv, automatisch=True, op=_moment(vandaag))


def maak_groeperingen(swvs, seed: int):
    """The groups the ministry follows apart, with their sizes: the three experiments (a year
    early, until zorgplicht started for all), about 60 SWVs in the 35 voorlopers regions of
    onderwijs and jeugd (until the Jeugdwet of 2015), and the 16 vo SWVs that left the national
    lwoo criteria (from 2016)."""
    rng = random.Random(f"{seed}:groeperingen")
    vo = [swv for swv in swvs if swv.sector == Sector.VO]
    groepen = (
        (
            "Experimenten",
            "Begonnen een jaar eerder met zorgplicht en toewijzing van extra ondersteuning.",
            [swv for swv in swvs if swv.experiment],
            datetime.date(2013, 8, 1),
            datetime.date(2014, 8, 1),
        ),
        (
            "Voorlopers onderwijs en jeugd",
            "De samenwerkingsverbanden in de 35 voorlopersregio's van onderwijs en jeugd.",
            rng.sample(swvs, min(60, len(swvs))),
            datetime.date(2013, 9, 1),
            datetime.date(2015, 1, 1),
        ),
        (
            "Afwijkende lwoo-criteria",
            "Uitgetreden uit de landelijke criteria voor leerwegondersteunend onderwijs.",
            rng.sample(vo, min(16, len(vo))),
            datetime.date(2016, 8, 1),
            None,
        ),
    )
    for naam, omschrijving, leden, van, tot in groepen:
        groepering = Groepering.objects.create(naam=naam, omschrijving=omschrijving)
        Groeperingslid.objects.bulk_create(
            Groeperingslid(groepering=groepering, swv=swv, geldig_van=van, geldig_tot=tot)
            for swv in sorted(leden, key=lambda swv: swv.code)
        )


def _moment(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(10, 0)))


def _coordinatoren() -> dict:
    """Each SWV's demo coördinator, by the SWV's id."""
    return {
        swv.pk: gebruiker
        for gebruiker in Gebruiker.objects.filter(username__startswith="coord.").prefetch_related(
            "samenwerkingsverbanden"
        )
        for swv in gebruiker.samenwerkingsverbanden.all()
    }


def schrijf_geschiedenis(resultaat, coordinatoren: dict):
    """The history the demo's SWVs would have if their coördinators had recorded every fact,
    plan, OPR decision and OOGO through the portal on the day it happened: one audit-log entry
    each, by the SWV's demo coördinator, as the history page shows it. Written in bulk: the
    objects were made in bulk, past the audit log's signals. `coordinatoren`: each SWV's demo
    coördinator by the SWV's id."""
    objecten = [(f, f.datum) for f in resultaat.feiten]
    for plan in resultaat.plannen:
        objecten += [(f, f.datum) for f in plan.feiten]
        objecten += [(b, b.datum_besluit or b.datum_voorgelegd) for b in plan.besluiten]
        objecten += [
            (o, o.datum_uitkomst or o.datum_gehouden or o.datum_gepland) for o in plan.oogo
        ]
    objecten += [(g, g.ontstaan_op) for g in resultaat.geschillen]
    soorten = {}
    regels = []
    for obj, dag in objecten:
        if not dag:
            continue
        model = type(obj)
        soort = soorten.setdefault(model, ContentType.objects.get_for_model(model))
        swv_id = swv_sleutel(obj)
        wijzigingen = model_instance_diff(None, obj) or {}
        wijzigingen.pop("versie", None)
        regels.append(
            LogEntry(
                content_type=soort,
                object_pk=str(obj.pk),
                object_id=obj.pk,
                object_repr=str(obj)[:500],
                action=LogEntry.Action.CREATE,
                changes=wijzigingen,
                actor=coordinatoren.get(swv_id),
                timestamp=_moment(dag),
                additional_data={"swv_id": swv_id},
            )
        )
    LogEntry.objects.bulk_create(regels, batch_size=2000)


def maak_accounts(swvs, seed):
    nep = Faker("nl_NL")
    nep.seed_instance(seed)
    wachtwoord = make_password(WACHTWOORD)  # one slow hash for all demo accounts

    def account(gebruikersnaam, rol, **extra):
        voornaam, achternaam = nep.first_name(), nep.last_name()
        gebruiker = Gebruiker(
            username=gebruikersnaam,
            rol=rol,
            first_name=voornaam,
            last_name=achternaam,
            email=f"{gebruikersnaam}@demo.passend.example",
            **extra,
        )
        gebruiker.password = wachtwoord
        gebruiker.save()
        return gebruiker

    per_code = {swv.code: swv for swv in swvs}
    account("beheerder", Rol.BEHEERDER)
    account("inspectie", Rol.INSPECTIE)
    for gebruikersnaam, (_, reeks) in PORTEFEUILLES.items():
        am = account(gebruikersnaam, Rol.ACCOUNTMANAGER)
        Samenwerkingsverband.objects.filter(
            pk__in=[s.pk for s in swvs if int(s.code[2:4]) in reeks]
        ).update(accountmanager=am)
    for swv in swvs:
        account(f"coord.{swv.code.lower()}", Rol.COORDINATOR).samenwerkingsverbanden.add(swv)
    amsterdam = [per_code[c] for c in ("PO2707", "VO2708") if c in per_code]
    account("coordinator", Rol.COORDINATOR).samenwerkingsverbanden.add(*amsterdam)
    if "PO2704" in per_code:
        account("coordinator.haarlem", Rol.COORDINATOR).samenwerkingsverbanden.add(
            per_code["PO2704"]
        )


def logins() -> list[Login]:
    return [
        Login("coordinator", "SWV-coördinator", "van PO 27-07 en VO 27-08 (Amsterdam)"),
        Login("coordinator.haarlem", "SWV-coördinator", "van PO 27-04 (Haarlem, experiment)"),
        *(
            Login(naam, "OCW-accountmanager", f"portefeuille {titel}")
            for naam, (titel, _) in PORTEFEUILLES.items()
        ),
        Login("inspectie", "Inspectie", "leest alles, legt bevindingen vast"),
        Login("beheerder", "Beheerder", "referentiedata en accounts (/beheer/)"),
        Login("coord.<code>", "SWV-coördinator", "één per samenwerkingsverband, bv. coord.vo2601"),
    ]
