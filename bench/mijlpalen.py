"""The national monitor and the statuses of every SWV, for one peildatum, over the demo and
again with twelve years of history (bench/geschiedenis.py); beside the same monitor aggregate
as one raw SQL query. Prints figures; asserts nothing.

    .venv/bin/python bench/mijlpalen.py
"""

from omgeving import meet, voor_en_na_geschiedenis

RAUW = """
WITH feiten AS (
    SELECT f.stap, COUNT(DISTINCT f.swv_id) AS aantal
    FROM ondersteuningsplan_feit f JOIN swv_samenwerkingsverband s ON s.id = f.swv_id
    WHERE s.sector = %(sector)s AND f.datum <= %(peildatum)s
    GROUP BY f.stap
), opr AS (
    SELECT COUNT(DISTINCT p.swv_id) FILTER (WHERE b.datum_voorgelegd <= %(peildatum)s) AS voorgelegd,
           COUNT(DISTINCT p.swv_id) FILTER (
               WHERE b.besluit = 'instemming' AND b.datum_besluit <= %(peildatum)s) AS akkoord
    FROM ondersteuningsplan_oprbesluit b
    JOIN ondersteuningsplan_ondersteuningsplan p ON p.id = b.ondersteuningsplan_id
    JOIN swv_samenwerkingsverband s ON s.id = p.swv_id
    WHERE s.sector = %(sector)s
)
SELECT (SELECT COUNT(*) FROM swv_samenwerkingsverband WHERE sector = %(sector)s),
       (SELECT json_object_agg(stap, aantal) FROM feiten), opr.voorgelegd, opr.akkoord
FROM opr
"""


def rauw(peildatum, sector):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAUW, {"peildatum": peildatum, "sector": sector})
        return cursor.fetchone()


def ronde(peildatum):
    from ondersteuningsplan.models import Feit
    from ondersteuningsplan.selectors import monitor, standen
    from ondersteuningsplan.stappen import Stap
    from swv.models import Samenwerkingsverband

    aantal = Samenwerkingsverband.objects.count()
    feiten = Feit.objects.count()
    print(f"\n{aantal} SWVs, {feiten} facts, peildatum {peildatum}")
    for sector in ("PO", "VO"):
        orm = monitor(peildatum, sector)
        totaal, per_stap, voorgelegd, akkoord = rauw(peildatum, sector)
        assert orm.aantal_swvs == totaal
        assert orm.cijfer(Stap.AKKOORD_OPR).aantal == akkoord
        assert orm.cijfer(Stap.VOORGELEGD_OPR).aantal == voorgelegd
        assert all(orm.cijfer(Stap(stap)).aantal == n for stap, n in (per_stap or {}).items())
        m_orm = meet(lambda s=sector: monitor(peildatum, s))
        m_rauw = meet(lambda s=sector: rauw(peildatum, s))
        print(
            f"  monitor {sector}: ORM {m_orm[0]:7.1f} ms (min {m_orm[1]:.1f}) in {m_orm[2]} queries"
            f" | raw SQL {m_rauw[0]:7.1f} ms (min {m_rauw[1]:.1f}) in 1 query"
            f" | ratio {m_orm[0] / m_rauw[0]:.2f}"
        )
    alle = list(Samenwerkingsverband.objects.all())
    m_standen = meet(lambda: standen(alle, peildatum), herhalingen=3)
    print(
        f"  statuses of all {aantal} SWVs, every milestone: {m_standen[0]:7.1f} ms"
        f" (min {m_standen[1]:.1f}) in {m_standen[2]} queries"
    )


if __name__ == "__main__":
    voor_en_na_geschiedenis(ronde, __doc__)
