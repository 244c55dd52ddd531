"""A believable history of every samenwerkingsverband, generated from a seed.

Most SWVs are founded well before 1 November 2013, some late, a few miss deadlines; the three
experiment SWVs run a year ahead. On 1 February 2013, the peildatum of the first
voortgangsrapportage, the demo's monitor shows what that report showed: each SWV has a rank in
its sector, and the most advanced get a date before that day for as many SWVs as the report
counted (`EERSTE_STAND`). Each SWV draws its dates from its own random stream (seed + code), so
the same seed and day give the same data.
Dates follow the order rules of the steps by construction; a test checks that they do.
"""

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from faker import Faker

from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Feit,
    Geleding,
    Geschil,
    Geschilsoort,
    Instantie,
    Ondersteuningsplan,
    OOGOStatus,
    OPRBesluit,
    OPRLid,
    Rechtsvorm,
    Uitspraak,
    Werkagenda,
)
from ondersteuningsplan.selectors import plus_jaren
from ondersteuningsplan.stappen import Stap
from swv.models import (
    CATEGORIEEN_PER_SECTOR,
    Leerlingtelling,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolsoort,
    Sector,
)
from toezicht.models import (
    Duur,
    Indieningsstatus,
    Schorsingsduur,
    Schorsingtelling,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Verzuimsoort,
)

D = datetime.date

#: Share of SWVs per kind of progress.
PROFIELEN = (("vroeg", 0.35), ("op_tijd", 0.45), ("laat", 0.15), ("achter", 0.05))

#: The peildatum of the first voortgangsrapportage, and the share of SWVs (po, vo) that had
#: passed each step on it as that report gave them. The demo gives exactly so many SWVs of a
#: sector a date on or before the peildatum: the most advanced by their rank (`Generator.rang`).
EERSTE_PEILDATUM = D(2013, 2, 1)
EERSTE_STAND = {
    Stap.HOOFDLIJNENNOTITIE_OPGESTELD: {"PO": 0.87, "VO": 0.87},
    Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD: {"PO": 0.65, "VO": 0.56},
    Stap.CONCEPT_STATUTEN: {"PO": 0.38, "VO": 0.39},
    Stap.WERKGROEPEN_INGERICHT: {"PO": 0.87, "VO": 0.85},
    Stap.SOP_OPGESTELD: {"PO": 0.30, "VO": 0.37},
    Stap.BASISONDERSTEUNING_BESCHREVEN: {"PO": 0.34, "VO": 0.59},
    Stap.CONCEPT_OP_GEREED: {"PO": 0.0, "VO": 0.05},
}
#: Nine SWVs had founded their rechtspersoon by the first peildatum: five po, four vo.
EERSTE_OPGERICHT = {"PO": 5, "VO": 4}

EERSTE_TELDATUM_JAAR = 2012
#: Suspensions longer than one day per two-monthly round, per school of the region: short ones
#: are far more common than long ones, and a vo school (larger, older pupils) suspends far more
#: often than a po school.
SCHORSINGEN = {
    Sector.PO: (
        (Schoolsoort.BAO, Schorsingsduur.KORT, 0.06),
        (Schoolsoort.BAO, Schorsingsduur.LANG, 0.015),
        (Schoolsoort.SBO, Schorsingsduur.KORT, 0.02),
        (Schoolsoort.SBO, Schorsingsduur.LANG, 0.005),
        (Schoolsoort.SO, Schorsingsduur.KORT, 0.03),
        (Schoolsoort.SO, Schorsingsduur.LANG, 0.01),
    ),
    Sector.VO: (
        (Schoolsoort.VO, Schorsingsduur.KORT, 1.0),
        (Schoolsoort.VO, Schorsingsduur.LANG, 0.25),
        (Schoolsoort.VSO, Schorsingsduur.KORT, 0.2),
        (Schoolsoort.VSO, Schorsingsduur.LANG, 0.08),
    ),
}
EERSTE_THUISZITTERPERIODE = D(2015, 11, 1)


@dataclass
class Plan:
    """An OP version with its facts and OPR decisions, before saving."""

    op: Ondersteuningsplan
    feiten: list[Feit] = field(default_factory=list)
    besluiten: list[OPRBesluit] = field(default_factory=list)
    oogo: list[OOGO] = field(default_factory=list)


@dataclass
class Resultaat:
    feiten: list[Feit] = field(default_factory=list)
    plannen: list[Plan] = field(default_factory=list)
    opr_leden: list[OPRLid] = field(default_factory=list)
    tellingen: list[Leerlingtelling] = field(default_factory=list)
    registraties: list[
        tuple[Thuiszitterregistratie, list[Thuiszittertelling | Schorsingtelling]]
    ] = field(default_factory=list)
    werkagendas: list[Werkagenda] = field(default_factory=list)
    geschillen: list[Geschil] = field(default_factory=list)


class Generator:
    def __init__(self, seed: int, vandaag: datetime.date, rondes=()):
        self.seed = seed
        self.vandaag = vandaag
        self.rondes = list(rondes)
        self.rang: dict[int, float] = {}
        self.aantal: dict[str, int] = {}

    def rangschik(self, swvs):
        """Each SWV's place among its sector's, from 0 (most advanced) to 1: the experiment
        SWVs first (they run a year ahead), the others in an order drawn from the seed."""
        per_sector = defaultdict(list)
        for swv in swvs:
            per_sector[swv.sector].append(swv)
        for sector, lijst in per_sector.items():
            lijst.sort(key=lambda swv: (not swv.experiment, self.rng(swv, "rang").random()))
            self.aantal[sector] = len(lijst)
            for plek, swv in enumerate(lijst):
                self.rang[swv.pk] = (plek + 0.5) / len(lijst)

    def al_op_eerste_peildatum(self, swv, stap: Stap) -> bool:
        """Whether this SWV had passed `stap` by the first voortgangsrapportage."""
        return self.rang.get(swv.pk, 1.0) < EERSTE_STAND[stap][swv.sector]

    def rond_eerste_peildatum(self, rng, swv, stap, van, tot) -> datetime.date:
        """A date in [van, tot] on the side of the first peildatum this SWV is on for `stap`."""
        if self.al_op_eerste_peildatum(swv, stap):
            return self.tussen(rng, van, min(tot, EERSTE_PEILDATUM))
        na = EERSTE_PEILDATUM + datetime.timedelta(days=1)
        return self.tussen(rng, max(van, na), max(tot, na))

    def rng(self, swv: Samenwerkingsverband, doel: str) -> random.Random:
        return random.Random(f"{self.seed}:{swv.code}:{doel}")

    @staticmethod
    def tussen(rng: random.Random, van: datetime.date, tot: datetime.date) -> datetime.date:
        return van + datetime.timedelta(days=rng.randint(0, max(0, (tot - van).days)))

    @staticmethod
    def dagen(rng: random.Random, minimum: int, maximum: int) -> datetime.timedelta:
        return datetime.timedelta(days=rng.randint(minimum, maximum))

    def profiel(self, swv: Samenwerkingsverband) -> str:
        if swv.experiment:
            return "vroeg"
        rng = self.rng(swv, "profiel")
        return rng.choices([p for p, _ in PROFIELEN], [w for _, w in PROFIELEN])[0]

    def genereer(
        self, swvs, gemeenten_per_swv, scholen_per_swv, besturen_per_swv=None
    ) -> Resultaat:
        resultaat = Resultaat()
        self.rangschik(swvs)
        for swv in swvs:
            profiel = self.profiel(swv)
            resultaat.feiten += self.bestuur(swv, profiel)
            plannen = self.plannen(swv, profiel, gemeenten_per_swv.get(swv.pk, []))
            resultaat.plannen += plannen
            resultaat.geschillen += self.geschillen(
                swv, plannen, (besturen_per_swv or {}).get(swv.pk, [])
            )
            resultaat.opr_leden += self.opr(swv)
            resultaat.tellingen += self.leerlingen(swv, scholen_per_swv.get(swv.pk, 0))
            resultaat.registraties += self.thuiszitters(swv, scholen_per_swv.get(swv.pk, 0))
            resultaat.werkagendas += self.werkagenda(swv)
        return resultaat

    def werkagenda(self, swv) -> list[Werkagenda]:
        """Most SWVs adopted a werkagenda in the autumn of 2012 and asked for the subsidy after
        the teldatum of 1 October; nearly every request was granted some weeks later."""
        rng = self.rng(swv, "werkagenda")
        if rng.random() > 0.9:
            return []
        vastgesteld = self.tussen(rng, D(2012, 9, 3), D(2012, 11, 30))
        agenda = Werkagenda(swv=swv, vastgesteld_op=vastgesteld)
        if rng.random() < 0.85:
            agenda.subsidie_aangevraagd_op = self.tussen(
                rng, max(vastgesteld, D(2012, 10, 2)), D(2012, 12, 21)
            )
            if rng.random() < 0.95:
                agenda.subsidie_toegekend_op = agenda.subsidie_aangevraagd_op + self.dagen(
                    rng, 28, 56
                )
        return [agenda]

    def geschillen(self, swv, plannen: list[Plan], besturen: list[int]) -> list[Geschil]:
        """A few disputes a year over the country: every OOGO that ended in one, some OPR
        refusals put to the LCG WMS (ruled before the plan went to the council again), and now
        and then a board against the SWV. Steps dated after today are left out, so some are
        still open."""
        rng = self.rng(swv, "geschillen")
        geschillen = []
        for plan in plannen:
            for oogo in plan.oogo:
                if oogo.status == OOGOStatus.GESCHIL:
                    geschillen.append(
                        self._verloop(
                            rng,
                            Geschil(swv=swv, soort=Geschilsoort.OOGO, oogo=oogo),
                            oogo.datum_uitkomst,
                            Instantie.OOGO_COMMISSIE,
                        )
                    )
            weigeringen = [b for b in plan.besluiten if b.besluit == Besluit.GEEN_INSTEMMING]
            for besluit in weigeringen:
                if rng.random() < 0.5:
                    continue
                ontstaan = besluit.datum_besluit + self.dagen(rng, 1, 4)
                geschil = Geschil(swv=swv, soort=Geschilsoort.OPR, opr_besluit=besluit)
                geschil.ontstaan_op = ontstaan
                geschil.instantie = Instantie.LCG_WMS
                geschil.voorgelegd_op = ontstaan + self.dagen(rng, 1, 4)
                geschil.uitspraak = rng.choice([Uitspraak.GEGROND, Uitspraak.ONGEGROND])
                geschil.uitspraak_op = geschil.voorgelegd_op + self.dagen(rng, 2, 6)
                geschillen.append(self._tot_vandaag(geschil))
        if besturen and rng.random() < 0.12:
            ontstaan = self.tussen(rng, D(2014, 9, 1), self.vandaag)
            geschillen.append(
                self._verloop(
                    rng,
                    Geschil(swv=swv, soort=Geschilsoort.BESTUUR, bestuur_id=rng.choice(besturen)),
                    ontstaan,
                    Instantie.GESCHILLENCOMMISSIE,
                )
            )
        return [g for g in geschillen if g.ontstaan_op <= self.vandaag]

    def _verloop(self, rng, geschil: Geschil, ontstaan, instantie) -> Geschil:
        """Most disputes go to their body and get a ruling some months later; the rest are
        withdrawn or settled between the parties."""
        geschil.ontstaan_op = ontstaan
        if rng.random() < 0.7:
            geschil.instantie = instantie
            geschil.voorgelegd_op = ontstaan + self.dagen(rng, 14, 45)
            geschil.uitspraak = rng.choices(
                [Uitspraak.GEGROND, Uitspraak.DEELS_GEGROND, Uitspraak.ONGEGROND], [2, 1, 2]
            )[0]
            geschil.uitspraak_op = geschil.voorgelegd_op + self.dagen(rng, 40, 120)
        else:
            geschil.uitspraak = Uitspraak.INGETROKKEN
            geschil.uitspraak_op = ontstaan + self.dagen(rng, 30, 90)
        return self._tot_vandaag(geschil)

    def _tot_vandaag(self, geschil: Geschil) -> Geschil:
        if geschil.uitspraak_op and geschil.uitspraak_op > self.vandaag:
            geschil.uitspraak, geschil.uitspraak_op = "", None
        if geschil.voorgelegd_op and geschil.voorgelegd_op > self.vandaag:
            geschil.instantie, geschil.voorgelegd_op = "", None
        return geschil

    def verschuiving(self, swv) -> datetime.timedelta:
        """Experiment SWVs run a year ahead."""
        return datetime.timedelta(days=-365 if swv.experiment else 0)

    def bestuur(self, swv, profiel) -> list[Feit]:
        rng, schuif = self.rng(swv, "bestuur"), self.verschuiving(swv)
        if self.al_op_eerste_peildatum(swv, Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD):
            # Accorded by the first peildatum, so drawn up at least twenty days before it.
            twintig = datetime.timedelta(days=20)
            opgesteld = self.tussen(rng, D(2012, 9, 1), EERSTE_PEILDATUM - twintig)
            geaccordeerd = self.tussen(rng, opgesteld + twintig, EERSTE_PEILDATUM)
        else:
            opgesteld = self.rond_eerste_peildatum(
                rng, swv, Stap.HOOFDLIJNENNOTITIE_OPGESTELD, D(2012, 9, 1), D(2013, 3, 10)
            )
            geaccordeerd = max(opgesteld, EERSTE_PEILDATUM) + self.dagen(rng, 20, 120)
        # One of the SWVs founded by the first peildatum (the most advanced of its sector)?
        eerste = self.rang.get(swv.pk, 1.0) * self.aantal.get(swv.sector, 1) < (
            EERSTE_OPGERICHT.get(swv.sector, 0)
        )
        if eerste:
            statuten = self.tussen(rng, D(2012, 10, 15), EERSTE_PEILDATUM - self.dagen(rng, 14, 14))
        else:
            statuten = self.rond_eerste_peildatum(
                rng,
                swv,
                Stap.CONCEPT_STATUTEN,
                D(2012, 10, 15),
                D(2013, 3, 15) if profiel == "vroeg" else D(2013, 7, 31),
            )
        oprichting = {
            "vroeg": (D(2012, 12, 15), D(2013, 7, 15)),
            "op_tijd": (D(2013, 7, 1), D(2013, 10, 28)),
            "laat": (D(2013, 11, 4), D(2014, 1, 31)),
            "achter": (D(2014, 2, 1), D(2014, 6, 30)),
        }[profiel]
        if eerste:
            # Founded between its concept statutes and the first peildatum.
            opgericht = self.tussen(rng, statuten + datetime.timedelta(days=7), EERSTE_PEILDATUM)
        else:
            opgericht = max(
                self.tussen(rng, *oprichting),
                statuten + self.dagen(rng, 7, 40),
                EERSTE_PEILDATUM + self.dagen(rng, 1, 30),
            )
        rechtsvorm = Rechtsvorm.VERENIGING if rng.random() < 0.15 else Rechtsvorm.STICHTING
        feiten = [
            Feit(swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=opgesteld + schuif),
            Feit(swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD, datum=geaccordeerd + schuif),
            Feit(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=statuten + schuif),
            Feit(
                swv=swv,
                stap=Stap.RECHTSPERSOON_OPGERICHT,
                datum=opgericht + schuif,
                rechtsvorm=rechtsvorm,
                opmerking=f"Statuten gepasseerd bij de notaris; {rechtsvorm.label.lower()}.",
            ),
        ]
        gezondheid = {
            "vroeg": (D(2014, 1, 15), D(2014, 6, 30)),
            "op_tijd": (D(2014, 2, 1), D(2014, 7, 25)),
            "laat": (D(2014, 6, 1), D(2014, 10, 31)),
            "achter": (D(2014, 9, 1), D(2015, 3, 31)),
        }[profiel]
        feiten.append(
            Feit(
                swv=swv,
                stap=Stap.GEZONDHEIDSADMINISTRATIE,
                datum=self.tussen(rng, *gezondheid) + schuif,
            )
        )
        return [f for f in feiten if f.datum <= self.vandaag]

    def plannen(self, swv, profiel, gemeenten) -> list[Plan]:
        rng, schuif = self.rng(swv, "op"), self.verschuiving(swv)
        van = D(2014, 8, 1) + schuif
        eerste = Plan(
            Ondersteuningsplan(
                swv=swv,
                titel=f"Ondersteuningsplan {van.year}-{van.year + 4}",
                periode_van=van,
                periode_tot=plus_jaren(van, 4) - datetime.timedelta(days=1),
            )
        )
        concept = {
            "vroeg": (D(2013, 9, 1), D(2013, 11, 30)),
            "op_tijd": (D(2013, 11, 1), D(2014, 1, 15)),
            "laat": (D(2014, 1, 10), D(2014, 3, 15)),
            "achter": (D(2014, 3, 1), D(2014, 6, 30)),
        }[profiel]
        rond = self.rond_eerste_peildatum
        datums = {
            Stap.WERKGROEPEN_INGERICHT: rond(
                rng, swv, Stap.WERKGROEPEN_INGERICHT, D(2012, 9, 15), D(2013, 4, 30)
            ),
            Stap.BASISONDERSTEUNING_BESCHREVEN: rond(
                rng, swv, Stap.BASISONDERSTEUNING_BESCHREVEN, D(2012, 10, 1), D(2013, 9, 30)
            ),
            Stap.SOP_OPGESTELD: rond(rng, swv, Stap.SOP_OPGESTELD, D(2012, 10, 1), D(2013, 11, 30)),
            Stap.CONCEPT_OP_GEREED: (
                self.tussen(rng, D(2012, 11, 1), EERSTE_PEILDATUM)
                if self.al_op_eerste_peildatum(swv, Stap.CONCEPT_OP_GEREED)
                else self.tussen(rng, *concept)
            ),
        }
        herbesteding = {
            "vroeg": (D(2014, 3, 1), D(2015, 3, 31)),
            "op_tijd": (D(2014, 6, 1), D(2015, 6, 30)),
            "laat": (D(2015, 5, 1), D(2015, 10, 31)),
            "achter": (D(2015, 9, 1), D(2016, 6, 30)),
        }[profiel]
        datums[Stap.HERBESTEDING_VSO] = self.tussen(rng, *herbesteding)
        self.vul_plan(eerste, swv, rng, {s: d + schuif for s, d in datums.items()}, gemeenten)
        plannen = [eerste]

        vorige = eerste
        while True:
            vastgesteld = next(
                (f.datum for f in vorige.feiten if f.stap == Stap.OP_VASTGESTELD), None
            )
            if vastgesteld is None:
                break
            termijn = plus_jaren(vastgesteld, 4)
            kans = rng.random()
            if profiel == "achter" and termijn.year >= 2025:
                doel = termijn + self.dagen(rng, 60, 400)
            elif kans < 0.12:
                doel = termijn + self.dagen(rng, 10, 120)
            elif kans < 0.25:
                doel = termijn - self.dagen(rng, 0, 9)
            else:
                doel = termijn - self.dagen(rng, 10, 150)
            concept_datum = doel - self.dagen(rng, 60, 150)
            if concept_datum > self.vandaag:
                break
            van = plus_jaren(vorige.op.periode_van, 4)
            plan = Plan(
                Ondersteuningsplan(
                    swv=swv,
                    titel=f"Ondersteuningsplan {van.year}-{van.year + 4}",
                    periode_van=van,
                    periode_tot=plus_jaren(van, 4) - datetime.timedelta(days=1),
                )
            )
            datums = {
                Stap.WERKGROEPEN_INGERICHT: concept_datum - self.dagen(rng, 90, 200),
                Stap.CONCEPT_OP_GEREED: concept_datum,
            }
            self.vul_plan(plan, swv, rng, datums, gemeenten, vastgesteld_op=doel)
            plannen.append(plan)
            vorige = plan
        return plannen

    def vul_plan(self, plan, swv, rng, datums, gemeenten, vastgesteld_op=None):
        """Adds consultation, the OPR decision, adoption and submission after the concept, in
        the order the law sets; steps that would fall after today are left out."""
        concept = datums[Stap.CONCEPT_OP_GEREED]
        datums[Stap.AFGESTEMD_ANDERE_SWV] = concept + self.dagen(rng, 5, 50)
        afgestemd = concept + self.dagen(rng, 10, 70)
        datums[Stap.AFGESTEMD_GEMEENTEN] = afgestemd
        voorgelegd = concept + self.dagen(rng, 3, 25)
        if rng.random() < 0.06:
            geweigerd = voorgelegd + self.dagen(rng, 20, 40)
            plan.besluiten.append(
                OPRBesluit(
                    ondersteuningsplan=plan.op,
                    datum_voorgelegd=voorgelegd,
                    besluit=Besluit.GEEN_INSTEMMING,
                    datum_besluit=geweigerd,
                    toelichting="De OPR mist afspraken over de inzet van de middelen per bestuur.",
                )
            )
            voorgelegd = geweigerd + self.dagen(rng, 14, 35)
        akkoord = voorgelegd + self.dagen(rng, 14, 60)
        if vastgesteld_op is not None:
            akkoord = min(akkoord, vastgesteld_op - datetime.timedelta(days=3))
            voorgelegd = min(voorgelegd, akkoord - datetime.timedelta(days=7))
        if voorgelegd <= self.vandaag:
            akkoord_vandaag = akkoord <= self.vandaag
            plan.besluiten.append(
                OPRBesluit(
                    ondersteuningsplan=plan.op,
                    datum_voorgelegd=voorgelegd,
                    besluit=Besluit.INSTEMMING if akkoord_vandaag else "",
                    datum_besluit=akkoord if akkoord_vandaag else None,
                )
            )
        vastgesteld = vastgesteld_op or akkoord + self.dagen(rng, 7, 35)
        datums[Stap.OP_VASTGESTELD] = vastgesteld
        datums[Stap.OP_AANGEBODEN_INSPECTIE] = vastgesteld + self.dagen(rng, 1, 14)
        for stap, datum in datums.items():
            if datum <= self.vandaag:
                plan.feiten.append(
                    Feit(swv=swv, ondersteuningsplan=plan.op, stap=stap, datum=datum)
                )
        for gemeente in gemeenten:
            gepland = concept - self.dagen(rng, 10, 40)
            gehouden = afgestemd - self.dagen(rng, 0, 20)
            if gepland > self.vandaag:
                continue
            if gehouden > self.vandaag:
                plan.oogo.append(
                    OOGO(
                        ondersteuningsplan=plan.op,
                        gemeente=gemeente,
                        status=OOGOStatus.GEPLAND,
                        datum_gepland=gehouden,
                    )
                )
                continue
            geschil = rng.random() < 0.04
            plan.oogo.append(
                OOGO(
                    ondersteuningsplan=plan.op,
                    gemeente=gemeente,
                    status=OOGOStatus.GESCHIL if geschil else OOGOStatus.OVEREENSTEMMING,
                    datum_gepland=gepland,
                    datum_gehouden=gehouden,
                    datum_uitkomst=max(gehouden, min(afgestemd, self.vandaag)),
                )
            )

    def opr(self, swv) -> list[OPRLid]:
        rng = self.rng(swv, "opr")
        nep = Faker("nl_NL")
        nep.seed_instance(f"{self.seed}:{swv.code}")
        zetels = [Geleding.PERSONEEL] * 4 + [Geleding.OUDERS] * 4
        if swv.sector == Sector.VO:
            zetels = [Geleding.PERSONEEL] * 3 + [Geleding.OUDERS] * 3 + [Geleding.LEERLINGEN] * 2
        leden = []
        for geleding in zetels:
            begin = self.tussen(rng, D(2013, 1, 1), D(2013, 6, 30)) + self.verschuiving(swv)
            while begin <= self.vandaag:
                einde = plus_jaren(begin, 4)
                leden.append(
                    OPRLid(
                        swv=swv,
                        naam="" if geleding == Geleding.LEERLINGEN else nep.name(),
                        geleding=geleding,
                        begin_termijn=begin,
                        einde_termijn=einde,
                    )
                )
                begin = einde
        return leden

    def leerlingen(self, swv, aantal_scholen) -> list[Leerlingtelling]:
        rng = self.rng(swv, "leerlingen")
        if swv.sector == Sector.PO:
            basis = max(aantal_scholen, 8) * rng.randint(180, 260)
            aandelen = {
                "sbo": rng.uniform(0.015, 0.045),
                "so_cl1": rng.uniform(0.0003, 0.0008),
                "so_cl2": rng.uniform(0.003, 0.007),
                "so_cl34": rng.uniform(0.010, 0.028),
            }
            trend = {"sbo": -0.0008, "so_cl1": 0.0, "so_cl2": -0.0001, "so_cl34": 0.0003}
        else:
            basis = rng.randint(6000, 22000)
            aandelen = {
                "lwoo": rng.uniform(0.06, 0.14),
                "pro": rng.uniform(0.02, 0.05),
                "vso_cl1": rng.uniform(0.0003, 0.0008),
                "vso_cl2": rng.uniform(0.002, 0.005),
                "vso_cl34": rng.uniform(0.02, 0.05),
            }
            trend = {
                "lwoo": -0.002,
                "pro": 0.0002,
                "vso_cl1": 0.0,
                "vso_cl2": 0.0,
                "vso_cl34": 0.0004,
            }
        hoofd = CATEGORIEEN_PER_SECTOR[swv.sector][0]
        tellingen = []
        jaar = EERSTE_TELDATUM_JAAR
        while D(jaar, 10, 1) <= self.vandaag:
            n = jaar - EERSTE_TELDATUM_JAAR
            totaal = round(basis * (1 + rng.uniform(-0.012, 0.008)) ** n)
            aantallen = {
                cat: max(
                    0, round(totaal * max(0.0, a + n * trend[cat] + rng.uniform(-0.001, 0.001)))
                )
                for cat, a in aandelen.items()
            }
            aantallen[hoofd] = totaal - sum(aantallen.values())
            tellingen += [
                Leerlingtelling(swv=swv, teldatum=D(jaar, 10, 1), categorie=cat, aantal=aantal)
                for cat, aantal in aantallen.items()
            ]
            jaar += 1
        return tellingen

    def thuiszitters(self, swv, aantal_scholen):
        """One submission per round whose period has ended: most on time, some late, a few
        missing in the first year of registration; the newest rounds are still coming in.
        Rounds older than six weeks past their deadline are accepted by the Inspectie."""
        rng = self.rng(swv, "thuiszitters")
        grootte = max(aantal_scholen, 8) * (1.0 if swv.sector == Sector.PO else 1.6)
        registraties = []
        for ronde in self.rondes:
            van, tot = ronde.periode_van, ronde.periode_tot
            if tot >= self.vandaag:
                break
            kans = rng.random()
            if van < D(2016, 11, 1) and kans < 0.04:
                continue  # never submitted, while registering was new
            if kans < 0.78:
                dag = self.tussen(rng, tot + datetime.timedelta(days=1), ronde.deadline)
            else:
                dag = ronde.deadline + self.dagen(rng, 1, 45)
            if dag >= self.vandaag:
                continue  # not in yet
            ingediend_op = datetime.datetime.combine(
                dag, datetime.time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=datetime.UTC
            )
            status = Indieningsstatus.INGEDIEND
            beoordeeld_op = None
            if ronde.deadline + datetime.timedelta(days=42) < self.vandaag:
                status = Indieningsstatus.GEACCEPTEERD
                beoordeeld_op = ingediend_op + self.dagen(rng, 5, 30)
            elif rng.random() < 0.08:
                status = Indieningsstatus.TERUGGESTUURD
                beoordeeld_op = ingediend_op + self.dagen(rng, 1, 5)
            jaren = (van - EERSTE_THUISZITTERPERIODE).days / 365
            verwacht = grootte * 0.35 * max(0.45, 1 - 0.06 * jaren)
            registratie = Thuiszitterregistratie(
                swv=swv,
                ronde=ronde,
                periode_van=van,
                periode_tot=tot,
                ingediend_op=ingediend_op,
                status=status,
                beoordeeld_op=beoordeeld_op,
                reden=(
                    "Controleer het relatief verzuim: het wijkt sterk af van de vorige ronde."
                    if status == Indieningsstatus.TERUGGESTUURD
                    else ""
                ),
            )
            cellen = []
            for soort, aandeel in (
                (Verzuimsoort.RELATIEF, 0.6),
                (Verzuimsoort.ABSOLUUT, 0.25),
                (Verzuimsoort.VRIJSTELLING, 0.15),
            ):
                for duur, deel_duur in ((Duur.KORT, 0.55), (Duur.LANG, 0.45)):
                    for met_aanbod, deel_aanbod in (
                        (True, 0.55 + 0.02 * jaren),
                        (False, 0.45 - 0.02 * jaren),
                    ):
                        gemiddeld = verwacht * aandeel * deel_duur * max(0.05, deel_aanbod)
                        cellen.append(
                            Thuiszittertelling(
                                registratie=registratie,
                                soort=soort,
                                duur=duur,
                                met_aanbod=met_aanbod,
                                aantal=max(0, round(rng.gauss(gemiddeld, gemiddeld * 0.3))),
                            )
                        )
            for schoolsoort, duur, per_school in SCHORSINGEN[swv.sector]:
                gemiddeld = grootte * per_school
                cellen.append(
                    Schorsingtelling(
                        registratie=registratie,
                        schoolsoort=schoolsoort,
                        duur=duur,
                        aantal=max(0, round(rng.gauss(gemiddeld, gemiddeld * 0.4))),
                    )
                )
            registraties.append((registratie, cellen))
        return registraties


def regio_gegevens():
    """Per SWV id: its gemeenten (objects) and its number of schools, in three queries."""
    gemeenten = defaultdict(dict)
    for toewijzing in Regiotoewijzing.objects.filter(geldig_tot__isnull=True).select_related(
        "postcodegebied__gemeente"
    ):
        gemeente = toewijzing.postcodegebied.gemeente
        gemeenten[toewijzing.swv_id][gemeente.pk] = gemeente
    swv_van = {
        (pc4, sector): swv_id
        for pc4, sector, swv_id in Regiotoewijzing.objects.filter(
            geldig_tot__isnull=True
        ).values_list("postcodegebied__pc4", "sector", "swv_id")
    }
    scholen = Counter(
        swv_van.get((pc4, sector))
        for pc4, sector in School.objects.values_list("postcodegebied__pc4", "sector")
    )
    return (
        {swv_id: sorted(g.values(), key=lambda g: g.naam) for swv_id, g in gemeenten.items()},
        scholen,
    )
