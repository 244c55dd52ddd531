"""The official schedule of the introduction of passend onderwijs, as data.

Source: "Bijlage 3. Mijlpalen invoering passend onderwijs" of the first voortgangsrapportage
passend onderwijs, and art. 18a lid 8 WPO / art. 17a lid 8 WVO for the four-yearly plan.
"""

import datetime

from django.db import migrations

MIJLPALEN = [
    {
        "code": "voorbereiding",
        "naam": "Voorbereiding afgerond",
        "omschrijving": "Schooljaar 2012/2013: juridische inrichting voorbereid, concept-OP in "
        "voorbereiding, werkgroepen ingericht.",
        "volgorde": 10,
        "deadline": datetime.date(2013, 7, 31),
        "stappen": ["hoofdlijnennotitie_opgesteld", "concept_statuten", "werkgroepen_ingericht"],
        "voorwaarden": [],
    },
    {
        "code": "rechtspersoon",
        "naam": "Samenwerkingsverband is rechtspersoon",
        "omschrijving": "Uiterlijk 1 november 2013 is het samenwerkingsverband opgericht als "
        "rechtspersoon (stichting of vereniging).",
        "volgorde": 20,
        "deadline": datetime.date(2013, 11, 1),
        "stappen": ["rechtspersoon_opgericht"],
        "voorwaarden": ["hoofdlijnennotitie_geaccordeerd", "concept_statuten"],
    },
    {
        "code": "op-voorgelegd-opr",
        "naam": "OP voorgelegd aan de ondersteuningsplanraad",
        "omschrijving": "Uiterlijk 1 februari 2014 is het ondersteuningsplan voorgelegd aan de "
        "ondersteuningsplanraad.",
        "volgorde": 30,
        "deadline": datetime.date(2014, 2, 1),
        "stappen": ["voorgelegd_opr"],
        "voorwaarden": ["concept_op_gereed"],
    },
    {
        "code": "op-naar-inspectie",
        "naam": "Eerste OP naar de Inspectie",
        "omschrijving": "Uiterlijk 1 mei 2014 is het eerste ondersteuningsplan vastgesteld en "
        "aan de Inspectie gestuurd; het OOGO met de gemeenten heeft plaatsgevonden en de "
        "ondersteuningsplanraad heeft ingestemd.",
        "volgorde": 40,
        "deadline": datetime.date(2014, 5, 1),
        "stappen": [
            "afgestemd_gemeenten",
            "akkoord_opr",
            "op_vastgesteld",
            "op_aangeboden_inspectie",
        ],
        "voorwaarden": ["concept_op_gereed", "voorgelegd_opr"],
    },
    {
        "code": "zorgplicht",
        "naam": "Zorgplicht en toewijzing extra ondersteuning",
        "omschrijving": "Op 1 augustus 2014 gaat de zorgplicht in; de oude verbanden en de "
        "regionale expertisecentra houden op en het samenwerkingsverband wijst de extra "
        "ondersteuning toe. Voor de experimenten (po Haarlem, vo Helmond, vo Utrecht) een jaar "
        "eerder.",
        "volgorde": 50,
        "deadline": datetime.date(2014, 8, 1),
        "deadline_experiment": datetime.date(2013, 8, 1),
        "stappen": ["rechtspersoon_opgericht", "op_vastgesteld", "gezondheidsadministratie"],
        "voorwaarden": ["akkoord_opr"],
    },
    {
        "code": "bekostiging",
        "naam": "Nieuwe bekostiging en start verevening",
        "omschrijving": "Op 1 augustus 2015 start de nieuwe bekostiging en de verevening; de "
        "middelen voor ambulante begeleiding gaan naar de samenwerkingsverbanden, met afspraken "
        "over herbesteding bij (v)so-scholen.",
        "volgorde": 60,
        "deadline": datetime.date(2015, 8, 1),
        "stappen": ["herbesteding_vso"],
        "voorwaarden": ["op_vastgesteld"],
    },
    {
        "code": "verevening-voltooid",
        "naam": "Verevening voltooid",
        "omschrijving": "Op 1 augustus 2020 is de verevening voltooid: de middelen zijn per "
        "leerling gelijk over het land.",
        "volgorde": 70,
        "deadline": datetime.date(2020, 8, 1),
        "stappen": [],
        "voorwaarden": [],
    },
    {
        "code": "nieuw-op",
        "naam": "Nieuw ondersteuningsplan",
        "omschrijving": "Het samenwerkingsverband stelt ten minste eens in de vier jaar een "
        "nieuw ondersteuningsplan vast.",
        "volgorde": 80,
        "deadline": None,
        "herhaling_jaren": 4,
        "stappen": ["op_vastgesteld"],
        "voorwaarden": [],
    },
]


def laad(apps, schema_editor):
    Mijlpaal = apps.get_model("ondersteuningsplan", "Mijlpaal")
    for rij in MIJLPALEN:
        Mijlpaal.objects.update_or_create(code=rij["code"], defaults=rij)


def verwijder(apps, schema_editor):
    apps.get_model("ondersteuningsplan", "Mijlpaal").objects.filter(
        code__in=[rij["code"] for rij in MIJLPALEN]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("ondersteuningsplan", "0001_initial")]

    operations = [migrations.RunPython(laad, verwijder)]
