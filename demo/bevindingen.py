"""The Inspectie's findings in the demo: signalen, oordelen over the thuiszitterregistratie,
kwaliteitsonderzoeken with their vervolgafspraken, and risico-indicatoren, over the school
years before the demo's `vandaag`. Seeded per SWV, so a second run gives the same findings.

Descriptions are general phrases: the demo, like the portal, holds nothing about a pupil."""

import datetime
import random

from toezicht.models import (
    Afspraakstatus,
    Bron,
    Indicator,
    Kwaliteitsonderzoek,
    Onderwerp,
    Onderzoeksuitkomst,
    Oordeel,
    Registratieoordeel,
    Risicoindicator,
    Risiconiveau,
    Signaal,
    Uitkomst,
    Vervolgafspraak,
)

D = datetime.date

SIGNAALTEKSTEN = {
    Onderwerp.THUISZITTER: "Leerling zit sinds enkele maanden thuis zonder passend aanbod.",
    Onderwerp.ZORGPLICHT: "School heeft binnen de termijn geen passende plek aangeboden.",
    Onderwerp.TOELAATBAARHEID: "Aanvraag toelaatbaarheidsverklaring bleef lang liggen.",
    Onderwerp.SCHORSING: "Herhaalde schorsing zonder overleg met het samenwerkingsverband.",
    Onderwerp.ANDERS: "Vraag over de bekostiging van een arrangement.",
}

AFSPRAKEN = (
    "Thuiszittersregistratie per kwartaal aanleveren en bespreken met de gemeenten.",
    "Ondersteuningsplan aanvullen met de werkwijze voor toelaatbaarheidsverklaringen.",
    "Jaarverslag aanvullen met de besteding van de middelen voor zware ondersteuning.",
    "Overzicht van het dekkend netwerk opstellen met de besturen.",
)


def schooljaar_van(datum: datetime.date) -> datetime.date:
    return D(datum.year if datum.month >= 8 else datum.year - 1, 8, 1)


def genereer(swvs, inspecteur, seed: int, vandaag: datetime.date) -> list[tuple[type, list]]:
    """The findings for `swvs`, recorded by `inspecteur`, as unsaved model instances per model,
    in the order in which they can be saved (an onderzoek before its vervolgafspraken)."""
    huidig = schooljaar_van(vandaag)
    vorig = D(huidig.year - 1, 8, 1)
    uit: dict[type, list] = {m: [] for m in (Signaal, Registratieoordeel, Risicoindicator)}
    onderzoeken: list[tuple[Kwaliteitsonderzoek, list[Vervolgafspraak]]] = []

    for swv in swvs:
        rng = random.Random(f"{seed}:{swv.code}:bevindingen")
        basis = {"swv": swv, "vastgelegd_door": inspecteur}

        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            ontvangen = tussen(rng, vorig, vandaag - datetime.timedelta(days=1))
            onderwerp = rng.choice(list(Onderwerp))
            uitkomst = rng.choices(list(Uitkomst), weights=(5, 3, 2))[0]
            afgehandeld = None
            if uitkomst != Uitkomst.NIET_OPGELOST:
                afgehandeld = min(vandaag, ontvangen + datetime.timedelta(days=rng.randint(7, 90)))
            uit[Signaal].append(
                Signaal(
                    **basis,
                    bron=rng.choices(list(Bron), weights=(6, 3, 2, 1))[0],
                    onderwerp=onderwerp,
                    ontvangen_op=ontvangen,
                    afgehandeld_op=afgehandeld,
                    uitkomst=uitkomst,
                    omschrijving=SIGNAALTEKSTEN[onderwerp],
                )
            )

        oordeel = rng.choices(list(Oordeel), weights=(2, 6, 3))[0]
        uit[Registratieoordeel].append(
            Registratieoordeel(
                **basis,
                periode_van=vorig,
                periode_tot=huidig - datetime.timedelta(days=1),
                oordeel=oordeel,
                toelichting=(
                    "Registratie onvolledig: duur en aanbod ontbreken bij een deel van de meldingen."
                    if oordeel == Oordeel.ONVOLDOENDE
                    else "Registratie volledig en op tijd aangeleverd."
                ),
            )
        )

        for indicator in Indicator:
            niveau = rng.choices(list(Risiconiveau), weights=(7, 2, 1))[0]
            uit[Risicoindicator].append(
                Risicoindicator(
                    **basis,
                    periode_van=vorig,
                    periode_tot=huidig - datetime.timedelta(days=1),
                    indicator=indicator,
                    niveau=niveau,
                )
            )

        if oordeel == Oordeel.ONVOLDOENDE or rng.random() < 0.08:
            onderzoeken.append(onderzoek(rng, basis, vorig, vandaag))
        onderzoeken.extend(eerder_onderzoek(seed, basis, vorig))

    return [
        *uit.items(),
        (Kwaliteitsonderzoek, [o for o, _ in onderzoeken]),
        (Vervolgafspraak, [a for _, afspraken in onderzoeken for a in afspraken]),
    ]


def onderzoek(rng, basis, vorig, vandaag):
    begonnen = tussen(rng, vorig, vandaag - datetime.timedelta(days=60))
    afgerond = None
    uitkomst = ""
    if rng.random() < 0.75:
        afgerond = min(vandaag, begonnen + datetime.timedelta(days=rng.randint(20, 50)))
        uitkomst = rng.choices(list(Onderzoeksuitkomst), weights=(2, 5, 3, 1))[0]
    kwaliteitsonderzoek = Kwaliteitsonderzoek(
        **basis, begonnen_op=begonnen, afgerond_op=afgerond, uitkomst=uitkomst
    )
    afspraken = []
    if uitkomst in (Onderzoeksuitkomst.ONVOLDOENDE, Onderzoeksuitkomst.ZEER_ZWAK):
        for tekst in rng.sample(AFSPRAKEN, 2):
            deadline = afgerond + datetime.timedelta(days=rng.choice((60, 90, 180)))
            status = Afspraakstatus.OPEN
            afgesloten = None
            if deadline < vandaag and rng.random() < 0.6:
                status = Afspraakstatus.NAGEKOMEN
                afgesloten = deadline - datetime.timedelta(days=rng.randint(0, 20))
            afspraken.append(
                Vervolgafspraak(
                    **basis,
                    omschrijving=tekst,
                    gemaakt_op=afgerond,
                    deadline=deadline,
                    status=status,
                    afgesloten_op=afgesloten,
                )
            )
    return kwaliteitsonderzoek, afspraken


def eerder_onderzoek(seed, basis, vorig):
    """The Inspectie visits every SWV at least once in four years: nine in ten demo SWVs had a
    visit in the three years before the previous school year, the rest none (the risk analysis
    flags those, and the earliest visits). A random source of its own, so the other findings
    stay as they were."""
    rng = random.Random(f"{seed}:{basis['swv'].code}:eerder-onderzoek")
    if rng.random() < 0.1:
        return []
    begonnen = tussen(rng, D(vorig.year - 3, 9, 1), D(vorig.year, 6, 1))
    afgerond = begonnen + datetime.timedelta(days=rng.randint(20, 50))
    uitkomst = rng.choices(list(Onderzoeksuitkomst), weights=(3, 6, 1, 0))[0]
    return [
        (
            Kwaliteitsonderzoek(
                **basis, begonnen_op=begonnen, afgerond_op=afgerond, uitkomst=uitkomst
            ),
            [],
        )
    ]


def tussen(rng: random.Random, van: datetime.date, tot: datetime.date) -> datetime.date:
    return van + datetime.timedelta(days=rng.randint(0, max(0, (tot - van).days)))
