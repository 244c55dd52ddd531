"""The server time of the OCW dashboards, above all the national monitor page, over the demo
(150 SWVs) and over a hundred times as many synthetic SWVs. Prints figures; asserts nothing.

    .venv/bin/python bench/dashboards.py [--factor 100] [--peildatum 2014-05-01]
"""

import argparse
import datetime

from omgeving import meet, start_django, vermenigvuldig, zorg_voor_demo

PAGINAS = [
    ("monitor PO", "/dashboards/monitor/?peildatum={p}&sector=PO"),
    ("monitor VO", "/dashboards/monitor/?peildatum={p}&sector=VO"),
    ("portefeuille (alle SWVs)", "/dashboards/?peildatum={p}"),
    ("kaart PO", "/dashboards/kaart/?peildatum={p}&sector=PO"),
    ("leerlingen PO", "/dashboards/leerlingen/?sector=PO"),
    ("thuiszitters", "/dashboards/thuiszitters/"),
    ("export matrix PO (xlsx)", "/dashboards/monitor/export/matrix.xlsx?peildatum={p}&sector=PO"),
]


def ronde(peildatum):
    from django.test import Client

    from accounts.models import Gebruiker
    from swv.models import Samenwerkingsverband

    beheerder, _ = Gebruiker.objects.get_or_create(username="bench.beheerder", rol="beheerder")
    client = Client()
    client.force_login(beheerder)
    print(f"\n{Samenwerkingsverband.objects.count()} SWVs, peildatum {peildatum}")
    for naam, pad in PAGINAS:
        url = pad.format(p=peildatum.isoformat())
        antwoord = client.get(url)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
        mediaan, minimum, queries = meet(lambda u=url: client.get(u), herhalingen=5)
        print(
            f"  {naam:28} {mediaan:8.1f} ms (min {minimum:.1f}) in {queries:2} queries,"
            f" {len(antwoord.content) / 1024:6.0f} kB"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument(
        "--peildatum", type=datetime.date.fromisoformat, default=datetime.date(2014, 5, 1)
    )
    args = parser.parse_args()
    database = start_django("bench")
    print(f"database {database}")
    zorg_voor_demo()
    ronde(args.peildatum)
    vermenigvuldig(args.factor)
    ronde(args.peildatum)


if __name__ == "__main__":
    main()
