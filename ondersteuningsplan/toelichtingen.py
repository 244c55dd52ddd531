"""The SWV's explanations of milestones it missed, met late or is at risk of missing ("pas toe
of leg uit", ADR 0082): which parts of a milestone's state ask for one, and reading them."""

from dataclasses import dataclass

from ondersteuningsplan.models import Status, Toelichting

#: The statuses that ask for an explanation.
TE_VERKLAREN = (Status.GEMIST, Status.TE_LAAT, Status.RISICO)


@dataclass(frozen=True)
class Verklaarbaar:
    """One part of a milestone's state that asks for an explanation: the milestone, or one
    cycle of a recurring milestone (`cyclus` its number, 0 for a milestone that does not
    recur)."""

    cyclus: int
    status: Status
    cyclusnaam: str = ""


def te_verklaren(stand) -> list[Verklaarbaar]:
    """What of a milestone's state (`selectors.Stand`) asks for an explanation, oldest first."""
    if stand.cycli:
        return [
            Verklaarbaar(c.nummer, c.status, c.naam)
            for c in stand.cycli
            if c.status in TE_VERKLAREN
        ]
    if stand.status in TE_VERKLAREN:
        return [Verklaarbaar(0, stand.status)]
    return []


def delen(swv_id: int, stand, uitleg: dict) -> list[tuple[Verklaarbaar, Toelichting | None]]:
    """Each part of the state that asks for an explanation, with the SWV's explanation of it
    from `uitleg` (what `van` read), or None."""
    return [
        (deel, uitleg.get((swv_id, stand.mijlpaal.pk, deel.cyclus))) for deel in te_verklaren(stand)
    ]


def sleutel(swv_id: int, stand) -> tuple[int, int, int]:
    """The key of the explanation of a state: its SWV, its milestone, its (current) cycle."""
    return (swv_id, stand.mijlpaal.pk, stand.cyclus.nummer if stand.cyclus else 0)


def van(swv_ids) -> dict[tuple[int, int, int], Toelichting]:
    """The explanations of the SWVs, by `sleutel` (one query)."""
    return {
        (t.swv_id, t.mijlpaal_id, t.cyclus): t
        for t in Toelichting.objects.filter(swv__in=swv_ids).select_related(
            "gewijzigd_door", "document"
        )
    }
