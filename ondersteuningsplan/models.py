"""The ondersteuningsplan, its steps as dated facts, the OPR and its decisions, OOGO with the
gemeenten, and the schedule of milestones as data."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from ondersteuningsplan.querysets import OndersteuningsplanQuerySet, ViaOndersteuningsplanQuerySet
from ondersteuningsplan.stappen import FEITSTAPPEN, Stap
from passend.constraints import VeldgerichteControles
from passend.fields import DatumField, VrijeRegelField, VrijeTekstField
from passend.locking import Versiebeheer
from swv.models import (
    Document,
    Gemeente,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    Sector,
    SwvGebonden,
    Toelichtingsvelden,
    swv_veld,
)


class Rechtsvorm(models.TextChoices):
    STICHTING = "stichting", "Stichting"
    VERENIGING = "vereniging", "Vereniging"


class Ondersteuningsplan(SwvGebonden, Versiebeheer):
    swv = swv_veld("ondersteuningsplannen")
    titel = VrijeRegelField("titel", max_length=200)
    periode_van = DatumField("periode van")
    periode_tot = DatumField("periode tot en met")
    document = models.ForeignKey(
        Document,
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = OndersteuningsplanQuerySet.as_manager()

    class Meta:
        verbose_name = "ondersteuningsplan"
        verbose_name_plural = "ondersteuningsplannen"
        ordering = ["swv", "periode_van"]
        constraints = [
            models.UniqueConstraint(fields=["swv", "periode_van"], name="een_op_per_begindatum"),
            models.CheckConstraint(
                condition=Q(periode_tot__gt=models.F("periode_van")),
                name="op_periode_loopt_vooruit",
            ),
        ]

    def __str__(self):
        return self.titel


class Feit(SwvGebonden, Versiebeheer):
    """A step of the monitor, done on a date: the unit from which every milestone status and
    every figure of the voortgangsrapportage is computed."""

    swv = swv_veld("feiten")
    ondersteuningsplan = models.ForeignKey(
        Ondersteuningsplan,
        verbose_name="ondersteuningsplan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feiten",
        help_text="Voor stappen van een ondersteuningsplan: over welke versie het gaat.",
    )
    stap = models.CharField("stap", max_length=40, choices=Stap)
    datum = DatumField("datum", verleden=True)
    opmerking = VrijeTekstField("opmerking", blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rechtsvorm = models.CharField(
        "rechtsvorm",
        max_length=12,
        choices=Rechtsvorm,
        blank=True,
        help_text="Alleen bij 'rechtspersoon opgericht'.",
    )
    afgestemd_met = models.ManyToManyField(
        Samenwerkingsverband,
        verbose_name="afgestemd met",
        blank=True,
        related_name="+",
        help_text="Alleen bij 'afgestemd met andere SWV': de samenwerkingsverbanden van de andere sector.",
    )

    class Meta:
        verbose_name = "feit"
        verbose_name_plural = "feiten"
        ordering = ["swv", "datum", "stap"]
        indexes = [models.Index(fields=["stap", "datum"], name="feit_stap_datum")]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "stap"],
                condition=Q(ondersteuningsplan__isnull=True),
                name="een_swv_feit_per_stap",
            ),
            models.UniqueConstraint(
                fields=["ondersteuningsplan", "stap"],
                condition=Q(ondersteuningsplan__isnull=False),
                name="een_op_feit_per_stap",
            ),
            models.CheckConstraint(condition=Q(stap__in=FEITSTAPPEN), name="feit_is_feitstap"),
            models.CheckConstraint(
                condition=Q(rechtsvorm="") | Q(stap=Stap.RECHTSPERSOON_OPGERICHT),
                name="rechtsvorm_alleen_bij_oprichting",
            ),
        ]

    def __str__(self):
        return f"{self.get_stap_display()} op {self.datum:%d-%m-%Y}"


class Geleding(models.TextChoices):
    PERSONEEL = "personeel", "Personeel"
    OUDERS = "ouders", "Ouders"
    LEERLINGEN = "leerlingen", "Leerlingen"


class OPRLid(SwvGebonden, Versiebeheer):
    """A member of the ondersteuningsplanraad: staff, parents and, in vo, pupils of member
    schools. Adult members' names are recorded; a pupil member is recorded by role only."""

    swv = swv_veld("opr_leden")
    naam = VrijeRegelField(
        "naam",
        max_length=200,
        blank=True,
        help_text="Niet invullen voor een leerling-lid.",
    )
    geleding = models.CharField("geleding", max_length=12, choices=Geleding)
    school = models.ForeignKey(
        School,
        verbose_name="school",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    begin_termijn = DatumField("begin termijn")
    einde_termijn = DatumField("einde termijn", null=True, blank=True)

    class Meta:
        verbose_name = "lid van de ondersteuningsplanraad"
        verbose_name_plural = "leden van de ondersteuningsplanraad"
        ordering = ["swv", "geleding", "begin_termijn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde_termijn__isnull=True)
                | Q(einde_termijn__gt=models.F("begin_termijn")),
                name="opr_termijn_loopt_vooruit",
            ),
            models.CheckConstraint(
                condition=~Q(geleding="leerlingen") | Q(naam=""),
                name="leerling_lid_zonder_naam",
            ),
        ]

    def __str__(self):
        return self.naam or f"{self.get_geleding_display()}-lid"

    def clean(self):
        if self.geleding == Geleding.LEERLINGEN and self.swv.sector != Sector.VO:
            raise ValidationError(
                {
                    "geleding": "Alleen in het voortgezet onderwijs heeft de OPR een leerlingengeleding."
                }
            )


class Besluit(models.TextChoices):
    INSTEMMING = "instemming", "Instemming"
    GEEN_INSTEMMING = "geen_instemming", "Geen instemming"


class OPRBesluit(SwvGebonden, Versiebeheer):
    """The OP put to the ondersteuningsplanraad, and the council's decision once it is taken.
    The monitor's steps 'voorgelegd' and 'akkoord OPR' are read from here."""

    ondersteuningsplan = models.ForeignKey(
        Ondersteuningsplan,
        verbose_name="ondersteuningsplan",
        on_delete=models.CASCADE,
        related_name="opr_besluiten",
    )
    datum_voorgelegd = DatumField("voorgelegd op", verleden=True)
    besluit = models.CharField("besluit", max_length=16, choices=Besluit, blank=True)
    datum_besluit = DatumField("datum besluit", null=True, blank=True, verleden=True)
    notulen = models.ForeignKey(
        Document,
        verbose_name="notulen",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    toelichting = VrijeTekstField("toelichting", blank=True)

    objects = ViaOndersteuningsplanQuerySet.as_manager()

    class Meta:
        verbose_name = "besluit van de ondersteuningsplanraad"
        verbose_name_plural = "besluiten van de ondersteuningsplanraad"
        ordering = ["ondersteuningsplan", "datum_voorgelegd"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(besluit="") & Q(datum_besluit__isnull=True))
                | (~Q(besluit="") & Q(datum_besluit__gte=models.F("datum_voorgelegd"))),
                name="opr_besluit_met_datum_na_voorleggen",
            ),
        ]

    def __str__(self):
        return (
            f"OPR over {self.ondersteuningsplan}: {self.get_besluit_display() or 'in behandeling'}"
        )


class OOGOStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    GEHOUDEN = "gehouden", "Gehouden"
    OVEREENSTEMMING = "overeenstemming", "Overeenstemming bereikt"
    GESCHIL = "geschil", "Geschil"


class OOGO(SwvGebonden, Versiebeheer):
    """Op overeenstemming gericht overleg with one gemeente of the region about one OP."""

    ondersteuningsplan = models.ForeignKey(
        Ondersteuningsplan,
        verbose_name="ondersteuningsplan",
        on_delete=models.CASCADE,
        related_name="oogo",
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField("status", max_length=16, choices=OOGOStatus)
    datum_gepland = DatumField("gepland op", null=True, blank=True)
    datum_gehouden = DatumField("gehouden op", null=True, blank=True, verleden=True)
    datum_uitkomst = DatumField(
        "datum overeenstemming of geschil", null=True, blank=True, verleden=True
    )
    toelichting = VrijeTekstField("toelichting", blank=True)
    verslag = models.ForeignKey(
        Document,
        verbose_name="verslag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ViaOndersteuningsplanQuerySet.as_manager()

    class Meta:
        verbose_name = "OOGO"
        verbose_name_plural = "OOGO"
        ordering = ["ondersteuningsplan", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["ondersteuningsplan", "gemeente"], name="een_oogo_per_gemeente"
            ),
            models.CheckConstraint(
                condition=Q(status="gepland")
                | (Q(datum_gehouden__isnull=False) & Q(status="gehouden"))
                | (
                    Q(datum_gehouden__isnull=False)
                    & Q(datum_uitkomst__gte=models.F("datum_gehouden"))
                ),
                name="oogo_data_passen_bij_status",
            ),
        ]

    def __str__(self):
        return f"OOGO met {self.gemeente}: {self.get_status_display()}"


class Werkagenda(SwvGebonden, Versiebeheer):
    """The werkagenda of an SWV in oprichting (2012): its process and planning towards its
    set-up, its ondersteuningsplan and a personnel plan. With it the SWV could claim a subsidy
    of EUR 10 per pupil of the regular schools in its region (`werkagenda.subsidie`, ADR 0077)."""

    swv = swv_veld("+")
    vastgesteld_op = DatumField("vastgesteld op", verleden=True)
    document = models.ForeignKey(
        Document,
        verbose_name="werkagenda (PDF)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subsidie_aangevraagd_op = DatumField(
        "subsidie aangevraagd op", null=True, blank=True, verleden=True
    )
    subsidie_toegekend_op = DatumField(
        "subsidie toegekend op", null=True, blank=True, verleden=True
    )

    class Meta:
        verbose_name = "werkagenda"
        verbose_name_plural = "werkagenda's"
        constraints = [
            models.UniqueConstraint(fields=["swv"], name="een_werkagenda_per_swv"),
            models.CheckConstraint(
                condition=Q(subsidie_aangevraagd_op__isnull=True)
                | Q(subsidie_aangevraagd_op__gte=models.F("vastgesteld_op")),
                name="subsidie_na_werkagenda",
            ),
            models.CheckConstraint(
                condition=Q(subsidie_toegekend_op__isnull=True)
                | (
                    Q(subsidie_aangevraagd_op__isnull=False)
                    & Q(subsidie_toegekend_op__gte=models.F("subsidie_aangevraagd_op"))
                ),
                name="toekenning_na_aanvraag",
            ),
        ]

    def __str__(self):
        return f"Werkagenda van {self.swv}"


class Geschilsoort(models.TextChoices):
    OOGO = "oogo", "OOGO met een gemeente"
    OPR = "opr", "Geen instemming van de ondersteuningsplanraad"
    BESTUUR = "bestuur", "Schoolbestuur en samenwerkingsverband"


class Instantie(models.TextChoices):
    """The body that rules on a dispute: each kind has its own, and any can go to court."""

    OOGO_COMMISSIE = "oogo_commissie", "Onafhankelijke commissie voor OOGO-geschillen"
    LCG_WMS = "lcg_wms", "Landelijke Commissie Geschillen WMS"
    GESCHILLENCOMMISSIE = "geschillencommissie", "Landelijke geschillencommissie passend onderwijs"
    RECHTER = "rechter", "Rechter"


class Uitspraak(models.TextChoices):
    """The outcome for whoever put the dispute to the body."""

    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    INGETROKKEN = "ingetrokken", "Ingetrokken of onderling opgelost"


class Geschil(SwvGebonden, Versiebeheer):
    """A dispute of the SWV with one party: a gemeente in OOGO about a plan, its OPR that
    withheld consent from a plan, or a member board. The party is the OOGO, the OPR decision or
    the board, by kind; a dispute is open from `ontstaan_op` until the ruling (ADR 0079)."""

    swv = swv_veld("geschillen")
    soort = models.CharField("soort", max_length=16, choices=Geschilsoort)
    oogo = models.ForeignKey(
        OOGO,
        verbose_name="OOGO",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="geschillen",
    )
    opr_besluit = models.ForeignKey(
        OPRBesluit,
        verbose_name="besluit van de ondersteuningsplanraad",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="geschillen",
    )
    bestuur = models.ForeignKey(
        Schoolbestuur,
        verbose_name="schoolbestuur",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ontstaan_op = DatumField("ontstaan op", verleden=True)
    instantie = models.CharField("voorgelegd aan", max_length=24, choices=Instantie, blank=True)
    voorgelegd_op = DatumField("voorgelegd op", null=True, blank=True, verleden=True)
    uitspraak = models.CharField("uitspraak", max_length=16, choices=Uitspraak, blank=True)
    uitspraak_op = DatumField("datum uitspraak", null=True, blank=True, verleden=True)
    toelichting = VrijeTekstField("toelichting", blank=True)

    class Meta:
        verbose_name = "geschil"
        verbose_name_plural = "geschillen"
        ordering = ["ontstaan_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(soort="oogo", oogo__isnull=False, opr_besluit__isnull=True)
                    & Q(bestuur__isnull=True)
                )
                | (
                    Q(soort="opr", opr_besluit__isnull=False, oogo__isnull=True)
                    & Q(bestuur__isnull=True)
                )
                | (
                    Q(soort="bestuur", bestuur__isnull=False, oogo__isnull=True)
                    & Q(opr_besluit__isnull=True)
                ),
                name="geschil_met_partij_van_zijn_soort",
            ),
            models.CheckConstraint(
                condition=Q(voorgelegd_op__isnull=True)
                | (~Q(instantie="") & Q(voorgelegd_op__gte=models.F("ontstaan_op"))),
                name="geschil_voorgelegd_na_ontstaan",
            ),
            models.CheckConstraint(
                condition=(Q(uitspraak="") & Q(uitspraak_op__isnull=True))
                | Q(uitspraak="ingetrokken", uitspraak_op__gte=models.F("ontstaan_op"))
                | (
                    ~Q(uitspraak="")
                    & Q(voorgelegd_op__isnull=False)
                    & Q(uitspraak_op__gte=models.F("voorgelegd_op"))
                ),
                name="geschil_uitspraak_na_voorleggen",
            ),
        ]
        indexes = [models.Index(fields=["swv", "ontstaan_op"])]

    def __str__(self):
        return f"Geschil {self.get_soort_display()} ({self.ontstaan_op:%d-%m-%Y})"


class Mijlpaal(VeldgerichteControles):
    """One row of the official schedule: which steps meet it, by when, for which sector.

    A milestone without steps is a moment on the timeline only. A recurring milestone has no
    fixed deadline: it falls `herhaling_jaren` after the last date of its (first) step.
    """

    code = models.SlugField("code", max_length=40, unique=True)
    naam = VrijeRegelField("naam", max_length=200)
    omschrijving = VrijeTekstField("omschrijving", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    sector = models.CharField(
        "sector", max_length=2, choices=Sector, blank=True, help_text="Leeg: beide sectoren."
    )
    deadline = DatumField("uiterste datum", null=True, blank=True)
    deadline_experiment = DatumField("uiterste datum voor experiment-SWV's", null=True, blank=True)
    herhaling_jaren = models.PositiveSmallIntegerField(
        "herhaalt na (jaren)", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    stappen = models.JSONField("stappen die hem halen", default=list, blank=True)
    voorwaarden = models.JSONField("voorwaarden", default=list, blank=True)

    class Meta:
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"
        ordering = ["volgorde"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=False) | Q(herhaling_jaren__isnull=False),
                name="mijlpaal_heeft_deadline_of_herhaling",
            )
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        geldig = set(Stap.values)
        for veld in ("stappen", "voorwaarden"):
            waarde = getattr(self, veld)
            if not isinstance(waarde, list) or not set(waarde) <= geldig:
                raise ValidationError(
                    {veld: f"Een lijst van stappen uit: {', '.join(Stap.values)}."}
                )
        if self.herhaling_jaren and not self.stappen:
            raise ValidationError({"stappen": "Een herhalende mijlpaal heeft een stap nodig."})

    @property
    def alleen_tijdlijn(self) -> bool:
        return not self.stappen


class MijlpaalUitzondering(SwvGebonden):
    """Another deadline for one SWV, set by the beheerder; for a recurring milestone, for one
    cycle (1 is the first plan)."""

    mijlpaal = models.ForeignKey(Mijlpaal, on_delete=models.CASCADE, related_name="uitzonderingen")
    swv = swv_veld("mijlpaaluitzonderingen")
    cyclus = models.PositiveSmallIntegerField(
        "cyclus",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Alleen bij een herhalende mijlpaal: de hoeveelste cyclus (1 is het eerste "
        "ondersteuningsplan).",
    )
    deadline = DatumField("uiterste datum")
    reden = VrijeTekstField("reden")

    class Meta:
        verbose_name = "uitzondering op een mijlpaal"
        verbose_name_plural = "uitzonderingen op mijlpalen"
        constraints = [
            models.UniqueConstraint(
                fields=["mijlpaal", "swv"],
                condition=Q(cyclus__isnull=True),
                name="een_uitzondering_per_swv",
            ),
            models.UniqueConstraint(
                fields=["mijlpaal", "swv", "cyclus"],
                condition=Q(cyclus__isnull=False),
                name="een_uitzondering_per_cyclus",
            ),
        ]

    def __str__(self):
        cyclus = f" (cyclus {self.cyclus})" if self.cyclus else ""
        return f"{self.mijlpaal} voor {self.swv.code}{cyclus}: {self.deadline:%d-%m-%Y}"

    def clean(self):
        if self.cyclus and self.mijlpaal_id and not self.mijlpaal.herhaling_jaren:
            raise ValidationError(
                {"cyclus": "Een cyclus hoort alleen bij een herhalende mijlpaal."}
            )


class Status(models.TextChoices):
    BEHAALD = "behaald", "Behaald"
    TE_LAAT = "te_laat", "Te laat behaald"
    OPEN = "open", "Open"
    RISICO = "risico", "Risico"
    GEMIST = "gemist", "Gemist"


#: From worst to best; adding a fact never moves a milestone down this order.
RANG = {Status.GEMIST: 0, Status.RISICO: 1, Status.OPEN: 2, Status.TE_LAAT: 3, Status.BEHAALD: 4}


class Mijlpaalstatus(SwvGebonden):
    """The status the daily check last computed for an SWV and milestone."""

    swv = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.CASCADE, related_name="mijlpaalstatussen"
    )
    mijlpaal = models.ForeignKey(Mijlpaal, on_delete=models.CASCADE, related_name="+")
    status = models.CharField("status", max_length=8, choices=Status)
    cyclus = models.PositiveSmallIntegerField("cyclus", null=True, blank=True)
    sinds = DatumField("sinds")

    class Meta:
        verbose_name = "mijlpaalstatus"
        verbose_name_plural = "mijlpaalstatussen"
        constraints = [
            models.UniqueConstraint(fields=["swv", "mijlpaal"], name="een_status_per_mijlpaal")
        ]

    def __str__(self):
        return f"{self.swv.code} {self.mijlpaal}: {self.get_status_display()} sinds {self.sinds}"


class Statuswijziging(SwvGebonden):
    """A change of a milestone's status found by the daily check, and whether its e-mail went
    out. One per SWV, milestone and day, so a second run or a second worker adds nothing."""

    swv = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    mijlpaal = models.ForeignKey(Mijlpaal, on_delete=models.CASCADE, related_name="+")
    datum = DatumField("datum")
    van = models.CharField("van", max_length=8, choices=Status)
    naar = models.CharField("naar", max_length=8, choices=Status)
    cyclus = models.CharField(
        "cyclus", max_length=20, blank=True, help_text="Bij een herhalende mijlpaal: welke cyclus."
    )
    gemeld_op = models.DateTimeField("gemeld op", null=True, blank=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["-datum", "swv", "mijlpaal__volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "mijlpaal", "datum"], name="een_wijziging_per_dag"
            )
        ]

    def __str__(self):
        return f"{self.swv.code} {self.mijlpaal}: {self.van} → {self.naar} ({self.datum})"


class Toelichting(Toelichtingsvelden):
    """The SWV's own explanation of a milestone it missed, met late or is at risk of missing
    ("pas toe of leg uit"): for a recurring milestone, of one OP cycle (`cyclus`, its number;
    0 for a milestone that does not recur). Written by its coördinator, read beside the figure by
    everyone who reads the SWV (ADR 0082)."""

    swv = swv_veld("toelichtingen")
    mijlpaal = models.ForeignKey(
        "Mijlpaal", verbose_name="mijlpaal", on_delete=models.PROTECT, related_name="toelichtingen"
    )
    cyclus = models.PositiveSmallIntegerField(
        "OP-cyclus",
        default=0,
        help_text="Het nummer van de cyclus; 0 als de mijlpaal niet herhaalt.",
    )
    verwacht_op = DatumField(
        "verwacht behaald op",
        null=True,
        blank=True,
        help_text="Wanneer het samenwerkingsverband de mijlpaal verwacht te halen, als dat nog moet.",
    )

    class Meta:
        verbose_name = "toelichting"
        verbose_name_plural = "toelichtingen"
        ordering = ["swv", "mijlpaal__volgorde", "cyclus"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "mijlpaal", "cyclus"], name="een_toelichting_per_mijlpaal"
            )
        ]

    def __str__(self):
        return f"Toelichting van {self.swv.code} bij {self.mijlpaal}"
