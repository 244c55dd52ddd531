"""The voortgangsrapportage as a stored PDF, and batches of them.

A `Rapport` is one request for one variant (national, one sector, one group of SWVs, one SWV) on
one peildatum. Its
`sleutel` names that variant and date; a partial unique constraint allows only one report per
sleutel in the queue or running, so asking twice while one is under way cannot start a second
(ADR 0040). A published report keeps its PDF and the numbers it was built from (`cijfers`) and
is never rendered again (ADR 0041).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from passend.fields import DatumField
from swv.models import Groepering, Samenwerkingsverband, Sector
from swv.querysets import Bereik, bereik


class Bevroren(Exception):
    """A published report was about to be changed or deleted."""


class Soort(models.TextChoices):
    LANDELIJK = "landelijk", "Landelijk (po en vo)"
    SECTOR = "sector", "Eén sector"
    GROEP = "groep", "Eén groep van samenwerkingsverbanden"
    SWV = "swv", "Eén samenwerkingsverband"


class Rapportstatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Wordt gemaakt"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


LOPEND = (Rapportstatus.WACHTRIJ, Rapportstatus.BEZIG)


def sleutel_van(
    soort: str, peildatum, sector: str = "", swv_code: str = "", groep_id: int | None = None
) -> str:
    wie = swv_code or (f"groep-{groep_id}" if groep_id else "-")
    return f"{soort}:{sector or '-'}:{wie}:{peildatum.isoformat()}"


def rapport_pad(rapport, filename):
    return f"rapporten/{rapport.pk}/{filename}"


def batch_pad(batch, filename):
    return f"rapporten/batch-{batch.pk}/{filename}"


class RapportQuerySet(models.QuerySet):
    def for_user(self, user):
        """The reach of `swv.querysets.bereik`, the one rule: the roles that read every SWV read
        every report; a coördinator the reports of their own SWVs; everyone with a role the
        published reports."""
        match bereik(user):
            case Bereik.ALLES:
                return self
            case Bereik.EIGEN:
                eigen = Q(soort=Soort.SWV, swv__in=Samenwerkingsverband.objects.for_user(user))
                return self.filter(eigen | Q(gepubliceerd_op__isnull=False))
            case _:
                return self.none()

    def lopend(self):
        return self.filter(status__in=LOPEND)

    def gepubliceerd(self):
        return self.filter(gepubliceerd_op__isnull=False).order_by("-peildatum")


class Batch(models.Model):
    """Every SWV's report for one peildatum, and a ZIP of them once all are done."""

    peildatum = DatumField("peildatum")
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    zip = models.FileField("ZIP", upload_to=batch_pad, max_length=200, blank=True)
    zip_klaar_op = models.DateTimeField("ZIP klaar op", null=True, blank=True)

    class Meta:
        verbose_name = "reeks rapporten"
        verbose_name_plural = "reeksen rapporten"
        ordering = ["-aangevraagd_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["peildatum"],
                condition=Q(zip=""),
                name="batch_een_lopend_per_peildatum",
            )
        ]

    def __str__(self):
        return f"Alle samenwerkingsverbanden per {self.peildatum:%d-%m-%Y}"


class Rapport(models.Model):
    soort = models.CharField("soort", max_length=10, choices=Soort)
    peildatum = DatumField("peildatum")
    sector = models.CharField("sector", max_length=2, choices=Sector, blank=True)
    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rapporten",
    )
    groepering = models.ForeignKey(
        Groepering,
        verbose_name="groep",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rapporten",
    )
    sleutel = models.CharField("sleutel", max_length=80, editable=False)
    status = models.CharField(
        "status", max_length=8, choices=Rapportstatus, default=Rapportstatus.WACHTRIJ
    )
    fout = models.TextField("waarom het mislukte", blank=True)
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="rapporten"
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    pdf = models.FileField("PDF", upload_to=rapport_pad, max_length=200, blank=True)
    paginas = models.PositiveIntegerField("pagina's", null=True, blank=True)
    cijfers = models.JSONField("cijfers waarop het rapport berust", null=True, blank=True)
    inhoudshash = models.CharField(
        "controlegetal",
        max_length=64,
        blank=True,
        help_text="SHA-256 van de cijfers in canonieke JSON (ADR 0087).",
    )
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RapportQuerySet.as_manager()

    class Meta:
        verbose_name = "voortgangsrapportage"
        verbose_name_plural = "voortgangsrapportages"
        ordering = ["-aangevraagd_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel"],
                condition=Q(status__in=["wachtrij", "bezig"]),
                name="rapport_een_lopend_per_sleutel",
            ),
            models.UniqueConstraint(
                fields=["peildatum"],
                condition=Q(soort="landelijk", gepubliceerd_op__isnull=False),
                name="rapport_een_gepubliceerd_per_peildatum",
            ),
            models.CheckConstraint(
                condition=Q(gepubliceerd_op__isnull=True) | Q(status="klaar", soort="landelijk"),
                name="rapport_alleen_klaar_landelijk_gepubliceerd",
            ),
            models.CheckConstraint(
                condition=Q(soort="swv", swv__isnull=False, groepering__isnull=True)
                | Q(soort="sector", swv__isnull=True, groepering__isnull=True)
                & Q(sector__in=["PO", "VO"])
                | Q(soort="groep", swv__isnull=True, sector="", groepering__isnull=False)
                | Q(soort="landelijk", swv__isnull=True, sector="", groepering__isnull=True),
                name="rapport_soort_past_bij_swv_en_sector",
            ),
        ]
        indexes = [models.Index(fields=["peildatum", "soort"])]

    def __str__(self):
        return f"{self.titel} per {self.peildatum:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        """A report that is published in the database is never written again (ADR 0041)."""
        if self.pk and Rapport.objects.filter(pk=self.pk, gepubliceerd_op__isnull=False).exists():
            raise Bevroren("Een gepubliceerd rapport verandert niet meer.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.gepubliceerd_op is not None:
            raise Bevroren("Een gepubliceerd rapport wordt niet verwijderd.")
        return super().delete(*args, **kwargs)

    @property
    def titel(self) -> str:
        if self.soort == Soort.SWV:
            return f"Voortgangsrapportage {self.swv.weergavecode} {self.swv.naam}"
        if self.soort == Soort.SECTOR:
            return f"Voortgangsrapportage passend onderwijs, {self.get_sector_display()}"
        if self.soort == Soort.GROEP:
            return f"Voortgangsrapportage passend onderwijs, groep {self.groepering.naam}"
        return "Voortgangsrapportage passend onderwijs"

    @property
    def lopend(self) -> bool:
        return self.status in LOPEND

    @property
    def gepubliceerd(self) -> bool:
        return self.gepubliceerd_op is not None

    def bestandsnaam(self) -> str:
        deel = {
            Soort.SWV: self.swv.code if self.swv_id else "",
            Soort.SECTOR: self.sector,
            Soort.GROEP: f"groep-{self.groepering_id}",
        }.get(self.soort, "landelijk")
        return f"voortgangsrapportage-{deel.lower()}-{self.peildatum.isoformat()}.pdf"


class Herberekening(models.Model):
    """A report's numbers computed again from the data of that moment, beside the stored ones
    (ADR 0087): the differences are the report's errata."""

    rapport = models.ForeignKey(Rapport, on_delete=models.CASCADE, related_name="herberekeningen")
    berekend_op = models.DateTimeField("berekend op", auto_now_add=True)
    inhoudshash = models.CharField("controlegetal van de nieuwe cijfers", max_length=64)
    schema = models.CharField("versie van het tijdschema", max_length=12, blank=True)
    aantal = models.PositiveIntegerField("aantal afwijkende cijfers")
    #: The first MAX_VERSCHILLEN differences: [{"pad", "toen", "nu"}].
    verschillen = models.JSONField("afwijkende cijfers", default=list, blank=True)

    class Meta:
        verbose_name = "herberekening"
        verbose_name_plural = "herberekeningen"
        ordering = ["-berekend_op", "-pk"]
        get_latest_by = "berekend_op"

    def __str__(self):
        return f"Herberekening van {self.rapport} op {self.berekend_op:%d-%m-%Y}"

    @property
    def gelijk(self) -> bool:
        return self.aantal == 0
