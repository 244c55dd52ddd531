"""Supervision by the Inspectie. This module holds the thuiszitter counts an SWV registers:
counts only, never a name or a pupil number."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from passend.fields import DatumField, VrijeRegelField, VrijeTekstField
from passend.locking import Versiebeheer
from swv.models import (
    Samenwerkingsverband,
    Schoolsoort,
    Sector,
    SwvGebonden,
    Toelichtingsvelden,
    swv_veld,
)
from swv.querysets import ReferentieQuerySet
from toezicht.querysets import BevindingQuerySet, ViaRegistratieQuerySet


class Periode(models.Model):
    """Abstract: a record about a period, from and to (inclusive), that runs forward."""

    periode_van = DatumField("periode van")
    periode_tot = DatumField("periode tot en met")

    class Meta:
        abstract = True

    @staticmethod
    def loopt_vooruit(naam: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=Q(periode_tot__gte=models.F("periode_van")), name=naam
        )


class Verzuimsoort(models.TextChoices):
    ABSOLUUT = "absoluut", "Absoluut verzuim (niet ingeschreven)"
    RELATIEF = "relatief", "Langdurig relatief verzuim (meer dan vier weken)"
    VRIJSTELLING = "vrijstelling", "Vrijstelling (art. 5 onder a Leerplichtwet)"


class Duur(models.TextChoices):
    KORT = "kort", "Korter dan 3 maanden"
    LANG = "lang", "3 maanden of langer"


class Rapportagesoort(models.TextChoices):
    THUISZITTERS = "thuiszitters", "Thuiszitters"


class Rapportageronde(Periode):
    """A period the Inspectie (or the ministry) asks every SWV to report on, and the date by
    which the report is due. Rounds are data: the beheerder adds or moves them in the admin,
    and the daily schedule adds the next two-monthly thuiszitter round (ADR 0059)."""

    soort = models.CharField(
        "soort", max_length=16, choices=Rapportagesoort, default=Rapportagesoort.THUISZITTERS
    )
    deadline = models.DateField(
        "uiterste indiendatum", help_text="Wat later binnenkomt, is te laat ingediend."
    )

    objects = ReferentieQuerySet.as_manager()

    class Meta:
        verbose_name = "rapportageronde"
        verbose_name_plural = "rapportagerondes"
        ordering = ["soort", "periode_van"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "periode_van"], name="een_ronde_per_periode"),
            Periode.loopt_vooruit("rondeperiode_loopt_vooruit"),
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("periode_tot")), name="deadline_na_periode"
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_soort_display()} {self.periode_van:%d-%m-%Y} t/m "
            f"{self.periode_tot:%d-%m-%Y} (uiterlijk {self.deadline:%d-%m-%Y})"
        )

    def is_afgelopen(self, vandaag) -> bool:
        """Counts can be submitted once the period is over: not before its last day has passed."""
        return self.periode_tot < vandaag


class Indieningsstatus(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend, wacht op beoordeling"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd voor correctie"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd (vergrendeld)"
    HEROPEND = "heropend", "Heropend voor correctie"


class Thuiszitterregistratie(Periode, SwvGebonden, Versiebeheer):
    """An SWV's submission of its thuiszitter counts for one reporting round: who submitted it
    and when (the first submission decides whether it was on time), and the Inspectie's review.
    Accepted means locked: it changes only after the Inspectie reopens it with a reason."""

    swv = swv_veld("thuiszitterregistraties")
    ronde = models.ForeignKey(
        Rapportageronde,
        verbose_name="rapportageronde",
        on_delete=models.PROTECT,
        related_name="registraties",
    )
    opmerking = VrijeTekstField("opmerking", blank=True)
    status = models.CharField(
        "status", max_length=16, choices=Indieningsstatus, default=Indieningsstatus.INGEDIEND
    )
    ingediend_op = models.DateTimeField(
        "eerst ingediend op",
        null=True,
        blank=True,
        help_text="Leeg bij aantallen van voor de rapportagerondes: tijdigheid onbekend.",
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ingediend door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beoordeeld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reden = VrijeTekstField(
        "reden",
        blank=True,
        max_length=2000,
        help_text="Waarom de Inspectie de aantallen terugstuurde of heropende.",
    )

    class Meta:
        verbose_name = "thuiszitterregistratie"
        verbose_name_plural = "thuiszitterregistraties"
        ordering = ["swv", "-periode_van"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "periode_van"], name="een_registratie_per_periode"
            ),
            models.UniqueConstraint(fields=["swv", "ronde"], name="een_registratie_per_ronde"),
            Periode.loopt_vooruit("thuiszitterperiode_loopt_vooruit"),
        ]

    def __str__(self):
        return f"Thuiszitters {self.swv.code} {self.periode_van:%d-%m-%Y} t/m {self.periode_tot:%d-%m-%Y}"

    @property
    def is_vergrendeld(self) -> bool:
        return self.status == Indieningsstatus.GEACCEPTEERD

    @property
    def te_laat(self) -> bool | None:
        if self.ingediend_op is None:
            return None
        return timezone.localdate(self.ingediend_op) > self.ronde.deadline


class Thuiszittertelling(SwvGebonden):
    """How many thuiszitters of one kind, duration and offer an SWV counted in a period."""

    registratie = models.ForeignKey(
        Thuiszitterregistratie, on_delete=models.CASCADE, related_name="tellingen"
    )
    soort = models.CharField("soort", max_length=12, choices=Verzuimsoort)
    duur = models.CharField("duur", max_length=4, choices=Duur)
    met_aanbod = models.BooleanField("met een aanbod")
    aantal = models.PositiveIntegerField("aantal")

    objects = ViaRegistratieQuerySet.as_manager()

    class Meta:
        verbose_name = "thuiszittertelling"
        verbose_name_plural = "thuiszittertellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["registratie", "soort", "duur", "met_aanbod"], name="een_telling_per_cel"
            )
        ]

    def __str__(self):
        aanbod = "met" if self.met_aanbod else "zonder"
        return f"{self.get_soort_display()}, {self.get_duur_display().lower()}, {aanbod} aanbod: {self.aantal}"


class Schorsingsduur(models.TextChoices):
    KORT = "kort", "2 tot en met 5 dagen"
    LANG = "lang", "Langer dan 5 dagen"


#: The school types whose suspensions an SWV of each sector reports: those of its region.
SCHORSINGSOORTEN = {
    Sector.PO: (Schoolsoort.BAO, Schoolsoort.SBO, Schoolsoort.SO),
    Sector.VO: (Schoolsoort.VO, Schoolsoort.VSO),
}


class Schorsingtelling(SwvGebonden):
    """How many suspensions longer than one day the schools of one type in an SWV's region
    imposed in a round's period, by length (ADR 0078). A count, never a pupil: it is submitted
    with the round's thuiszitters and reviewed with them."""

    registratie = models.ForeignKey(
        Thuiszitterregistratie, on_delete=models.CASCADE, related_name="schorsingen"
    )
    schoolsoort = models.CharField("soort school", max_length=3, choices=Schoolsoort)
    duur = models.CharField("duur", max_length=4, choices=Schorsingsduur)
    aantal = models.PositiveIntegerField("aantal")

    objects = ViaRegistratieQuerySet.as_manager()

    class Meta:
        verbose_name = "schorsingtelling"
        verbose_name_plural = "schorsingtellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["registratie", "schoolsoort", "duur"], name="een_schorsingtelling_per_cel"
            )
        ]

    def __str__(self):
        return f"{self.get_schoolsoort_display()}, {self.get_duur_display().lower()}: {self.aantal}"


class Herinneringsmoment(models.TextChoices):
    VOOR = "voor", "Voor de uiterste indiendatum"
    NA = "na", "Na de uiterste indiendatum"


class Herinnering(SwvGebonden):
    """One reminder to an SWV's coördinator about one round, before or after its deadline.
    The row is made before the mail and is unique, so two runs or two workers send it once."""

    ronde = models.ForeignKey(
        Rapportageronde, verbose_name="rapportageronde", on_delete=models.CASCADE, related_name="+"
    )
    swv = swv_veld("+")
    moment = models.CharField("moment", max_length=4, choices=Herinneringsmoment)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verstuurd_op = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "swv", "moment"], name="een_herinnering_per_moment"
            )
        ]

    def __str__(self):
        return f"Herinnering {self.swv.code} {self.ronde} ({self.get_moment_display().lower()})"


class Afspraakmoment(models.TextChoices):
    VOOR = "voor", "Voor de uiterste datum, aan de coördinator"
    VERLOPEN = "verlopen", "Verlopen, aan de Inspectie"


class Afspraakherinnering(models.Model):
    """One reminder about one open follow-up agreement: to the SWV's coördinator before its
    deadline, to the Inspectie when it has expired. Unique, so sent once (ADR 0073)."""

    afspraak = models.ForeignKey(
        "Vervolgafspraak",
        verbose_name="vervolgafspraak",
        on_delete=models.CASCADE,
        related_name="+",
    )
    moment = models.CharField("moment", max_length=8, choices=Afspraakmoment)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verstuurd_op = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "herinnering aan een vervolgafspraak"
        verbose_name_plural = "herinneringen aan vervolgafspraken"
        constraints = [
            models.UniqueConstraint(
                fields=["afspraak", "moment"], name="een_afspraakherinnering_per_moment"
            )
        ]

    def __str__(self):
        return f"Herinnering {self.afspraak} ({self.get_moment_display().lower()})"


class Weekoverzicht(models.Model):
    """One weekly digest to an accountmanager of the missing and returned thuiszitter
    submissions in their portfolio. The row is made before the mail and is unique per
    accountmanager and week, so two runs or two workers send it once."""

    accountmanager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="accountmanager",
        on_delete=models.CASCADE,
        related_name="+",
    )
    week = models.DateField("week (maandag)")
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verstuurd_op = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "weekoverzicht"
        verbose_name_plural = "weekoverzichten"
        constraints = [
            models.UniqueConstraint(
                fields=["accountmanager", "week"], name="een_weekoverzicht_per_week"
            )
        ]

    def __str__(self):
        return f"Weekoverzicht {self.accountmanager} week van {self.week:%d-%m-%Y}"


# The Inspectie's findings. Each is kept with who recorded it and when, and lands in the SWV's
# history through the audit log. Free text is checked for pupil numbers (persoonsgegevens.py).


class Bevinding(SwvGebonden, Versiebeheer):
    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.PROTECT,
        related_name="+",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vastgelegd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = BevindingQuerySet.as_manager()

    class Meta:
        abstract = True


class Bron(models.TextChoices):
    OUDERS = "ouders", "Ouders"
    SCHOOL = "school", "School"
    ZORGINSTELLING = "zorginstelling", "Zorginstelling"
    ANDERS = "anders", "Anders"


class Onderwerp(models.TextChoices):
    THUISZITTER = "thuiszitter", "Thuiszitter"
    ZORGPLICHT = "zorgplicht", "Zorgplicht"
    TOELAATBAARHEID = "toelaatbaarheid", "Toelaatbaarheidsverklaring"
    SCHORSING = "schorsing", "Schorsing of verwijdering"
    ANDERS = "anders", "Anders"


class Uitkomst(models.TextChoices):
    TERUG_OP_SCHOOL = "terug_op_school", "Terug op school"
    NIET_OPGELOST = "nog_niet_opgelost", "Nog niet opgelost"
    ANDERS_OPGELOST = "anders_opgelost", "Anders opgelost"


class Signaal(Bevinding):
    """A report to the Inspectie about a situation in an SWV (a melding), and its outcome.
    Never who it is about: no names, no pupil numbers."""

    bron = models.CharField("bron", max_length=16, choices=Bron)
    onderwerp = models.CharField("onderwerp", max_length=16, choices=Onderwerp)
    ontvangen_op = DatumField("ontvangen op", verleden=True)
    afgehandeld_op = DatumField("afgehandeld op", null=True, blank=True, verleden=True)
    uitkomst = models.CharField(
        "uitkomst", max_length=20, choices=Uitkomst, default=Uitkomst.NIET_OPGELOST
    )
    omschrijving = VrijeTekstField("omschrijving", blank=True, max_length=4000)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afgehandeld_op__isnull=True)
                | Q(afgehandeld_op__gte=models.F("ontvangen_op")),
                name="signaal_afgehandeld_na_ontvangst",
            )
        ]

    def __str__(self):
        return f"Signaal {self.get_onderwerp_display().lower()} over {self.swv.code} ({self.ontvangen_op:%d-%m-%Y})"


class Oordeel(models.TextChoices):
    ONVOLDOENDE = "onvoldoende", "Onvoldoende"
    VOLDOENDE = "voldoende", "Voldoende"
    VOLDOENDE_GOED = "voldoende-goed", "Voldoende-goed"


class Registratieoordeel(Periode, Bevinding):
    """The Inspectie's judgement of an SWV's thuiszitter registration for a period."""

    oordeel = models.CharField("oordeel", max_length=16, choices=Oordeel)
    toelichting = VrijeTekstField("toelichting", blank=True, max_length=4000)

    class Meta:
        verbose_name = "registratieoordeel"
        verbose_name_plural = "registratieoordelen"
        ordering = ["-periode_van", "swv"]
        constraints = [
            models.UniqueConstraint(fields=["swv", "periode_van"], name="een_oordeel_per_periode"),
            Periode.loopt_vooruit("oordeelperiode_loopt_vooruit"),
        ]

    def __str__(self):
        return (
            f"Registratie {self.swv.code} {self.periode_van:%d-%m-%Y}: {self.get_oordeel_display()}"
        )


class Onderzoeksuitkomst(models.TextChoices):
    GOED = "goed", "Goed"
    VOLDOENDE = "voldoende", "Voldoende"
    ONVOLDOENDE = "onvoldoende", "Onvoldoende"
    ZEER_ZWAK = "zeer_zwak", "Zeer zwak"


class Kwaliteitsonderzoek(Bevinding):
    """A (yearly or risk-driven) quality investigation of an SWV and its outcome."""

    begonnen_op = DatumField("begonnen op", verleden=True)
    afgerond_op = DatumField("afgerond op", null=True, blank=True, verleden=True)
    uitkomst = models.CharField(
        "uitkomst",
        max_length=12,
        choices=Onderzoeksuitkomst,
        blank=True,
        help_text="Leeg zolang het onderzoek loopt.",
    )
    toelichting = VrijeTekstField("toelichting", blank=True, max_length=4000)

    class Meta:
        verbose_name = "kwaliteitsonderzoek"
        verbose_name_plural = "kwaliteitsonderzoeken"
        ordering = ["-begonnen_op", "swv"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=models.F("begonnen_op")),
                name="onderzoek_afgerond_na_begin",
            ),
            models.CheckConstraint(
                condition=Q(uitkomst="") | Q(afgerond_op__isnull=False),
                name="onderzoek_uitkomst_bij_afronding",
            ),
        ]

    def __str__(self):
        return f"Kwaliteitsonderzoek {self.swv.code} {self.begonnen_op:%d-%m-%Y}"

    def clean(self):
        """An investigation cannot move to another SWV while agreements of its own SWV refer to
        it: they would end up referring to another SWV's investigation."""
        super().clean()
        if self.pk and self.swv_id and self.vervolgafspraken.exclude(swv_id=self.swv_id).exists():
            raise ValidationError(
                {
                    "swv": "Er zijn vervolgafspraken van een ander samenwerkingsverband die naar "
                    "dit kwaliteitsonderzoek verwijzen."
                }
            )


class Afspraakstatus(models.TextChoices):
    OPEN = "open", "Open"
    NAGEKOMEN = "nagekomen", "Nagekomen"
    NIET_NAGEKOMEN = "niet_nagekomen", "Niet nagekomen"


class Vervolgafspraak(Bevinding):
    """A follow-up agreement with a deadline. Overdue: still open after its deadline."""

    kwaliteitsonderzoek = models.ForeignKey(
        Kwaliteitsonderzoek,
        verbose_name="kwaliteitsonderzoek",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vervolgafspraken",
    )
    omschrijving = VrijeTekstField("omschrijving", max_length=4000)
    gemaakt_op = DatumField("gemaakt op", verleden=True)
    deadline = DatumField("uiterste datum")
    status = models.CharField(
        "status", max_length=16, choices=Afspraakstatus, default=Afspraakstatus.OPEN
    )
    afgesloten_op = DatumField("afgesloten op", null=True, blank=True, verleden=True)
    # What the agreement waits for, if anything: a milestone (for the recurring one, a cycle of
    # it) or a reporting round. It closes itself as nagekomen when that is met (services).
    mijlpaal = models.ForeignKey(
        "ondersteuningsplan.Mijlpaal",
        verbose_name="mijlpaal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De afspraak is nagekomen zodra het samenwerkingsverband deze mijlpaal behaalt.",
    )
    cyclus = models.PositiveSmallIntegerField(
        "OP-cyclus",
        null=True,
        blank=True,
        help_text="Bij een nieuw ondersteuningsplan: welk plan (1 is het eerste). Leeg: het "
        "plan dat op het moment van de afspraak nodig was.",
    )
    ronde = models.ForeignKey(
        Rapportageronde,
        verbose_name="rapportageronde",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De afspraak is nagekomen zodra het samenwerkingsverband voor deze ronde "
        "thuiszitteraantallen indient.",
    )
    nagekomen_met = VrijeRegelField(
        "nagekomen met",
        max_length=300,
        blank=True,
        editable=False,
        help_text="Het feit waarmee de afspraak vanzelf is nagekomen.",
    )

    class Meta:
        verbose_name = "vervolgafspraak"
        verbose_name_plural = "vervolgafspraken"
        ordering = ["deadline", "swv"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("gemaakt_op")),
                name="afspraak_deadline_na_maken",
            ),
            models.CheckConstraint(
                condition=(Q(status="open") & Q(afgesloten_op__isnull=True))
                | (~Q(status="open") & Q(afgesloten_op__isnull=False)),
                name="afspraak_afgesloten_met_datum",
            ),
        ]

    def __str__(self):
        return f"Vervolgafspraak {self.swv.code} uiterlijk {self.deadline:%d-%m-%Y}"

    def clean(self):
        super().clean()
        if (
            self.kwaliteitsonderzoek_id
            and self.swv_id
            and self.kwaliteitsonderzoek.swv_id != self.swv_id
        ):
            raise ValidationError(
                {
                    "kwaliteitsonderzoek": "Dit kwaliteitsonderzoek hoort bij een ander "
                    "samenwerkingsverband dan de vervolgafspraak."
                }
            )
        if self.mijlpaal_id and self.ronde_id:
            raise ValidationError(
                {"ronde": "Koppel de afspraak aan een mijlpaal of aan een ronde, niet aan beide."}
            )
        if self.mijlpaal_id and self.swv_id and self.mijlpaal.sector not in ("", self.swv.sector):
            raise ValidationError(
                {
                    "mijlpaal": "Deze mijlpaal geldt niet voor de sector van dit samenwerkingsverband."
                }
            )
        if self.cyclus and not (self.mijlpaal_id and self.mijlpaal.herhaling_jaren):
            raise ValidationError(
                {"cyclus": "Een OP-cyclus hoort alleen bij de mijlpaal Nieuw ondersteuningsplan."}
            )

    @property
    def statustekst(self) -> str:
        """The status in words, with "verlopen" when it is open after its deadline today."""
        tekst = self.get_status_display()
        return f"{tekst}, verlopen" if self.is_verlopen(timezone.localdate()) else tekst

    def is_verlopen(self, peildatum) -> bool:
        """Open on the peildatum while its deadline has passed."""
        open_op_peildatum = self.afgesloten_op is None or self.afgesloten_op > peildatum
        return open_op_peildatum and self.deadline < peildatum


class Indicator(models.TextChoices):
    THUISZITTERS = "thuiszitters", "Aantal thuiszitters"
    DEELNAME = "deelname", "Spreiding en doorstroom (deelnamepercentages)"
    SCHOOLKWALITEIT = "schoolkwaliteit", "Oordelen over de scholen"
    SIGNALEN = "signalen", "Signalen"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan, jaarverslag en middelen"
    EXPERTISE = "expertise", "Expertise in de scholen"


class Risiconiveau(models.TextChoices):
    LAAG = "laag", "Laag"
    VERHOOGD = "verhoogd", "Verhoogd"
    HOOG = "hoog", "Hoog"


class Risicoindicator(Periode, Bevinding):
    """The Inspectie's score of one risk indicator for an SWV in a period."""

    indicator = models.CharField("indicator", max_length=20, choices=Indicator)
    niveau = models.CharField("niveau", max_length=10, choices=Risiconiveau)
    toelichting = VrijeTekstField("toelichting", blank=True, max_length=4000)

    class Meta:
        verbose_name = "risico-indicator"
        verbose_name_plural = "risico-indicatoren"
        ordering = ["-periode_van", "swv", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "periode_van", "indicator"], name="een_indicator_per_periode"
            ),
            Periode.loopt_vooruit("indicatorperiode_loopt_vooruit"),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()} {self.swv.code}: {self.get_niveau_display()}"


# The yearly risk analysis (risico.py): what each indicator measures is code; when it counts
# (its threshold) and how much (its weight) is data the Inspectie keeps, in force from a date,
# so the analysis of a past year is computed with the thresholds of that year (ADR 0074).


class Risicomaat(models.TextChoices):
    THUISZITTERS = "thuiszitters", "Thuiszitters per 1.000 leerlingen"
    THUISZITTERS_TREND = "thuiszitters_trend", "Verandering van het aantal thuiszitters in een jaar"
    SCHORSINGEN = "schorsingen", "Schorsingen van meer dan één dag per 1.000 leerlingen"
    DEELNAME = "deelname", "Deelname zware ondersteuning boven het landelijk gemiddelde"
    DEELNAME_TREND = "deelname_trend", "Stijging van de deelname zware ondersteuning"
    MIJLPALEN = "mijlpalen", "Mijlpalen en OP-cycli gemist of in gevaar"
    RAPPORTAGE = "rapportage", "Thuiszitterrondes niet of te laat ingediend"
    SIGNALEN = "signalen", "Signalen in de laatste twaalf maanden"
    SIGNALEN_ONOPGELOST = "signalen_onopgelost", "Signalen niet opgelost"
    VERVOLGAFSPRAKEN = "vervolgafspraken", "Vervolgafspraken verlopen of niet nagekomen"
    KWALITEITSONDERZOEK = "kwaliteitsonderzoek", "Jaren sinds het laatste kwaliteitsonderzoek"


class Risicoregel(models.Model):
    """The threshold and weight of one indicator of the risk analysis, from a date on. An
    indicator counts for an SWV when its value reaches the threshold; the SWV's score is the sum
    of the weights of the indicators that count."""

    maat = models.CharField("indicator", max_length=24, choices=Risicomaat)
    geldig_vanaf = DatumField("geldig vanaf")
    drempel = models.DecimalField(
        "drempel",
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text="De indicator telt mee vanaf deze waarde.",
    )
    gewicht = models.PositiveSmallIntegerField(
        "gewicht",
        validators=[MaxValueValidator(10)],
        help_text="Wat de indicator bijdraagt aan de score als hij meetelt (0 tot en met 10).",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vastgelegd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        verbose_name = "risicoregel"
        verbose_name_plural = "risicoregels"
        ordering = ["-geldig_vanaf", "maat"]
        constraints = [
            models.UniqueConstraint(fields=["maat", "geldig_vanaf"], name="een_regel_per_datum"),
            models.CheckConstraint(condition=Q(drempel__gte=0), name="drempel_niet_negatief"),
            models.CheckConstraint(condition=Q(gewicht__lte=10), name="gewicht_hooguit_tien"),
        ]

    def __str__(self):
        return (
            f"{self.get_maat_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}: "
            f"drempel {self.drempel}, gewicht {self.gewicht}"
        )


class Exportstatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


def gegevensexport_pad(export, bestandsnaam):
    return f"exports/{export.aangevraagd_op:%Y%m%d-%H%M%S}-{export.pk}.zip"


class Gegevensexport(models.Model):
    """Every collection of the API in one file set (JSON lines and CSV per collection, with a
    manifest of rows and checksums), built by a Celery task for a data team (ADR 0076)."""

    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangevraagd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    status = models.CharField(
        "status", max_length=8, choices=Exportstatus, default=Exportstatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField("voortgang (procent)", default=0)
    volgnummer = models.BigIntegerField(
        "volgnummer",
        null=True,
        blank=True,
        help_text="Het laatste volgnummer van /wijzigingen toen de export begon.",
    )
    bestand = models.FileField("bestand", upload_to=gegevensexport_pad, max_length=200, blank=True)
    grootte = models.PositiveBigIntegerField("grootte (bytes)", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    fout = models.TextField("fout", blank=True)

    class Meta:
        verbose_name = "gegevensexport"
        verbose_name_plural = "gegevensexports"
        ordering = ["-aangevraagd_op"]

    def __str__(self):
        return f"Gegevensexport {self.pk} ({self.get_status_display().lower()})"


class Cijferonderwerp(models.TextChoices):
    RONDE = "ronde", "Rapportageronde"
    DEELNAME = "deelname", "Leerlingen en deelname"


class Cijfertoelichting(Toelichtingsvelden):
    """The SWV's own explanation of one of its figures ("pas toe of leg uit", ADR 0086): of a
    reporting round (its thuiszitters, a late or missing submission) or of its pupils and
    deelname on a teldatum, with an optional document. Written by its coördinator, read beside
    the figure by everyone who reads the SWV."""

    swv = swv_veld("cijfertoelichtingen")
    onderwerp = models.CharField("onderwerp", max_length=10, choices=Cijferonderwerp)
    ronde = models.ForeignKey(
        Rapportageronde,
        verbose_name="rapportageronde",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toelichtingen",
    )
    teldatum = DatumField("teldatum", null=True, blank=True)

    class Meta:
        verbose_name = "toelichting bij een cijfer"
        verbose_name_plural = "toelichtingen bij cijfers"
        ordering = ["swv", "onderwerp", "teldatum", "ronde__periode_van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(onderwerp="ronde", ronde__isnull=False, teldatum__isnull=True)
                | Q(onderwerp="deelname", ronde__isnull=True, teldatum__isnull=False),
                name="cijfertoelichting_onderwerp_past",
            ),
            models.UniqueConstraint(
                fields=["swv", "ronde"],
                condition=Q(ronde__isnull=False),
                name="een_toelichting_per_ronde",
            ),
            models.UniqueConstraint(
                fields=["swv", "teldatum"],
                condition=Q(teldatum__isnull=False),
                name="een_toelichting_per_teldatum",
            ),
        ]

    def __str__(self):
        return f"Toelichting van {self.swv.code} bij {self.get_onderwerp_display().lower()}"
