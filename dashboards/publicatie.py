"""An SWV's public figures (ADR 0084): what its public page shows, built when it publishes and
kept as published. Shares and statuses as they are; every count under five as "< 5"
(`openbaar.klein`); explanations of milestones, rounds and teldata as the SWV wrote them (their
documents stay behind the login)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dashboards import selectors
from dashboards.models import Publicatie
from dashboards.openbaar import json_waarde, klein
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan import toelichtingen
from passend import formatting
from passend.tables import Tabel
from swv import deelname
from swv.models import Samenwerkingsverband
from toezicht import selectors as toezicht_selectors

#: The number of complete thuiszitter rounds on the page: two years.
RONDES = 12


def _tabel(naam, titel, kolommen, rijen, getallen=(), datums=(), decimalen=0) -> dict:
    return {
        "naam": naam,
        "titel": titel,
        "kolommen": kolommen,
        "rijen": [[json_waarde(w) for w in rij] for rij in rijen],
        "getallen": list(getallen),
        "datums": list(datums),
        "decimalen": decimalen,
    }


def als_tabel(data: dict) -> Tabel:
    """A stored table as the pages and downloads take it: dates as dates again."""
    datums = set(data["datums"])
    return Tabel(
        data["naam"],
        data["titel"],
        data["kolommen"],
        [
            [datetime.date.fromisoformat(w) if i in datums and w else w for i, w in enumerate(rij)]
            for rij in data["rijen"]
        ],
        getallen=frozenset(data["getallen"]),
        decimalen=dict.fromkeys(data["getallen"], data["decimalen"]) if data["decimalen"] else {},
    )


def inhoud(swv: Samenwerkingsverband, peildatum: datetime.date) -> dict:
    """The SWV's public figures on the peildatum, as JSON-safe data."""
    standen = [s for s in op_selectors.standen_van(swv, peildatum) if s.status]
    uitleg = toelichtingen.van([swv.pk])
    cijferuitleg = toezicht_selectors.cijferuitleg([swv.pk])
    per_teldatum = {dag: t.tekst for (_, dag), t in cijferuitleg.per_teldatum.items()}
    per_periode = {t.ronde.periode_van: t.tekst for t in cijferuitleg.per_ronde.values()}
    mijlpalen = []
    for stand in standen:
        teksten = [t.tekst for _, t in toelichtingen.delen(swv.pk, stand, uitleg) if t]
        mijlpalen.append(
            [
                stand.mijlpaal.naam,
                stand.deadline,
                stand.status.label,
                stand.behaald_op,
                " ".join(teksten),
            ]
        )
    land = deelname.landelijk(swv.sector)
    eigen = {t: d for (_, t), d in deelname.per_swv(swv.sector, [swv]).items() if t <= peildatum}
    zwaar = deelname.LABELS[deelname.ZWAAR[swv.sector]]
    deelnamerijen = []
    for t in sorted(eigen, reverse=True):
        v = deelname.verevening(eigen[t], land[t]) if t in land else None
        deelnamerijen.append(
            [
                t,
                selectors.afgerond(eigen[t].zwaar, 2),
                selectors.afgerond(land[t].zwaar, 2) if t in land else None,
                v.label if v else "",
                per_teldatum.get(t, ""),
            ]
        )
    rondes = selectors.thuiszitters(
        Samenwerkingsverband.objects.filter(pk=swv.pk),
        tot=peildatum + datetime.timedelta(days=1),
        vanaf=peildatum - datetime.timedelta(days=3 * 365),
    )[-RONDES:]
    return {
        "swv": {"code": swv.code, "weergavecode": swv.weergavecode, "naam": swv.naam},
        "peildatum": peildatum.isoformat(),
        "tabellen": [
            _tabel(
                "mijlpalen",
                f"Mijlpalen op {formatting.datum_lang(peildatum)}",
                ["Mijlpaal", "Uiterste datum", "Stand", "Behaald op", "Toelichting"],
                mijlpalen,
                datums=(1, 3),
            ),
            _tabel(
                "deelname",
                f"Deelname aan {zwaar} (%) per teldatum",
                ["Teldatum", swv.weergavecode, "Landelijk", "Verevening", "Toelichting"],
                deelnamerijen,
                getallen=(1, 2),
                datums=(0,),
                decimalen=2,
            ),
            _tabel(
                "thuiszitters",
                "Thuiszitters per rapportageronde, de laatste twee jaar",
                [
                    "Periode van",
                    "Periode tot en met",
                    "Thuiszitters",
                    "Drie maanden of langer zonder aanbod",
                    "Toelichting",
                ],
                [
                    [
                        r.periode_van,
                        r.periode_tot,
                        klein(r.totaal),
                        klein(r.lang_zonder_aanbod),
                        per_periode.get(r.periode_van, ""),
                    ]
                    for r in reversed(rondes)
                ],
                getallen=(2, 3),
                datums=(0, 1),
            ),
        ],
    }


def publiceer(
    swv: Samenwerkingsverband,
    door=None,
    automatisch: bool = False,
    op: datetime.datetime | None = None,
) -> Publicatie:
    """Makes the SWV's figures of today (of `op`, for the demo's history) public, as they are
    now."""
    op = op or timezone.now()
    peildatum = timezone.localdate(op)
    with transaction.atomic():
        return Publicatie.objects.create(
            swv=swv,
            peildatum=peildatum,
            inhoud=inhoud(swv, peildatum),
            gepubliceerd_op=op,
            door=door,
            automatisch=automatisch,
        )


def laatste(swv: Samenwerkingsverband) -> Publicatie | None:
    return swv.publicaties.order_by("-gepubliceerd_op").first()


def verlopen(nu: datetime.datetime | None = None) -> list[Samenwerkingsverband]:
    """The SWVs that have not published in the last PUBLICATIE_TERMIJN_WEKEN weeks (or never):
    the portal publishes for them, as Vensters does for schools."""
    grens = (nu or timezone.now()) - datetime.timedelta(weeks=settings.PUBLICATIE_TERMIJN_WEKEN)
    recent = Publicatie.objects.filter(gepubliceerd_op__gte=grens).values("swv_id")
    return list(Samenwerkingsverband.objects.exclude(pk__in=recent).order_by("code"))
