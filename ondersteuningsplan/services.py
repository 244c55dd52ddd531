"""Every change to an SWV's facts, plans, OPR and OOGO goes through here.

Each service runs in one transaction with the SWV's row locked, so two changes to one SWV's
facts cannot interleave and break the order rules; edits name the version they were read at
(passend.locking), so nobody silently overwrites someone else. Errors are ValidationErrors
keyed by field, with a message in Dutch that a form or the API shows as is.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.audit import namens
from ondersteuningsplan import selectors, toelichtingen
from ondersteuningsplan.geschillen import instanties
from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Feit,
    Geleding,
    Geschil,
    Geschilsoort,
    Mijlpaal,
    Ondersteuningsplan,
    OOGOStatus,
    OPRBesluit,
    OPRLid,
    Status,
    Toelichting,
    Uitspraak,
    Werkagenda,
)
from ondersteuningsplan.stappen import REGELS, Stap, moeten_volgen
from ondersteuningsplan.werkagenda import AANVRAAGJAAR
from passend.locking import Wijzigingsconflict, bewaar_versie
from swv.models import Lidmaatschap, Regiotoewijzing, Samenwerkingsverband, School, Sector


def _datum(datum: datetime.date) -> str:
    return f"{datum:%d-%m-%Y}"


def _niet_in_de_toekomst(datum: datetime.date | None, veld: str):
    if datum and datum > timezone.localdate():
        raise ValidationError(
            {
                veld: f"De datum {_datum(datum)} ligt in de toekomst; leg een feit vast als het gebeurd is."
            }
        )


def _vergrendel(swv: Samenwerkingsverband) -> Samenwerkingsverband:
    return Samenwerkingsverband.objects.select_for_update().get(pk=swv.pk)


def stapdatums(
    swv: Samenwerkingsverband,
    ondersteuningsplan: Ondersteuningsplan | None,
    behalve_feit: Feit | None = None,
    besluiten: list[OPRBesluit] | None = None,
) -> dict[str, datetime.date]:
    """The dates that the order rules compare: the SWV's own facts, the facts of one plan and
    what its OPR decisions say (or would say, given `besluiten`)."""
    feiten = Feit.objects.filter(swv=swv).filter(
        Q(ondersteuningsplan__isnull=True) | Q(ondersteuningsplan=ondersteuningsplan)
    )
    if behalve_feit is not None and behalve_feit.pk:
        feiten = feiten.exclude(pk=behalve_feit.pk)
    datums = dict(feiten.values_list("stap", "datum"))
    if ondersteuningsplan is not None:
        if besluiten is None:
            besluiten = list(ondersteuningsplan.opr_besluiten.all())
        datums.update(_opr_datums(besluiten))
    return datums


def _opr_datums(besluiten) -> dict[str, datetime.date]:
    datums = {}
    if besluiten:
        datums[Stap.VOORGELEGD_OPR] = min(b.datum_voorgelegd for b in besluiten)
    instemmingen = [b.datum_besluit for b in besluiten if b.besluit == Besluit.INSTEMMING]
    if instemmingen:
        datums[Stap.AKKOORD_OPR] = min(instemmingen)
    return datums


def volgordefouten(stap: str, datum: datetime.date, datums: dict) -> list[str]:
    """What is wrong with dating `stap` on `datum`, given the other steps' dates."""
    regel, label = REGELS[stap], Stap(stap).label
    fouten = []
    for eerder in regel.vereist:
        if eerder not in datums:
            fouten.append(f"Leg eerst '{Stap(eerder).label}' vast.")
    for eerder in regel.vereist + regel.niet_voor:
        if eerder in datums and datums[eerder] > datum:
            fouten.append(
                f"'{label}' kan niet vóór '{Stap(eerder).label}' ({_datum(datums[eerder])}) liggen."
            )
    for later in moeten_volgen(stap):
        if later in datums and datums[later] < datum:
            fouten.append(
                f"'{label}' kan niet na '{Stap(later).label}' ({_datum(datums[later])}) liggen."
            )
    return fouten


@transaction.atomic
def registreer_feit(
    *,
    swv: Samenwerkingsverband,
    stap: str,
    datum: datetime.date,
    door,
    ondersteuningsplan: Ondersteuningsplan | None = None,
    opmerking: str = "",
    document=None,
    rechtsvorm: str = "",
    afgestemd_met=(),
    feit: Feit | None = None,
    verwachte_versie: int | None = None,
) -> Feit:
    """Records a step with its date, or changes a recorded one (`feit` and the version it was
    read at)."""
    swv = _vergrendel(swv)
    if stap not in Stap.values:
        raise ValidationError({"stap": "Onbekende stap."})
    regel = REGELS[Stap(stap)]
    if regel.uit_opr_besluit:
        raise ValidationError(
            {
                "stap": "Deze stap volgt uit het besluit van de ondersteuningsplanraad; leg dat besluit vast."
            }
        )
    _niet_in_de_toekomst(datum, "datum")
    if regel.swv_niveau:
        ondersteuningsplan = None
    elif ondersteuningsplan is None or ondersteuningsplan.swv_id != swv.pk:
        raise ValidationError(
            {
                "ondersteuningsplan": "Kies het ondersteuningsplan van dit samenwerkingsverband waar deze stap bij hoort."
            }
        )
    if stap == Stap.RECHTSPERSOON_OPGERICHT and not rechtsvorm:
        raise ValidationError({"rechtsvorm": "Kies de rechtsvorm: stichting of vereniging."})
    if stap != Stap.RECHTSPERSOON_OPGERICHT:
        rechtsvorm = ""
    afgestemd_met = list(afgestemd_met) if stap == Stap.AFGESTEMD_ANDERE_SWV else []
    if any(ander.sector == swv.sector for ander in afgestemd_met):
        raise ValidationError(
            {"afgestemd_met": "Afstemming gaat over het samenwerkingsverband van de andere sector."}
        )
    if document is not None and document.swv_id != swv.pk:
        raise ValidationError(
            {"document": "Dit document hoort bij een ander samenwerkingsverband."}
        )

    fouten = volgordefouten(stap, datum, stapdatums(swv, ondersteuningsplan, behalve_feit=feit))
    if fouten:
        raise ValidationError({"datum": fouten})

    velden = {
        "datum": datum,
        "opmerking": opmerking,
        "document": document,
        "rechtsvorm": rechtsvorm,
    }
    with namens(door):
        if feit is None:
            try:
                with transaction.atomic():
                    feit = Feit.objects.create(
                        swv=swv, stap=stap, ondersteuningsplan=ondersteuningsplan, **velden
                    )
            except IntegrityError:
                raise ValidationError(
                    {"stap": f"'{Stap(stap).label}' is al vastgelegd; wijzig dat feit."}
                ) from None
        else:
            if feit.swv_id != swv.pk or feit.stap != stap:
                raise ValidationError({"stap": "Dit feit hoort bij een andere stap."})
            feit = bewaar_versie(feit, verwachte_versie, **velden)
        feit.afgestemd_met.set(afgestemd_met)
    return feit


def verwijderfouten(feit: Feit, datums: dict) -> list[str]:
    """Why `feit` cannot be removed, given the other steps' dates (`stapdatums` without it): a
    step that requires this one is recorded. A step that only may not come before it stays
    valid without it."""
    afhankelijk = [
        s for s in moeten_volgen(feit.stap) if s in datums and feit.stap in REGELS[s].vereist
    ]
    if not afhankelijk:
        return []
    namen = ", ".join(f"'{Stap(s).label}'" for s in afhankelijk)
    return [
        f"'{Stap(feit.stap).label}' kan niet worden verwijderd: {namen} bouwt erop voort. "
        f"Verwijder eerst {namen}, of wijzig de datum van deze stap in plaats van hem te verwijderen."
    ]


@transaction.atomic
def verwijder_feit(feit: Feit, *, door, verwachte_versie: int | None = None):
    """Removes a fact recorded by mistake, read at `verwachte_versie`. Refused while a step
    that requires it is recorded. Its document stays with the SWV's documents (ADR 0013)."""
    swv = Samenwerkingsverband.objects.select_for_update().get(pk=feit.swv_id)
    actueel = Feit.objects.select_for_update().filter(pk=feit.pk, swv=swv).first()
    if actueel is None:
        raise ValidationError(f"'{Stap(feit.stap).label}' is intussen al verwijderd.")
    if verwachte_versie is not None and actueel.versie != verwachte_versie:
        raise Wijzigingsconflict(actueel)
    fouten = verwijderfouten(
        actueel, stapdatums(swv, actueel.ondersteuningsplan, behalve_feit=actueel)
    )
    if fouten:
        raise ValidationError(fouten)
    with namens(door):
        actueel.delete()


@transaction.atomic
def bewaar_ondersteuningsplan(
    *,
    swv: Samenwerkingsverband,
    titel: str,
    periode_van: datetime.date,
    periode_tot: datetime.date,
    door,
    document=None,
    ondersteuningsplan: Ondersteuningsplan | None = None,
    verwachte_versie: int | None = None,
) -> Ondersteuningsplan:
    _vergrendel(swv)
    if periode_tot <= periode_van:
        raise ValidationError({"periode_tot": "Het einde van de periode moet na het begin liggen."})
    if (periode_tot - periode_van).days > 4 * 366:
        raise ValidationError(
            {"periode_tot": "Een ondersteuningsplan geldt ten hoogste vier jaar."}
        )
    overlap = Ondersteuningsplan.objects.filter(
        swv=swv, periode_van__lte=periode_tot, periode_tot__gte=periode_van
    )
    if ondersteuningsplan is not None:
        overlap = overlap.exclude(pk=ondersteuningsplan.pk)
    if overlap.exists():
        raise ValidationError({"periode_van": f"De periode overlapt met '{overlap.first()}'."})
    if document is not None and document.swv_id != swv.pk:
        raise ValidationError(
            {"document": "Dit document hoort bij een ander samenwerkingsverband."}
        )
    velden = {
        "titel": titel,
        "periode_van": periode_van,
        "periode_tot": periode_tot,
        "document": document,
    }
    with namens(door):
        if ondersteuningsplan is None:
            return Ondersteuningsplan.objects.create(swv=swv, **velden)
        return bewaar_versie(ondersteuningsplan, verwachte_versie, **velden)


@transaction.atomic
def registreer_opr_besluit(
    *,
    ondersteuningsplan: Ondersteuningsplan,
    datum_voorgelegd: datetime.date,
    door,
    besluit: str = "",
    datum_besluit: datetime.date | None = None,
    toelichting: str = "",
    notulen=None,
    opr_besluit: OPRBesluit | None = None,
    verwachte_versie: int | None = None,
) -> OPRBesluit:
    """The plan put to the OPR, and its decision once taken. The decision feeds the steps
    'voorgelegd' and 'akkoord OPR', so the order rules hold for them as for any fact."""
    swv = _vergrendel(ondersteuningsplan.swv)
    _niet_in_de_toekomst(datum_voorgelegd, "datum_voorgelegd")
    _niet_in_de_toekomst(datum_besluit, "datum_besluit")
    if bool(besluit) != bool(datum_besluit):
        raise ValidationError(
            {"datum_besluit": "Vul het besluit en de datum ervan allebei in, of allebei niet."}
        )
    if datum_besluit and datum_besluit < datum_voorgelegd:
        raise ValidationError({"datum_besluit": "Het besluit kan niet vóór het voorleggen liggen."})
    if (
        opr_besluit is not None
        and besluit != Besluit.GEEN_INSTEMMING
        and opr_besluit.geschillen.exists()
    ):
        raise ValidationError(
            {
                "besluit": "Over dit besluit zonder instemming is een geschil vastgelegd; "
                "het besluit blijft daarom zonder instemming."
            }
        )
    velden = {
        "datum_voorgelegd": datum_voorgelegd,
        "besluit": besluit,
        "datum_besluit": datum_besluit,
        "toelichting": toelichting,
        "notulen": notulen,
    }
    nieuw = OPRBesluit(ondersteuningsplan=ondersteuningsplan, **velden)
    besluiten = [
        b
        for b in ondersteuningsplan.opr_besluiten.all()
        if opr_besluit is None or b.pk != opr_besluit.pk
    ] + [nieuw]
    datums = stapdatums(swv, ondersteuningsplan, besluiten=besluiten)
    fouten = []
    for stap in (Stap.VOORGELEGD_OPR, Stap.AKKOORD_OPR):
        if stap in datums:
            fouten += volgordefouten(stap, datums[stap], datums)
    if Stap.AKKOORD_OPR not in datums and Stap.OP_VASTGESTELD in datums:
        fouten.append(
            f"Het plan is vastgesteld op {_datum(datums[Stap.OP_VASTGESTELD])}; dat kan niet zonder instemming van de OPR."
        )
    if fouten:
        raise ValidationError({"datum_besluit" if besluit else "datum_voorgelegd": fouten})
    with namens(door):
        if opr_besluit is None:
            nieuw.save()
            return nieuw
        return bewaar_versie(opr_besluit, verwachte_versie, **velden)


def gemeenten_van(swv: Samenwerkingsverband, peildatum: datetime.date | None = None):
    toewijzingen = Regiotoewijzing.objects.filter(swv=swv)
    if peildatum:
        toewijzingen = toewijzingen.geldig_op(peildatum)
    return toewijzingen.values("postcodegebied__gemeente")


@transaction.atomic
def registreer_oogo(
    *,
    ondersteuningsplan: Ondersteuningsplan,
    gemeente,
    status: str,
    door,
    datum_gepland: datetime.date | None = None,
    datum_gehouden: datetime.date | None = None,
    datum_uitkomst: datetime.date | None = None,
    toelichting: str = "",
    verslag=None,
    oogo: OOGO | None = None,
    verwachte_versie: int | None = None,
) -> OOGO:
    swv = _vergrendel(ondersteuningsplan.swv)
    if not gemeenten_van(swv).filter(postcodegebied__gemeente=gemeente).exists():
        raise ValidationError(
            {"gemeente": f"{gemeente} ligt niet in de regio van {swv.weergavecode}."}
        )
    _niet_in_de_toekomst(datum_gehouden, "datum_gehouden")
    _niet_in_de_toekomst(datum_uitkomst, "datum_uitkomst")
    if status == OOGOStatus.GEPLAND and not datum_gepland:
        raise ValidationError({"datum_gepland": "Vul in wanneer het overleg gepland is."})
    if status != OOGOStatus.GEPLAND and not datum_gehouden:
        raise ValidationError({"datum_gehouden": "Vul in wanneer het overleg gehouden is."})
    if status in (OOGOStatus.OVEREENSTEMMING, OOGOStatus.GESCHIL):
        if not datum_uitkomst:
            raise ValidationError(
                {
                    "datum_uitkomst": "Vul in wanneer overeenstemming is bereikt of het geschil ontstond."
                }
            )
        if datum_uitkomst < datum_gehouden:
            raise ValidationError(
                {"datum_uitkomst": "De uitkomst kan niet vóór het overleg liggen."}
            )
    else:
        datum_uitkomst = None
    if oogo is not None and status != OOGOStatus.GESCHIL and oogo.geschillen.exists():
        raise ValidationError(
            {
                "status": "Over dit overleg is een geschil vastgelegd; de stand blijft daarom geschil."
            }
        )
    if status == OOGOStatus.GEPLAND:
        datum_gehouden = None
    velden = {
        "status": status,
        "datum_gepland": datum_gepland,
        "datum_gehouden": datum_gehouden,
        "datum_uitkomst": datum_uitkomst,
        "toelichting": toelichting,
        "verslag": verslag,
    }
    with namens(door):
        if oogo is None:
            try:
                with transaction.atomic():
                    oogo = OOGO.objects.create(
                        ondersteuningsplan=ondersteuningsplan, gemeente=gemeente, **velden
                    )
            except IntegrityError:
                raise ValidationError(
                    {
                        "gemeente": f"Het OOGO met {gemeente} over dit plan is al vastgelegd; wijzig dat."
                    }
                ) from None
        else:
            oogo = bewaar_versie(oogo, verwachte_versie, **velden)
        if status == OOGOStatus.GESCHIL:
            _oogo_geschil(oogo)
    return oogo


def _oogo_geschil(oogo: OOGO):
    """An OOGO that ends in a dispute has one from the day it arose: made here, so the dispute's
    body and ruling can be recorded on it (`leg_geschil_vast`)."""
    geschil = oogo.geschillen.first()
    if geschil is None:
        Geschil.objects.create(
            swv_id=oogo.ondersteuningsplan.swv_id,
            soort=Geschilsoort.OOGO,
            oogo=oogo,
            ontstaan_op=oogo.datum_uitkomst,
        )
    elif geschil.ontstaan_op != oogo.datum_uitkomst:
        # a ruling never precedes the putting to a body (the model's constraint)
        eerste = geschil.voorgelegd_op or geschil.uitspraak_op
        if eerste and oogo.datum_uitkomst > eerste:
            raise ValidationError(
                {
                    "datum_uitkomst": "Het geschil is op "
                    f"{_datum(eerste)} voorgelegd of beslecht; het kan niet later zijn ontstaan."
                }
            )
        bewaar_versie(geschil, None, ontstaan_op=oogo.datum_uitkomst)


@transaction.atomic
def registreer_opr_lid(
    *,
    swv: Samenwerkingsverband,
    geleding: str,
    begin_termijn: datetime.date,
    door,
    naam: str = "",
    school: School | None = None,
    einde_termijn: datetime.date | None = None,
    lid: OPRLid | None = None,
    verwachte_versie: int | None = None,
) -> OPRLid:
    swv = _vergrendel(swv)
    if geleding == Geleding.LEERLINGEN:
        if swv.sector != Sector.VO:
            raise ValidationError(
                {
                    "geleding": "Alleen in het voortgezet onderwijs heeft de OPR een leerlingengeleding."
                }
            )
        if naam:
            raise ValidationError({"naam": "Van een leerling-lid legt het portaal geen naam vast."})
    elif not naam.strip():
        raise ValidationError({"naam": "Vul de naam van het lid in."})
    if einde_termijn and einde_termijn <= begin_termijn:
        raise ValidationError(
            {"einde_termijn": "Het einde van de termijn moet na het begin liggen."}
        )
    if school is not None and not School.objects.in_swv(swv).filter(pk=school.pk).exists():
        raise ValidationError({"school": "Deze school ligt niet in het samenwerkingsverband."})
    velden = {
        "naam": naam.strip(),
        "geleding": geleding,
        "school": school,
        "begin_termijn": begin_termijn,
        "einde_termijn": einde_termijn,
    }
    with namens(door):
        if lid is None:
            return OPRLid.objects.create(swv=swv, **velden)
        return bewaar_versie(lid, verwachte_versie, **velden)


def leg_werkagenda_vast(
    *,
    swv: Samenwerkingsverband,
    door,
    vastgesteld_op: datetime.date,
    document=None,
    subsidie_aangevraagd_op: datetime.date | None = None,
    subsidie_toegekend_op: datetime.date | None = None,
    verwachte_versie: int | None = None,
) -> Werkagenda:
    """The SWV's werkagenda and its subsidy request (ondersteuningsplan/werkagenda.py): made the
    first time, changed after that at the version it was read."""
    swv = _vergrendel(swv)
    _niet_in_de_toekomst(vastgesteld_op, "vastgesteld_op")
    _niet_in_de_toekomst(subsidie_aangevraagd_op, "subsidie_aangevraagd_op")
    _niet_in_de_toekomst(subsidie_toegekend_op, "subsidie_toegekend_op")
    if subsidie_aangevraagd_op:
        if subsidie_aangevraagd_op.year != AANVRAAGJAAR:
            raise ValidationError(
                {
                    "subsidie_aangevraagd_op": "De subsidie voor samenwerkingsverbanden in "
                    f"oprichting kon alleen in {AANVRAAGJAAR} worden aangevraagd."
                }
            )
        if subsidie_aangevraagd_op < vastgesteld_op:
            raise ValidationError(
                {
                    "subsidie_aangevraagd_op": "De subsidie kon alleen worden aangevraagd met een "
                    f"werkagenda; die is vastgesteld op {_datum(vastgesteld_op)}."
                }
            )
    if subsidie_toegekend_op and not subsidie_aangevraagd_op:
        raise ValidationError(
            {"subsidie_toegekend_op": "Vul eerst in wanneer de subsidie is aangevraagd."}
        )
    if subsidie_toegekend_op and subsidie_toegekend_op < subsidie_aangevraagd_op:
        raise ValidationError(
            {"subsidie_toegekend_op": "De toekenning kan niet vóór de aanvraag liggen."}
        )
    velden = {
        "vastgesteld_op": vastgesteld_op,
        "document": document,
        "subsidie_aangevraagd_op": subsidie_aangevraagd_op,
        "subsidie_toegekend_op": subsidie_toegekend_op,
    }
    bestaand = Werkagenda.objects.filter(swv=swv).first()
    with namens(door):
        if bestaand is None:
            return Werkagenda.objects.create(swv=swv, **velden)
        if verwachte_versie is None:
            # read when there was none yet: someone else recorded it in the meantime
            raise Wijzigingsconflict(bestaand)
        return bewaar_versie(bestaand, verwachte_versie, **velden)


@transaction.atomic
def leg_geschil_vast(
    *,
    swv: Samenwerkingsverband,
    door,
    soort: str,
    ontstaan_op: datetime.date,
    oogo: OOGO | None = None,
    opr_besluit: OPRBesluit | None = None,
    bestuur=None,
    instantie: str = "",
    voorgelegd_op: datetime.date | None = None,
    uitspraak: str = "",
    uitspraak_op: datetime.date | None = None,
    toelichting: str = "",
    geschil: Geschil | None = None,
    verwachte_versie: int | None = None,
) -> Geschil:
    """A dispute with its party (by kind: the OOGO, the OPR decision or the board), the body it
    was put to and the ruling (ondersteuningsplan/geschillen.py): made the first time, changed
    after that at the version it was read. The party of a recorded dispute does not change."""
    swv = _vergrendel(swv)
    for veld, datum in (
        ("ontstaan_op", ontstaan_op),
        ("voorgelegd_op", voorgelegd_op),
        ("uitspraak_op", uitspraak_op),
    ):
        _niet_in_de_toekomst(datum, veld)
    if geschil is not None:
        soort, oogo, opr_besluit, bestuur = (
            geschil.soort,
            geschil.oogo,
            geschil.opr_besluit,
            geschil.bestuur,
        )
    _partij_past(swv, soort, oogo, opr_besluit, bestuur, ontstaan_op)
    partij = oogo or opr_besluit
    if geschil is None and partij is not None and partij.geschillen.exists():
        raise ValidationError(
            {
                "oogo"
                if oogo
                else "opr_besluit": "Hierover is al een geschil vastgelegd; wijzig dat."
            }
        )
    if instantie and instantie not in instanties(soort):
        raise ValidationError(
            {
                "instantie": "Een geschil van deze soort gaat naar zijn eigen commissie of de rechter."
            }
        )
    if bool(instantie) != bool(voorgelegd_op):
        raise ValidationError(
            {
                "voorgelegd_op": "Vul in aan wie en wanneer het geschil is voorgelegd, of geen van beide."
            }
        )
    if voorgelegd_op and voorgelegd_op < ontstaan_op:
        raise ValidationError(
            {
                "voorgelegd_op": f"Het geschil ontstond op {_datum(ontstaan_op)}; het kan niet eerder zijn voorgelegd."
            }
        )
    if bool(uitspraak) != bool(uitspraak_op):
        raise ValidationError(
            {"uitspraak_op": "Vul de uitspraak en de datum ervan allebei in, of allebei niet."}
        )
    if uitspraak and uitspraak != Uitspraak.INGETROKKEN and not voorgelegd_op:
        raise ValidationError(
            {"uitspraak": "Een uitspraak volgt op het voorleggen; vul in aan wie en wanneer."}
        )
    begin = voorgelegd_op or ontstaan_op
    if uitspraak_op and uitspraak_op < begin:
        raise ValidationError(
            {"uitspraak_op": f"De uitspraak kan niet vóór {_datum(begin)} liggen."}
        )
    velden = {
        "ontstaan_op": ontstaan_op,
        "instantie": instantie,
        "voorgelegd_op": voorgelegd_op,
        "uitspraak": uitspraak,
        "uitspraak_op": uitspraak_op,
        "toelichting": toelichting,
    }
    with namens(door):
        if geschil is None:
            return Geschil.objects.create(
                swv=swv, soort=soort, oogo=oogo, opr_besluit=opr_besluit, bestuur=bestuur, **velden
            )
        return bewaar_versie(geschil, verwachte_versie, **velden)


def _partij_past(swv, soort, oogo, opr_besluit, bestuur, ontstaan_op):
    """The party must be of the dispute's kind, of this SWV, and in dispute by then."""
    if soort == Geschilsoort.OOGO:
        if oogo is None or oogo.ondersteuningsplan.swv_id != swv.pk:
            raise ValidationError({"oogo": "Kies het overleg met de gemeente."})
        if oogo.status != OOGOStatus.GESCHIL:
            raise ValidationError({"oogo": "Dit overleg is niet in een geschil geëindigd."})
        if ontstaan_op < oogo.datum_uitkomst:
            raise ValidationError(
                {
                    "ontstaan_op": f"Het overleg eindigde op {_datum(oogo.datum_uitkomst)} in een geschil; niet eerder."
                }
            )
    elif soort == Geschilsoort.OPR:
        if opr_besluit is None or opr_besluit.ondersteuningsplan.swv_id != swv.pk:
            raise ValidationError(
                {"opr_besluit": "Kies het besluit van de ondersteuningsplanraad."}
            )
        if opr_besluit.besluit != Besluit.GEEN_INSTEMMING:
            raise ValidationError(
                {"opr_besluit": "Een geschil volgt op een besluit zonder instemming."}
            )
        if ontstaan_op < opr_besluit.datum_besluit:
            raise ValidationError(
                {
                    "ontstaan_op": f"De raad besloot op {_datum(opr_besluit.datum_besluit)}; het geschil kan niet eerder zijn ontstaan."
                }
            )
    elif soort == Geschilsoort.BESTUUR:
        if bestuur is None or not Lidmaatschap.objects.filter(swv=swv, bestuur=bestuur).exists():
            raise ValidationError({"bestuur": "Kies een bestuur dat lid is of was."})
    else:
        raise ValidationError({"soort": "Kies de soort geschil."})


def leg_toelichting_vast(
    *,
    swv: Samenwerkingsverband,
    mijlpaal: Mijlpaal,
    cyclus: int,
    tekst: str,
    verwacht_op: datetime.date | None,
    door,
    document=None,
    toelichting: Toelichting | None = None,
    verwachte_versie: int | None = None,
) -> Toelichting:
    """Records (or changes) the SWV's explanation of a milestone, or of one cycle of a
    recurring one, that is missed, met late or at risk today (ADR 0082)."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf de toelichting."})
    vandaag = timezone.localdate()
    stand = next(
        (s for s in selectors.standen_van(swv, vandaag) if s.mijlpaal.pk == mijlpaal.pk), None
    )
    verklaarbaar = {v.cyclus: v for v in toelichtingen.te_verklaren(stand)} if stand else {}
    if cyclus not in verklaarbaar:
        raise ValidationError(
            {
                "mijlpaal": "Deze mijlpaal is niet gemist, niet te laat behaald en loopt geen "
                "risico: een toelichting is niet nodig."
            }
        )
    if verwacht_op is not None:
        if verklaarbaar[cyclus].status == Status.TE_LAAT:
            raise ValidationError(
                {"verwacht_op": "De mijlpaal is al behaald; laat de verwachte datum leeg."}
            )
        if verwacht_op < vandaag:
            raise ValidationError({"verwacht_op": "Een verwachte datum ligt vandaag of later."})
    if document is not None and document.swv_id != swv.pk:
        raise ValidationError(
            {"document": "Dit document hoort bij een ander samenwerkingsverband."}
        )
    velden = {
        "tekst": tekst,
        "verwacht_op": verwacht_op,
        "document": document,
        "gewijzigd_op": timezone.now(),
        "gewijzigd_door": door,
    }
    with namens(door):
        if toelichting is None:
            try:
                with transaction.atomic():
                    return Toelichting.objects.create(
                        swv=swv, mijlpaal=mijlpaal, cyclus=cyclus, **velden
                    )
            except IntegrityError:
                raise ValidationError(
                    "Er is intussen al een toelichting vastgelegd; open de pagina opnieuw om "
                    "die te wijzigen."
                ) from None
        return bewaar_versie(toelichting, verwachte_versie, **velden)
