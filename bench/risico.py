"""The yearly risk analysis of every SWV (toezicht/risico.py) for the current year and for 2020,
over the demo and again with twelve years of history (bench/geschiedenis.py); beside the
statuses of every SWV on the same day, the part of it the portal computed before. Prints
figures; asserts nothing.

    .venv/bin/python bench/risico.py
"""

import datetime

from omgeving import meet, voor_en_na_geschiedenis


def ronde(_peildatum):
    from ondersteuningsplan.selectors import standen
    from swv.models import Samenwerkingsverband
    from toezicht import risico
    from toezicht.models import Signaal, Thuiszittertelling

    alle = list(Samenwerkingsverband.objects.all())
    print(
        f"\n{len(alle)} SWVs, {Signaal.objects.count()} signalen, "
        f"{Thuiszittertelling.objects.count()} thuiszitter counts"
    )
    for jaar in (datetime.date.today().year, 2020):
        peildatum = risico.peildatum_van(jaar)
        m_analyse = meet(lambda j=jaar: risico.analyse(j), herhalingen=5)
        m_standen = meet(lambda p=peildatum: standen(alle, p), herhalingen=5)
        print(
            f"  analysis {jaar}: {m_analyse[0]:7.1f} ms (min {m_analyse[1]:.1f}) in "
            f"{m_analyse[2]} queries | statuses alone {m_standen[0]:7.1f} ms in {m_standen[2]}"
            f" queries | ratio {m_analyse[0] / m_standen[0]:.2f}"
        )


if __name__ == "__main__":
    voor_en_na_geschiedenis(ronde, __doc__)
