"""Changes to the thuiszitter counts of an SWV. Counts only: no name, no pupil number."""

import datetime
from itertools import product

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.audit import namens
from passend.dispatch import stuur_na_commit
from passend.locking import bewaar_versie
from passend.persoonsgegevens import geen_persoonsgegevens
from swv.models import Leerlingtelling, Samenwerkingsverband
from toezicht import afspraken
from toezicht.models import (
    SCHORSINGSOORTEN,
    Cijferonderwerp,
    Cijfertoelichting,
    Duur,
    Exportstatus,
    Gegevensexport,
    Indieningsstatus,
    Oordeel,
    Rapportageronde,
    Rapportagesoort,
    Registratieoordeel,
    Risicoregel,
    Schorsingsduur,
    Schorsingtelling,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Vervolgafspraak,
    Verzuimsoort,
)
from toezicht.risico import GETELD, regels_op

#: Every cell of a registration: every kind, by duration, with and without an offer.
CELLEN = tuple(product(Verzuimsoort.values, Duur.values, (True, False)))


def schorsingscellen(sector: str) -> tuple[tuple[str, str], ...]:
    """The suspension counts an SWV of the sector submits: (school type, length)."""
    return tuple(
        (str(soort), duur) for soort in SCHORSINGSOORTEN[sector] for duur in Schorsingsduur.values
    )


#: The first two-monthly thuiszitter round: since November 2015 the Inspectie asks every SWV.
EERSTE_RONDE = datetime.date(2015, 11, 1)


def standaard_deadline(periode_tot: datetime.date) -> datetime.date:
    """The 15th of the month after the period: two weeks to count and submit (ADR 0059)."""
    return (periode_tot.replace(day=1) + datetime.timedelta(days=32)).replace(day=15)


def tweemaandelijkse_perioden(tot: datetime.date):
    """The two-monthly periods from November 2015 that have begun on `tot`."""
    van = EERSTE_RONDE
    while van <= tot:
        jaar, maand = (
            (van.year + 1, van.month - 10) if van.month > 10 else (van.year, van.month + 2)
        )
        volgende = datetime.date(jaar, maand, 1)
        yield van, volgende - datetime.timedelta(days=1)
        van = volgende


def volgende_ronde(vandaag: datetime.date) -> Rapportageronde:
    """The thuiszitter round after the one running on `vandaag`: the planned one if the
    beheerder already made it, otherwise as it will be planned (not saved)."""
    gepland = (
        Rapportageronde.objects.filter(soort=Rapportagesoort.THUISZITTERS, periode_van__gt=vandaag)
        .order_by("periode_van")
        .first()
    )
    if gepland:
        return gepland
    *_, (van, tot) = tweemaandelijkse_perioden(vandaag)
    van = tot + datetime.timedelta(days=1)
    *_, (_, tot) = tweemaandelijkse_perioden(van)
    return Rapportageronde(
        soort=Rapportagesoort.THUISZITTERS,
        periode_van=van,
        periode_tot=tot,
        deadline=standaard_deadline(tot),
    )


@transaction.atomic
def plan_rondes(tot: datetime.date | None = None) -> int:
    """Adds every two-monthly thuiszitter round that has begun by `tot` (default today) and is
    not there yet; a round the beheerder moved keeps its own dates. Returns how many it added."""
    tot = tot or timezone.localdate()
    bestaand = set(
        Rapportageronde.objects.filter(soort=Rapportagesoort.THUISZITTERS).values_list(
            "periode_van", flat=True
        )
    )
    nieuw = [
        Rapportageronde(
            soort=Rapportagesoort.THUISZITTERS,
            periode_van=van,
            periode_tot=t,
            deadline=standaard_deadline(t),
        )
        for van, t in tweemaandelijkse_perioden(tot)
        if van not in bestaand
    ]
    Rapportageronde.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


@transaction.atomic
def registreer_thuiszitters(
    *,
    swv: Samenwerkingsverband,
    ronde: Rapportageronde,
    aantallen: dict[tuple[str, str, bool], int],
    door,
    opmerking: str = "",
    registratie: Thuiszitterregistratie | None = None,
    verwachte_versie: int | None = None,
    schorsingen: dict[tuple[str, str], int] | None = None,
) -> Thuiszitterregistratie:
    """Submits (or corrects) an SWV's counts for one round, its thuiszitters and its
    suspensions longer than one day (`schorsingscellen`); a cell left out counts as 0.

    Refused before the round's period has ended, and while the Inspectie has the submission
    accepted (locked). A correction after a return or a reopening goes back for review."""
    vandaag = timezone.localdate()
    if ronde.soort != Rapportagesoort.THUISZITTERS:
        raise ValidationError({"ronde": "Deze rapportageronde vraagt geen thuiszitteraantallen."})
    if not ronde.is_afgelopen(vandaag):
        raise ValidationError(
            {
                "ronde": f"De periode van deze ronde loopt tot en met {ronde.periode_tot:%d-%m-%Y}. "
                f"U kunt de aantallen indienen vanaf {ronde.periode_tot + datetime.timedelta(days=1):%d-%m-%Y}."
            }
        )
    onbekend = set(aantallen) - set(CELLEN)
    if onbekend:
        raise ValidationError({"aantallen": "Onbekende soort, duur of aanbod."})
    if any(not isinstance(a, int) or a < 0 for a in aantallen.values()):
        raise ValidationError({"aantallen": "Aantallen zijn hele getallen van 0 of meer."})
    schorsingen = schorsingen or {}
    if set(schorsingen) - set(schorsingscellen(swv.sector)):
        raise ValidationError(
            {"schorsingen": "Onbekende soort school of duur voor dit samenwerkingsverband."}
        )
    if any(not isinstance(a, int) or a < 0 for a in schorsingen.values()):
        raise ValidationError({"schorsingen": "Aantallen zijn hele getallen van 0 of meer."})
    velden = {
        "ronde": ronde,
        "periode_van": ronde.periode_van,
        "periode_tot": ronde.periode_tot,
        "opmerking": opmerking,
        "status": Indieningsstatus.INGEDIEND,
    }
    with namens(door):
        if registratie is None:
            try:
                with transaction.atomic():
                    registratie = Thuiszitterregistratie.objects.create(
                        swv=swv, ingediend_op=timezone.now(), ingediend_door=door, **velden
                    )
            except IntegrityError:
                raise ValidationError(
                    {"ronde": "Voor deze ronde zijn de aantallen al ingediend; wijzig die."}
                ) from None
        else:
            vergrendeld = Thuiszitterregistratie.objects.select_for_update().get(pk=registratie.pk)
            if vergrendeld.is_vergrendeld:
                raise ValidationError(
                    {
                        "ronde": "De Inspectie heeft deze aantallen geaccepteerd; ze zijn "
                        "vergrendeld. Vraag de Inspectie ze te heropenen als er iets niet klopt."
                    }
                )
            if vergrendeld.ronde_id != ronde.pk:
                raise ValidationError(
                    {"ronde": "Een ingediende ronde kan niet van ronde wisselen."}
                )
            registratie = bewaar_versie(registratie, verwachte_versie, **velden)
        bestaand = {(t.soort, t.duur, t.met_aanbod): t for t in registratie.tellingen.all()}
        for cel in CELLEN:
            aantal = aantallen.get(cel, 0)
            telling = bestaand.get(cel)
            if telling is None:
                Thuiszittertelling.objects.create(
                    registratie=registratie,
                    soort=cel[0],
                    duur=cel[1],
                    met_aanbod=cel[2],
                    aantal=aantal,
                )
            elif telling.aantal != aantal:
                telling.aantal = aantal
                telling.save(update_fields=["aantal"])
        geteld = {(t.schoolsoort, t.duur): t for t in registratie.schorsingen.all()}
        for cel in schorsingscellen(swv.sector):
            aantal = schorsingen.get(cel, 0)
            telling = geteld.get(cel)
            if telling is None:
                Schorsingtelling.objects.create(
                    registratie=registratie, schoolsoort=cel[0], duur=cel[1], aantal=aantal
                )
            elif telling.aantal != aantal:
                telling.aantal = aantal
                telling.save(update_fields=["aantal"])
    return registratie


def _beoordeel(registratie, verwachte_versie, door, toegestaan, melding, **velden):
    """One step of the Inspectie's review: only from the statuses in `toegestaan`, guarded
    against a lost update, recorded in the SWV's history through the audit log."""
    actueel = Thuiszitterregistratie.objects.select_for_update().get(pk=registratie.pk)
    if actueel.status not in toegestaan:
        raise ValidationError({"status": melding})
    with namens(door):
        return bewaar_versie(
            actueel,
            verwachte_versie,
            beoordeeld_op=timezone.now(),
            beoordeeld_door=door,
            **velden,
        )


def _zonder_persoonsgegevens(veld: str, tekst: str) -> None:
    """The guard of every free text, with the refusal named after the field it concerns."""
    try:
        geen_persoonsgegevens(tekst)
    except ValidationError as fout:
        raise ValidationError({veld: fout.messages}) from fout


def _reden(reden: str) -> str:
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Geef een reden op; de coördinator ziet die."})
    _zonder_persoonsgegevens("reden", reden)
    return reden


@transaction.atomic
def accepteer(registratie, *, door, oordeel: str, toelichting: str = "", verwachte_versie=None):
    """Accepts a submission, which locks it, and records the Inspectie's judgement of the
    registration beside it (one Registratieoordeel per SWV and period)."""
    if oordeel not in Oordeel.values:
        raise ValidationError({"oordeel": "Kies onvoldoende, voldoende of voldoende-goed."})
    _zonder_persoonsgegevens("toelichting", toelichting)
    registratie = _beoordeel(
        registratie,
        verwachte_versie,
        door,
        {Indieningsstatus.INGEDIEND},
        "Alleen ingediende aantallen die wachten op beoordeling kunnen worden geaccepteerd.",
        status=Indieningsstatus.GEACCEPTEERD,
        reden="",
    )
    bestaand = Registratieoordeel.objects.filter(
        swv=registratie.swv, periode_van=registratie.periode_van
    ).first()
    velden = {"oordeel": oordeel, "toelichting": toelichting}
    if bestaand is None:
        leg_bevinding_vast(
            Registratieoordeel,
            door=door,
            swv=registratie.swv,
            periode_van=registratie.periode_van,
            periode_tot=registratie.periode_tot,
            **velden,
        )
    else:
        wijzig_bevinding(bestaand, door=door, **velden)
    return registratie


@transaction.atomic
def stuur_terug(registratie, *, door, reden: str, verwachte_versie=None):
    """Returns a submission to the coördinator with a reason, to correct and resubmit."""
    return _beoordeel(
        registratie,
        verwachte_versie,
        door,
        {Indieningsstatus.INGEDIEND},
        "Alleen ingediende aantallen die wachten op beoordeling kunnen worden teruggestuurd.",
        status=Indieningsstatus.TERUGGESTUURD,
        reden=_reden(reden),
    )


@transaction.atomic
def heropen(registratie, *, door, reden: str, verwachte_versie=None):
    """Unlocks an accepted submission with a reason, so the coördinator can correct it."""
    return _beoordeel(
        registratie,
        verwachte_versie,
        door,
        {Indieningsstatus.GEACCEPTEERD},
        "Alleen geaccepteerde (vergrendelde) aantallen kunnen worden heropend.",
        status=Indieningsstatus.HEROPEND,
        reden=_reden(reden),
    )


@transaction.atomic
def leg_bevinding_vast(model, *, door, **velden):
    """Records a finding of the Inspectie (signaal, oordeel, onderzoek, afspraak, indicator),
    checked in full (free text without pupil numbers, the constraints of the model)."""
    bevinding = model(vastgelegd_door=door, **velden)
    bevinding.full_clean()
    with namens(door):
        bevinding.save()
        if isinstance(bevinding, Vervolgafspraak):  # met already: closed at once
            afspraken.sluit_nagekomen(bevinding.swv_id)
            bevinding.refresh_from_db()
    return bevinding


@transaction.atomic
def wijzig_bevinding(bevinding, *, door, verwachte_versie: int | None = None, **velden):
    """Changes a finding, refused when someone else changed it since `verwachte_versie`."""
    kandidaat = type(bevinding).objects.get(pk=bevinding.pk)
    for veld, waarde in velden.items():
        setattr(kandidaat, veld, waarde)
    kandidaat.full_clean()
    with namens(door):
        bewaard = bewaar_versie(bevinding, verwachte_versie, **velden)
        if isinstance(bewaard, Vervolgafspraak):
            afspraken.sluit_nagekomen(bewaard.swv_id)
            bewaard.refresh_from_db()
        return bewaard


# -- the thresholds and weights of the risk analysis -------------------------------------------


@transaction.atomic
def stel_risicoregels_vast(*, door, geldig_vanaf: datetime.date, regels: dict) -> int:
    """The Inspectie sets thresholds and weights (`regels`: {maat: (drempel, gewicht)}) from a
    day on. Only a day to come (today included): the analysis of a day gone by keeps the rules
    it was made with (ADR 0074). Writes the indicators whose rule differs from the one in force
    on that day; returns how many."""
    if geldig_vanaf < timezone.localdate():
        raise ValidationError(
            {
                "geldig_vanaf": "Kies vandaag of een latere datum: een eerdere analyse blijft "
                "zoals hij was."
            }
        )
    fouten = {}
    for maat, (drempel, _) in regels.items():
        if maat in GETELD and drempel != drempel.to_integral_value():
            fouten[f"drempel_{maat}"] = "Deze indicator telt; vul een heel getal in."
    if fouten:
        raise ValidationError(fouten)
    in_werking = regels_op(geldig_vanaf)
    gewijzigd = 0
    with namens(door):
        for maat, (drempel, gewicht) in regels.items():
            huidig = in_werking.get(maat)
            if huidig and huidig.drempel == drempel and huidig.gewicht == gewicht:
                continue
            regel = Risicoregel.objects.filter(maat=maat, geldig_vanaf=geldig_vanaf).first()
            regel = regel or Risicoregel(maat=maat, geldig_vanaf=geldig_vanaf)
            regel.drempel, regel.gewicht, regel.vastgelegd_door = drempel, gewicht, door
            regel.full_clean()
            regel.save()
            gewijzigd += 1
    return gewijzigd


# -- the data team's file set ------------------------------------------------------------------


#: An export waiting or running longer than its task may run has been lost (a broker that was
#: away); asking again then starts a new one.
EXPORT_VERLOREN_NA = datetime.timedelta(minutes=30)


@transaction.atomic
def vraag_gegevensexport(*, door) -> Gegevensexport:
    """Queues a file set of everything `door` may read (ADR 0076); the task starts once the
    request is committed. One at a time: while one of `door`'s exports waits or runs, asking
    again gives that one, so a data team that asks twice does not build the dataset twice."""
    from toezicht.tasks import maak_gegevensexport  # the tasks call these services

    lopend = Gegevensexport.objects.select_for_update().filter(
        aangevraagd_door=door, status__in=[Exportstatus.WACHTRIJ, Exportstatus.BEZIG]
    )
    grens = timezone.now() - EXPORT_VERLOREN_NA
    lopend.filter(aangevraagd_op__lt=grens).update(
        status=Exportstatus.MISLUKT, fout="Niet op tijd klaar; opnieuw gevraagd."
    )
    if bestaand := lopend.filter(aangevraagd_op__gte=grens).order_by("-pk").first():
        return bestaand
    export = Gegevensexport.objects.create(aangevraagd_door=door)
    stuur_na_commit(maak_gegevensexport, export.pk)
    return export


def leg_cijfertoelichting_vast(
    *,
    swv: Samenwerkingsverband,
    tekst: str,
    door,
    ronde: Rapportageronde | None = None,
    teldatum: datetime.date | None = None,
    document=None,
    toelichting: Cijfertoelichting | None = None,
    verwachte_versie: int | None = None,
) -> Cijfertoelichting:
    """Records (or changes) the SWV's explanation of a reporting round whose period has ended,
    or of its pupils on a teldatum it has counts for (ADR 0086); the document, when given, is
    one of the SWV's own."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf de toelichting."})
    if (ronde is None) == (teldatum is None):
        raise ValidationError("Een toelichting hoort bij een rapportageronde of bij een teldatum.")
    if ronde is not None and (
        ronde.soort != Rapportagesoort.THUISZITTERS or not ronde.is_afgelopen(timezone.localdate())
    ):
        raise ValidationError(
            {"ronde": "Deze rapportageronde is nog niet afgelopen: er is nog niets toe te lichten."}
        )
    if (
        teldatum is not None
        and not Leerlingtelling.objects.filter(swv=swv, teldatum=teldatum).exists()
    ):
        raise ValidationError(
            {
                "teldatum": "Op deze teldatum zijn geen leerlingen van het samenwerkingsverband geteld."
            }
        )
    if document is not None and document.swv_id != swv.pk:
        raise ValidationError(
            {"document": "Dit document hoort bij een ander samenwerkingsverband."}
        )
    velden = {
        "tekst": tekst,
        "document": document,
        "gewijzigd_op": timezone.now(),
        "gewijzigd_door": door,
    }
    with namens(door):
        if toelichting is None:
            try:
                with transaction.atomic():
                    return Cijfertoelichting.objects.create(
                        swv=swv,
                        onderwerp=Cijferonderwerp.RONDE if ronde else Cijferonderwerp.DEELNAME,
                        ronde=ronde,
                        teldatum=teldatum,
                        **velden,
                    )
            except IntegrityError:
                raise ValidationError(
                    "Er is intussen al een toelichting vastgelegd; open de pagina opnieuw om "
                    "die te wijzigen."
                ) from None
        return bewaar_versie(toelichting, verwachte_versie, **velden)
