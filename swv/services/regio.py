"""Import of the legal region table (Regeling regio-indeling, bijlage): PC4 → gemeente, PO-SWV,
VO-SWV."""

import datetime
import re
from collections import Counter, defaultdict
from pathlib import Path

from django.db import transaction

from accounts.audit import in_bulk
from swv.models import (
    REGIO_INGANGSDATUM,
    SWV_CODE,
    Gemeente,
    Postcodegebied,
    Regiotoewijzing,
    Samenwerkingsverband,
    Sector,
)
from swv.services.csv_import import Importverslag, lees_csv

KOLOMMEN = {"pc4", "gemeente", "po_swv", "vo_swv"}

#: The placeholder the region table uses for the port area, which lies in no SWV.
EUROPOORT = "europoort"

#: The three SWVs that started zorgplicht and allocation a year early (1 August 2013), named in
#: the Regeling (experiment passend onderwijs): po Haarlem, vo Helmond, vo Utrecht.
EXPERIMENTEN = frozenset({"PO2704", "VO3008", "VO2601"})

PC4 = re.compile(r"^\d{4}$")


def swv_naam(sector: str, gemeenten: Counter) -> str:
    """A working name from the region's largest gemeenten; the beheerder may replace it."""
    grootste = [naam for naam, _ in gemeenten.most_common(2)]
    naam = "-".join(grootste)
    if len(gemeenten) > 2:
        naam += " e.o."
    return f"Samenwerkingsverband {sector} {naam}"


@transaction.atomic
def importeer_regio_indeling(
    pad: Path, geldig_van: datetime.date = REGIO_INGANGSDATUM
) -> Importverslag:
    """Reads the table and brings gemeenten, SWVs, PC4 areas and their assignments in line with
    it. Idempotent. A PC4 that moves to another SWV gets a new assignment from `geldig_van`;
    the old one ends that day."""
    verslag = Importverslag(pad.name)
    rijen = lees_csv(pad, KOLOMMEN, verslag)

    geldig: dict[str, tuple[str, str | None, str | None]] = {}
    gemeenten_per_swv: dict[str, Counter] = defaultdict(Counter)
    for regel, rij in rijen:
        pc4, gemeente = rij["pc4"], rij["gemeente"]
        codes = {Sector.PO: rij["po_swv"].upper(), Sector.VO: rij["vo_swv"].upper()}
        if not PC4.match(pc4):
            verslag.weiger(regel, f"'{pc4}' is geen viercijferige postcode; overgeslagen")
            continue
        if not gemeente:
            verslag.weiger(regel, f"PC4 {pc4} heeft geen gemeente; overgeslagen")
            continue
        if pc4 in geldig:
            verslag.weiger(regel, f"PC4 {pc4} staat twee keer in het bestand; de eerste telt")
            continue
        toegewezen = {}
        for sector, code in codes.items():
            if code.lower() == EUROPOORT:
                continue
            match = SWV_CODE.match(code)
            if not match or match[1] != sector:
                verslag.weiger(
                    regel, f"PC4 {pc4}: '{code}' is geen {sector}-code zoals {sector}2707"
                )
                continue
            toegewezen[sector] = code
            gemeenten_per_swv[code][gemeente] += 1
        if not toegewezen and EUROPOORT in (c.lower() for c in codes.values()):
            verslag.meld(
                regel,
                f"PC4 {pc4} ({gemeente}) is het havengebied Europoort: geen samenwerkingsverband",
            )
        geldig[pc4] = (gemeente, toegewezen.get(Sector.PO), toegewezen.get(Sector.VO))

    gemeenten = _gemeenten({g for g, _, _ in geldig.values()}, verslag)
    swvs = _samenwerkingsverbanden(gemeenten_per_swv, verslag)
    gebieden = _postcodegebieden(geldig, gemeenten, verslag)
    _toewijzingen(geldig, gebieden, swvs, geldig_van, verslag)
    _meld_gedeelde_gemeenten(geldig, verslag)
    lopend = set(
        Regiotoewijzing.objects.filter(geldig_tot__isnull=True).values_list(
            "postcodegebied__pc4", flat=True
        )
    )
    ontbrekend = len(lopend - geldig.keys())
    if ontbrekend:
        verslag.meld(
            None,
            f"{ontbrekend} PC4-gebieden met een samenwerkingsverband staan niet in het bestand; "
            "een import beëindigt geen toewijzing, ze blijven staan",
        )
    return verslag


def _gemeenten(namen: set[str], verslag: Importverslag) -> dict[str, Gemeente]:
    bestaand = {g.naam: g for g in Gemeente.objects.filter(naam__in=namen)}
    nieuw = Gemeente.objects.bulk_create(
        [Gemeente(naam=naam) for naam in sorted(namen - bestaand.keys())]
    )
    in_bulk(nieuw, tekst=lambda g: g.naam)
    verslag.tel("gemeenten aangemaakt", len(nieuw))
    verslag.tel("gemeenten ongewijzigd", len(bestaand))
    return {g.naam: g for g in [*bestaand.values(), *nieuw]}


def _samenwerkingsverbanden(
    gemeenten_per_swv: dict[str, Counter], verslag: Importverslag
) -> dict[str, Samenwerkingsverband]:
    bestaand = {s.code: s for s in Samenwerkingsverband.objects.filter(code__in=gemeenten_per_swv)}
    nieuw = Samenwerkingsverband.objects.bulk_create(
        [
            Samenwerkingsverband(
                code=code,
                sector=code[:2],
                naam=swv_naam(code[:2], gemeenten_per_swv[code]),
                experiment=code in EXPERIMENTEN,
            )
            for code in sorted(gemeenten_per_swv.keys() - bestaand.keys())
        ]
    )
    in_bulk(nieuw, tekst=lambda s: s.code)
    for sector in Sector:
        verslag.tel(
            f"samenwerkingsverbanden {sector} aangemaakt",
            sum(1 for s in nieuw if s.sector == sector),
        )
    verslag.tel("samenwerkingsverbanden ongewijzigd", len(bestaand))
    return {s.code: s for s in [*bestaand.values(), *nieuw]}


def _postcodegebieden(geldig, gemeenten, verslag) -> dict[str, Postcodegebied]:
    bestaand = {p.pc4: p for p in Postcodegebied.objects.select_related("gemeente")}
    nieuw = []
    for pc4, (gemeente, _, _) in geldig.items():
        gebied = bestaand.get(pc4)
        if gebied is None:
            nieuw.append(Postcodegebied(pc4=pc4, gemeente=gemeenten[gemeente]))
        elif gebied.gemeente.naam != gemeente:
            verslag.meld(None, f"PC4 {pc4} gaat van {gebied.gemeente.naam} naar {gemeente}")
            gebied.gemeente = gemeenten[gemeente]
            gebied.save(update_fields=["gemeente"])
            verslag.tel("postcodegebieden bijgewerkt")
        else:
            verslag.tel("postcodegebieden ongewijzigd")
    Postcodegebied.objects.bulk_create(nieuw)
    verslag.tel("postcodegebieden aangemaakt", len(nieuw))
    bestaand.update({p.pc4: p for p in nieuw})
    return bestaand


def _toewijzingen(geldig, gebieden, swvs, geldig_van, verslag):
    lopend = {
        (t.postcodegebied.pc4, t.sector): t
        for t in Regiotoewijzing.objects.filter(geldig_tot__isnull=True).select_related(
            "postcodegebied", "swv"
        )
    }
    # The assignments that ended the day a running one began: importing the previous file
    # again with the same date puts those back (a correction, not a second move).
    vorige_van = {
        (t.postcodegebied.pc4, t.sector): t
        for t in Regiotoewijzing.objects.filter(
            geldig_tot__in={t.geldig_van for t in lopend.values()}
        ).select_related("postcodegebied", "swv")
        if (huidig := lopend.get((t.postcodegebied.pc4, t.sector))) is not None
        and huidig.geldig_van == t.geldig_tot
    }
    nieuw = []
    for pc4, (_, po, vo) in geldig.items():
        for sector, code in ((Sector.PO, po), (Sector.VO, vo)):
            if code is None:
                continue
            huidig = lopend.get((pc4, sector))
            if huidig is not None and huidig.swv.code == code:
                verslag.tel("regiotoewijzingen ongewijzigd")
                continue
            if huidig is not None and geldig_van == huidig.geldig_van:
                vorige = vorige_van.get((pc4, sector))
                if vorige is not None and vorige.swv.code == code:
                    _draai_terug(huidig, vorige, verslag)
                    continue
            if huidig is not None:
                if geldig_van <= huidig.geldig_van:
                    verslag.weiger(
                        None,
                        f"PC4 {pc4} hoort bij {huidig.swv.code} sinds {huidig.geldig_van:%d-%m-%Y}; "
                        f"een overgang naar {code} vraagt een latere datum 'geldig van'; niet gewijzigd",
                    )
                    continue
                huidig.geldig_tot = geldig_van
                huidig.save(update_fields=["geldig_tot"])
                verslag.meld(
                    None,
                    f"PC4 {pc4} gaat op {geldig_van:%d-%m-%Y} van {huidig.swv.code} naar {code}",
                )
                verslag.tel("regiotoewijzingen beëindigd")
            nieuw.append(
                Regiotoewijzing(
                    postcodegebied=gebieden[pc4],
                    swv=swvs[code],
                    sector=sector,
                    geldig_van=geldig_van,
                )
            )
    Regiotoewijzing.objects.bulk_create(nieuw)
    verslag.tel("regiotoewijzingen aangemaakt", len(nieuw))


def _draai_terug(huidig: Regiotoewijzing, vorige: Regiotoewijzing, verslag: Importverslag):
    """Undoes a move recorded from the same date: the new assignment goes, the old one runs on."""
    pc4 = huidig.postcodegebied.pc4
    verslag.meld(
        None,
        f"PC4 {pc4}: de overgang van {vorige.swv.code} naar {huidig.swv.code} op "
        f"{huidig.geldig_van:%d-%m-%Y} wordt teruggedraaid",
    )
    huidig.delete()
    vorige.geldig_tot = None
    vorige.save(update_fields=["geldig_tot"])
    verslag.tel("regiotoewijzingen verwijderd")
    verslag.tel("regiotoewijzingen bijgewerkt")


def _meld_gedeelde_gemeenten(geldig, verslag):
    for index, sector in ((1, Sector.PO), (2, Sector.VO)):
        per_gemeente = defaultdict(set)
        for gemeente, *codes in geldig.values():
            if codes[index - 1]:
                per_gemeente[gemeente].add(codes[index - 1])
        gedeeld = sorted(g for g, codes in per_gemeente.items() if len(codes) > 1)
        if gedeeld:
            verslag.meld(
                None,
                f"{len(gedeeld)} gemeenten liggen in meer dan één {sector}-samenwerkingsverband "
                f"(de PC4 beslist): {', '.join(gedeeld)}",
            )
