"""Samenwerkingsverbanden, their regions, the boards and schools in them, and pupil counts."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from passend.constraints import VeldgerichteControles
from passend.fields import DatumField, VrijeRegelField, VrijeTekstField
from passend.formatting import datum
from passend.locking import Versiebeheer
from swv.querysets import (
    GroeperingQuerySet,
    ReferentieQuerySet,
    RegioQuerySet,
    SamenwerkingsverbandQuerySet,
    SchoolbestuurQuerySet,
    SchoolQuerySet,
    SwvGebondenQuerySet,
)

#: The date the Regeling regio-indeling came into force; regions are valid from then.
REGIO_INGANGSDATUM = datetime.date(2013, 1, 1)

SWV_CODE = re.compile(r"^(PO|VO)(\d{2})(\d{2})$")


class Sector(models.TextChoices):
    PO = "PO", "Primair onderwijs"
    VO = "VO", "Voortgezet onderwijs"


class Gemeente(models.Model):
    naam = VrijeRegelField("naam", max_length=100, unique=True)
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^GM\d{4}$", "Een CBS-code ziet eruit als GM0363.")],
    )
    grens = models.JSONField("grens (GeoJSON-geometrie)", null=True, blank=True, editable=False)

    objects = ReferentieQuerySet.as_manager()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Samenwerkingsverband(VeldgerichteControles):
    code = models.CharField(
        "code",
        max_length=6,
        unique=True,
        validators=[RegexValidator(SWV_CODE.pattern, "Een code ziet eruit als PO2707 of VO2708.")],
        help_text="De compacte vorm, zoals PO2707.",
    )
    sector = models.CharField("sector", max_length=2, choices=Sector)
    naam = VrijeRegelField("naam", max_length=200)
    experiment = models.BooleanField(
        "experiment",
        default=False,
        help_text="Begon een jaar eerder met zorgplicht en toewijzing (1 augustus 2013).",
    )
    accountmanager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="accountmanager",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portefeuille",
        limit_choices_to={"rol": "accountmanager"},
    )
    coordinatoren = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="coördinatoren",
        blank=True,
        related_name="samenwerkingsverbanden",
        limit_choices_to={"rol": "coordinator"},
    )

    objects = SamenwerkingsverbandQuerySet.as_manager()

    class Meta:
        verbose_name = "samenwerkingsverband"
        verbose_name_plural = "samenwerkingsverbanden"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__startswith=models.F("sector")), name="swv_code_past_bij_sector"
            )
        ]

    def __str__(self):
        return f"{self.weergavecode} {self.naam}"

    @property
    def weergavecode(self) -> str:
        """The code as DUO writes it: PO 27-07."""
        match = SWV_CODE.match(self.code)
        return f"{match[1]} {match[2]}-{match[3]}" if match else self.code

    def get_additional_data(self):
        return {"swv_id": self.pk}


def swv_veld(related_name: str, **opties) -> models.ForeignKey:
    """The foreign key of a record that belongs to one SWV, the same on every model."""
    return models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.CASCADE,
        related_name=related_name,
        **opties,
    )


class SwvGebonden(models.Model):
    """Abstract base of every record that belongs to one SWV: row-level access through its
    queryset's `for_user` (the lookup to the SWV is the queryset's `swv_pad`) and the SWV in
    its audit-log entries, so the SWV's history page finds it."""

    objects = SwvGebondenQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_additional_data(self):
        return {"swv_id": swv_sleutel(self)}


class Toelichtingsvelden(SwvGebonden, Versiebeheer):
    """Abstract: what every explanation of an SWV holds ("pas toe of leg uit", ADRs 0082 and
    0086): its text, an optional document of the SWV, who changed it last and when, and its
    version. What it explains (a milestone, a round, a teldatum) is the subclass's."""

    tekst = VrijeTekstField("toelichting")
    document = models.ForeignKey(
        "swv.Document",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op")
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gewijzigd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


def swv_sleutel(record) -> int | None:
    """The id of the SWV a record belongs to, along its queryset's `swv_pad`."""
    *pad, laatste = type(record)._default_manager.get_queryset().swv_pad.split("__")
    for stap in pad:
        record = getattr(record, stap)
    return getattr(record, f"{laatste}_id")


class Postcodegebied(models.Model):
    """A four-digit postcode area: the unit of the legal region table."""

    pc4 = models.CharField(
        "PC4", max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$")]
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="postcodegebieden"
    )

    class Meta:
        verbose_name = "postcodegebied"
        verbose_name_plural = "postcodegebieden"
        ordering = ["pc4"]

    def __str__(self):
        return f"{self.pc4} ({self.gemeente})"


class Regiotoewijzing(SwvGebonden, VeldgerichteControles):
    """A PC4 area belongs to one SWV per sector, from `geldig_van` until `geldig_tot`
    (exclusive). A change of region ends one assignment and starts another."""

    postcodegebied = models.ForeignKey(
        Postcodegebied, on_delete=models.CASCADE, related_name="toewijzingen"
    )
    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.PROTECT,
        related_name="regio",
    )
    sector = models.CharField("sector", max_length=2, choices=Sector)
    geldig_van = DatumField("geldig van", default=REGIO_INGANGSDATUM)
    geldig_tot = DatumField("geldig tot", null=True, blank=True)

    objects = RegioQuerySet.as_manager()

    class Meta:
        verbose_name = "regiotoewijzing"
        verbose_name_plural = "regiotoewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["postcodegebied", "sector", "geldig_van"], name="een_swv_per_pc4_sector"
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=models.F("geldig_van")),
                name="regio_geldig_tot_na_van",
            ),
        ]

    def __str__(self):
        return f"{self.postcodegebied.pc4} → {self.swv.code} vanaf {datum(self.geldig_van)}"


class Groepering(VeldgerichteControles):
    """A group of SWVs the ministry follows apart: the experiments, the voorlopers of
    onderwijs and jeugd, the SWVs that left the national lwoo criteria, and any it defines
    next. Kept by the beheerder; which SWVs belong to it changes over time (`Groeperingslid`)."""

    naam = VrijeRegelField("naam", max_length=100, unique=True)
    omschrijving = VrijeTekstField("omschrijving", blank=True)

    objects = GroeperingQuerySet.as_manager()

    class Meta:
        verbose_name = "groep van samenwerkingsverbanden"
        verbose_name_plural = "groepen van samenwerkingsverbanden"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Groeperingslid(SwvGebonden, VeldgerichteControles):
    """An SWV in a group from `geldig_van` until `geldig_tot` (exclusive)."""

    groepering = models.ForeignKey(
        Groepering, verbose_name="groep", on_delete=models.CASCADE, related_name="leden"
    )
    swv = swv_veld("groeperingen")
    geldig_van = DatumField("geldig van")
    geldig_tot = DatumField("geldig tot", null=True, blank=True)

    objects = RegioQuerySet.as_manager()

    class Meta:
        verbose_name = "lid van een groep"
        verbose_name_plural = "leden van een groep"
        ordering = ["groepering", "swv__code", "geldig_van"]
        constraints = [
            models.UniqueConstraint(
                fields=["groepering", "swv", "geldig_van"], name="een_groepslid_per_begin"
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=models.F("geldig_van")),
                name="groepslid_geldig_tot_na_van",
            ),
        ]

    def __str__(self):
        return f"{self.swv} in {self.groepering} vanaf {datum(self.geldig_van)}"

    def clean(self):
        super().clean()
        if not (self.groepering_id and self.swv_id and self.geldig_van):
            return
        overlap = Groeperingslid.objects.filter(
            groepering_id=self.groepering_id, swv_id=self.swv_id
        ).exclude(pk=self.pk)
        overlap = overlap.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=self.geldig_van))
        if self.geldig_tot:
            overlap = overlap.filter(geldig_van__lt=self.geldig_tot)
        if overlap.exists():
            raise ValidationError(
                {"geldig_van": "Dit samenwerkingsverband is in die tijd al lid van deze groep."}
            )


class Schoolbestuur(models.Model):
    """A bevoegd gezag: the legal body of one or more schools."""

    bevoegd_gezag_nummer = models.CharField(
        "bevoegd-gezagnummer", max_length=5, unique=True, validators=[RegexValidator(r"^\d{5}$")]
    )
    naam = VrijeRegelField("naam", max_length=200, blank=True)

    objects = SchoolbestuurQuerySet.as_manager()

    class Meta:
        verbose_name = "schoolbestuur"
        verbose_name_plural = "schoolbesturen"
        ordering = ["bevoegd_gezag_nummer"]

    def __str__(self):
        """Its name; until DUO's board names are imported, the names of its schools (from
        `SchoolbestuurQuerySet.met_schoolnaam()` where a list shows many boards)."""
        if self.naam:
            return self.naam
        if hasattr(self, "eerste_school"):
            eerste, aantal = self.eerste_school, self.aantal_scholen_totaal
        else:
            namen = list(self.scholen.order_by("naam").values_list("naam", flat=True)[:2])
            eerste, aantal = (namen[0] if namen else None), self.scholen.count()
        if not eerste:
            return f"Schoolbestuur {self.bevoegd_gezag_nummer}"
        if aantal <= 1:
            return f"Bestuur van {eerste}"
        andere = aantal - 1
        return f"Bestuur van {eerste} en {andere} {'andere school' if andere == 1 else 'andere scholen'}"


class Schoolsoort(models.TextChoices):
    BAO = "bao", "Basisonderwijs"
    SBO = "sbo", "Speciaal basisonderwijs"
    SO = "so", "Speciaal onderwijs"
    VSO = "vso", "Voortgezet speciaal onderwijs"
    VO = "vo", "Voortgezet onderwijs"


SECTOR_VAN_SOORT = {
    Schoolsoort.BAO: Sector.PO,
    Schoolsoort.SBO: Sector.PO,
    Schoolsoort.SO: Sector.PO,
    Schoolsoort.VSO: Sector.VO,
    Schoolsoort.VO: Sector.VO,
}


class School(models.Model):
    """A school location (vestiging), as DUO publishes it."""

    vestigingsnummer = models.CharField(
        "vestigingsnummer",
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{2}[A-Z]{2}\d{2}$", "Zoals 16AH00: BRIN en volgnummer.")],
    )
    brin = models.CharField("BRIN", max_length=4)
    naam = VrijeRegelField("naam", max_length=200)
    soort = models.CharField("soort", max_length=3, choices=Schoolsoort)
    sector = models.CharField("sector", max_length=2, choices=Sector)
    bestuur = models.ForeignKey(
        Schoolbestuur, verbose_name="bestuur", on_delete=models.PROTECT, related_name="scholen"
    )
    straat = VrijeRegelField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField("postcode", max_length=7)
    plaats = VrijeRegelField("plaats", max_length=100, blank=True)
    postcodegebied = models.ForeignKey(
        Postcodegebied, on_delete=models.PROTECT, related_name="scholen"
    )
    denominatie = VrijeRegelField("denominatie", max_length=100, blank=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = "school"
        verbose_name_plural = "scholen"
        ordering = ["vestigingsnummer"]

    def __str__(self):
        return f"{self.naam} ({self.vestigingsnummer})"

    @property
    def gemeente(self):
        return self.postcodegebied.gemeente


class Lidmaatschap(SwvGebonden, Versiebeheer):
    """A school board's membership of an SWV, with its voting weight."""

    swv = swv_veld("lidmaatschappen")
    bestuur = models.ForeignKey(
        Schoolbestuur,
        verbose_name="bestuur",
        on_delete=models.PROTECT,
        related_name="lidmaatschappen",
    )
    stemgewicht = models.PositiveIntegerField(
        "stemgewicht", default=1, validators=[MinValueValidator(1)]
    )
    begindatum = DatumField("begindatum", default=REGIO_INGANGSDATUM)
    einddatum = DatumField("einddatum", null=True, blank=True)

    class Meta:
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        ordering = ["swv", "bestuur"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "bestuur"],
                condition=Q(einddatum__isnull=True),
                name="een_lopend_lidmaatschap",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gt=models.F("begindatum")),
                name="lidmaatschap_einde_na_begin",
            ),
        ]

    def __str__(self):
        return f"{self.bestuur} in {self.swv.code}"


class Leerlingcategorie(models.TextChoices):
    BAO = "bao", "bao"
    SBO = "sbo", "sbo"
    SO_CL1 = "so_cl1", "so cluster 1"
    SO_CL2 = "so_cl2", "so cluster 2"
    SO_CL34 = "so_cl34", "so cluster 3 en 4"
    VO = "vo", "vo"
    LWOO = "lwoo", "lwoo"
    PRO = "pro", "pro"
    VSO_CL1 = "vso_cl1", "vso cluster 1"
    VSO_CL2 = "vso_cl2", "vso cluster 2"
    VSO_CL34 = "vso_cl34", "vso cluster 3 en 4"


CATEGORIEEN_PER_SECTOR = {
    Sector.PO: ("bao", "sbo", "so_cl1", "so_cl2", "so_cl34"),
    Sector.VO: ("vo", "lwoo", "pro", "vso_cl1", "vso_cl2", "vso_cl34"),
}


class Leerlingtelling(SwvGebonden):
    """The number of pupils of one category in an SWV on a teldatum (1 October)."""

    swv = swv_veld("leerlingtellingen")
    teldatum = DatumField("teldatum", verleden=True)
    categorie = models.CharField("categorie", max_length=8, choices=Leerlingcategorie)
    aantal = models.PositiveIntegerField("aantal")

    class Meta:
        verbose_name = "leerlingtelling"
        verbose_name_plural = "leerlingtellingen"
        ordering = ["swv", "teldatum", "categorie"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "teldatum", "categorie"], name="een_telling_per_categorie"
            )
        ]

    def __str__(self):
        return f"{self.swv.code} {self.teldatum} {self.categorie}: {self.aantal}"


def document_pad(document, filename):
    return f"documenten/{document.swv.code}/{document.sha256[:2]}/{document.sha256}.pdf"


class Document(SwvGebonden):
    """An uploaded PDF that belongs to one SWV: statutes, a plan, minutes.

    Stored under its content hash and served only through a view that checks the reader's access;
    the media folder is never public.
    """

    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.PROTECT,
        related_name="documenten",
    )
    bestand = models.FileField("bestand", upload_to=document_pad, max_length=200)
    naam = VrijeRegelField("bestandsnaam", max_length=200)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geüpload door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    geupload_op = models.DateTimeField("geüpload op", auto_now_add=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-geupload_op"]

    def __str__(self):
        return self.naam


class Importsoort(models.TextChoices):
    REGIO = "regio", "Regio-indeling (PC4, gemeente, PO- en VO-samenwerkingsverband)"
    VESTIGINGEN = "vestigingen", "DUO: adressen van alle vestigingen"
    BESTUREN = "besturen", "DUO: adressen van de bevoegde gezagen"
    LEERLINGTELLINGEN = "leerlingtellingen", "Leerlingtellingen per teldatum"


class Importstatus(models.TextChoices):
    PROEF_WACHTRIJ = "proef_wachtrij", "Proefimport in de wachtrij"
    PROEF_BEZIG = "proef_bezig", "Proefimport bezig"
    PROEF_KLAAR = "proef_klaar", "Proefimport klaar"
    WACHTRIJ = "wachtrij", "Import in de wachtrij"
    BEZIG = "bezig", "Import bezig"
    TOEGEPAST = "toegepast", "Toegepast"
    GEWEIGERD = "geweigerd", "Geweigerd: er is niets ingelezen"
    MISLUKT = "mislukt", "Mislukt: er is niets ingelezen"


IMPORT_LOPEND = (
    Importstatus.PROEF_WACHTRIJ,
    Importstatus.PROEF_BEZIG,
    Importstatus.WACHTRIJ,
    Importstatus.BEZIG,
)


def importbestand_pad(opdracht, filename):
    return f"importen/{opdracht.sha256[:2]}/{opdracht.sha256}.csv"


class Importopdracht(models.Model):
    """One uploaded reference-data file: first a dry run (rolled back) that says what would be
    added, changed and removed, then, when the beheerder applies it, the import itself in one
    transaction. The file stays, so the report can always be traced to its input."""

    soort = models.CharField("soort bestand", max_length=20, choices=Importsoort)
    bestand = models.FileField("bestand", upload_to=importbestand_pad, max_length=200)
    naam = VrijeRegelField("bestandsnaam", max_length=200)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    geldig_van = models.DateField("geldig van", default=REGIO_INGANGSDATUM)
    schoolsoort = models.CharField(
        "schoolsoort", max_length=3, choices=Schoolsoort, default=Schoolsoort.BAO
    )
    status = models.CharField(
        "status", max_length=20, choices=Importstatus, default=Importstatus.PROEF_WACHTRIJ
    )
    proefverslag = models.JSONField("verslag van de proefimport", null=True, blank=True)
    verslag = models.JSONField("verslag van de import", null=True, blank=True)
    fout = models.TextField("fout", blank=True)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geüpload door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    geupload_op = models.DateTimeField("geüpload op", auto_now_add=True)
    verstuurd_op = models.DateTimeField("in de wachtrij gezet op", null=True, blank=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    toegepast_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="toegepast door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)

    class Meta:
        verbose_name = "importopdracht"
        verbose_name_plural = "importopdrachten"
        ordering = ["-geupload_op", "-pk"]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.naam}"

    @property
    def lopend(self) -> bool:
        return self.status in IMPORT_LOPEND

    @property
    def laatste_verslag(self) -> dict | None:
        return self.verslag or self.proefverslag
