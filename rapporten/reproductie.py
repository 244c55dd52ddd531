"""Reports anyone can reproduce (ADR 0087): a content hash of a report's numbers, the version of
the milestone schedule they were computed with, and a recomputation from the stored data that
says, figure by figure, what would differ today."""

import hashlib
import json
from dataclasses import dataclass

from ondersteuningsplan.models import Mijlpaal, MijlpaalUitzondering

#: Keys of the numbers that say how they were made rather than what they are.
HERKOMST = ("schema",)


def _canoniek(waarde) -> bytes:
    return json.dumps(
        waarde, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    ).encode()


def inhoudshash(cijfers: dict) -> str:
    """The SHA-256 of the numbers in canonical JSON (sorted keys, no spaces): the same numbers
    give the same hash on any machine, in any order of reading."""
    return hashlib.sha256(_canoniek(cijfers)).hexdigest()


def schemaversie() -> str:
    """The version of the milestone schedule: a short hash of every milestone and per-SWV
    exception as the statuses read them (two queries). A change of a deadline, a step or an
    exception gives another version; the same schedule on another machine the same one."""
    mijlpalen = list(
        Mijlpaal.objects.order_by("code").values(
            "code",
            "sector",
            "deadline",
            "deadline_experiment",
            "herhaling_jaren",
            "stappen",
            "voorwaarden",
        )
    )
    uitzonderingen = list(
        MijlpaalUitzondering.objects.order_by("mijlpaal__code", "swv__code", "cyclus").values(
            "mijlpaal__code", "swv__code", "cyclus", "deadline"
        )
    )
    return hashlib.sha256(_canoniek([mijlpalen, uitzonderingen])).hexdigest()[:12]


@dataclass(frozen=True)
class Verschil:
    pad: str  # where in the numbers, e.g. "standen[3].status"
    toen: object
    nu: object


def verschillen(toen, nu, pad: str = "") -> list[Verschil]:
    """Every figure that differs between two sets of numbers, by its path; a part that exists
    on one side only is one difference."""
    if isinstance(toen, dict) and isinstance(nu, dict):
        uit = []
        for sleutel in sorted(toen.keys() | nu.keys()):
            deel = f"{pad}.{sleutel}" if pad else sleutel
            if sleutel not in toen or sleutel not in nu:
                uit.append(Verschil(deel, toen.get(sleutel), nu.get(sleutel)))
            else:
                uit += verschillen(toen[sleutel], nu[sleutel], deel)
        return uit
    if isinstance(toen, list) and isinstance(nu, list) and len(toen) == len(nu):
        uit = []
        for i, (a, b) in enumerate(zip(toen, nu, strict=True)):
            # a row of an SWV is named by its code, the rest by their place
            naam = a.get("code") if isinstance(a, dict) and a.get("code") == b.get("code") else None
            uit += verschillen(a, b, f"{pad}[{naam or i}]")
        return uit
    return [] if toen == nu else [Verschil(pad, toen, nu)]


@dataclass(frozen=True)
class Herberekening:
    hash_toen: str
    hash_nu: str
    schema_toen: str | None
    schema_nu: str
    verschillen: list[Verschil]

    @property
    def gelijk(self) -> bool:
        return not self.verschillen


def herbereken(rapport) -> Herberekening:
    """The report's numbers computed again from today's data for the same variant and
    peildatum, beside the stored ones. Chapters added to the portal after the report was made
    are not differences: only what the report holds is compared. The schedule's version is
    reported apart, so a changed schedule is named as the cause, not hidden in the figures."""
    from rapporten import inhoud

    toen = rapport.cijfers or {}
    # as it would be stored: JSON has no tuples
    nieuw = json.loads(
        _canoniek(
            inhoud.verzamel(
                rapport.soort, rapport.peildatum, rapport.sector, rapport.swv, rapport.groepering
            )
        )
    )
    # what the report holds, computed again: equal numbers give the stored hash
    zelfde_delen = {k: v for k, v in nieuw.items() if k in toen}
    return Herberekening(
        hash_toen=rapport.inhoudshash or inhoudshash(toen),
        hash_nu=inhoudshash(zelfde_delen),
        schema_toen=toen.get("schema"),
        schema_nu=nieuw.get("schema", ""),
        verschillen=verschillen(
            {k: v for k, v in toen.items() if k not in HERKOMST},
            {k: v for k, v in zelfde_delen.items() if k not in HERKOMST},
        ),
    )
