"""The server time of the OCW dashboards, above all the national monitor page, over the demo
(150 SWVs) and again with twelve years of history (bench/geschiedenis.py). Prints figures;
asserts nothing. bench/paginas.py times every page of every role.

    .venv/bin/python bench/dashboards.py [--peildatum 2014-05-01]
"""

from omgeving import meet, voor_en_na_geschiedenis

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


if __name__ == "__main__":
    voor_en_na_geschiedenis(ronde, __doc__)
