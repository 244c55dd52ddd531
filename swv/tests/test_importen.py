"""Imports in the browser: upload, dry run, apply in one transaction, undo by the previous file,
the report as CSV, and access for the beheerder only. The tasks run eagerly after commit, as
the test settings say; the region table is the real one."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Rol
from swv.models import Importopdracht, Importstatus, Regiotoewijzing
from swv.services.regio import importeer_regio_indeling
from tests.nederlands import engelse_woorden

pytestmark = pytest.mark.django_db

OVERGANG = datetime.date(2015, 8, 1)
NIEUW = reverse("admin:swv_importopdracht_add")


def pagina(pk):
    return reverse("admin:swv_importopdracht_change", args=[pk])


@pytest.fixture
def beheerder(client, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.BEHEERDER))
    return client


@pytest.fixture
def regio(referentiedata):
    """The real table read in, and its text, to change."""
    bestand = referentiedata / "regio-indeling-2013.csv"
    importeer_regio_indeling(bestand)
    return bestand.read_text(encoding="utf-8-sig")


def gewijzigd(tekst: str, *vervangingen: tuple[str, str]) -> str:
    for oud, nieuw in vervangingen:
        assert oud in tekst
        tekst = tekst.replace(oud, nieuw, 1)
    return tekst


#: Two PC4 areas of Amsterdam move: 1011 to PO 27-04, 1012 to VO 26-01.
VERHUIZING = (
    ("1011,Amsterdam,PO2707,VO2708", "1011,Amsterdam,PO2704,VO2708"),
    ("1012,Amsterdam,PO2707,VO2708", "1012,Amsterdam,PO2707,VO2601"),
)


def regio_stand():
    return list(
        Regiotoewijzing.objects.order_by("pk").values_list(
            "pk", "postcodegebied__pc4", "sector", "swv__code", "geldig_van", "geldig_tot"
        )
    )


def upload(client, tekst, naam="regio-indeling.csv", soort="regio", per=OVERGANG, **extra):
    inhoud = tekst if isinstance(tekst, bytes) else tekst.encode()
    return client.post(
        NIEUW,
        {
            "soort": soort,
            "bestand": SimpleUploadedFile(naam, inhoud, content_type="text/csv"),
            "geldig_van": per.isoformat(),
            "schoolsoort": "bao",
            **extra,
        },
    )


def proef(client, tekst, django_capture_on_commit_callbacks, **kwargs) -> Importopdracht:
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = upload(client, tekst, **kwargs)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    return Importopdracht.objects.latest("pk")


def inlezen(client, opdracht, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("admin:swv_importopdracht_toepassen", args=[opdracht.pk]))
    assert antwoord.status_code == 302
    opdracht.refresh_from_db()
    return opdracht


def swv_van(pc4, sector):
    return Regiotoewijzing.objects.get(
        postcodegebied__pc4=pc4, sector=sector, geldig_tot__isnull=True
    ).swv.code


def test_a_changed_region_table_dry_runs_applies_and_is_undone_by_the_previous_file(
    beheerder, regio, django_capture_on_commit_callbacks
):
    voor = regio_stand()

    opdracht = proef(beheerder, gewijzigd(regio, *VERHUIZING), django_capture_on_commit_callbacks)

    assert opdracht.status == Importstatus.PROEF_KLAAR
    assert regio_stand() == voor  # the dry run changed nothing
    telling = opdracht.proefverslag["telling"]
    assert telling["regiotoewijzingen aangemaakt"] == 2
    assert telling["regiotoewijzingen beëindigd"] == 2
    assert opdracht.proefverslag["fouten"] == []
    html = beheerder.get(pagina(opdracht.pk)).content.decode()
    assert "Wat het inlezen zou veranderen" in html
    assert "PC4 1011 gaat op 01-08-2015 van PO2707 naar PO2704" in html
    assert 'value="Inlezen"' in html
    assert not engelse_woorden(html)

    opdracht = inlezen(beheerder, opdracht, django_capture_on_commit_callbacks)

    assert opdracht.status == Importstatus.TOEGEPAST, opdracht.fout
    assert opdracht.verslag["telling"]["regiotoewijzingen aangemaakt"] == 2
    assert swv_van("1011", "PO") == "PO2704"
    assert swv_van("1012", "VO") == "VO2601"
    oud = Regiotoewijzing.objects.get(postcodegebied__pc4="1011", sector="PO", swv__code="PO2707")
    assert oud.geldig_tot == OVERGANG  # the region before the move stays readable
    html = beheerder.get(pagina(opdracht.pk)).content.decode()
    assert "Wat er is veranderd" in html
    assert not engelse_woorden(html)

    terug = proef(beheerder, regio, django_capture_on_commit_callbacks)
    assert terug.proefverslag["telling"]["regiotoewijzingen verwijderd"] == 2
    assert terug.proefverslag["telling"]["regiotoewijzingen bijgewerkt"] == 2
    terug = inlezen(beheerder, terug, django_capture_on_commit_callbacks)

    assert terug.status == Importstatus.TOEGEPAST, terug.fout
    assert regio_stand() == voor


def test_a_bad_row_leaves_nothing_half_imported(
    beheerder, regio, django_capture_on_commit_callbacks
):
    voor = regio_stand()
    slecht = gewijzigd(regio, *VERHUIZING, ("1013,Amsterdam", "10X3,Amsterdam"))

    opdracht = proef(beheerder, slecht, django_capture_on_commit_callbacks)

    assert opdracht.proefverslag["fouten"] == [
        "regel 4: '10X3' is geen viercijferige postcode; overgeslagen"
    ]
    html = beheerder.get(pagina(opdracht.pk)).content.decode()
    assert "Regels die niet kloppen (1)" in html
    assert 'value="Inlezen"' not in html
    opdracht = inlezen(beheerder, opdracht, django_capture_on_commit_callbacks)
    assert opdracht.status == Importstatus.PROEF_KLAAR
    assert regio_stand() == voor


def test_a_row_that_turns_bad_after_the_dry_run_rolls_the_whole_import_back(
    beheerder, regio, tmp_path, django_capture_on_commit_callbacks
):
    opdracht = proef(beheerder, gewijzigd(regio, *VERHUIZING), django_capture_on_commit_callbacks)
    assert opdracht.proefverslag["fouten"] == []
    # Meanwhile 1011 moves elsewhere from a later date: the file's move of 1011 no longer fits.
    later = tmp_path / "later.csv"
    later.write_text(gewijzigd(regio, ("1011,Amsterdam,PO2707", "1011,Amsterdam,PO2705")))
    importeer_regio_indeling(later, datetime.date(2016, 1, 1))
    voor = regio_stand()

    opdracht = inlezen(beheerder, opdracht, django_capture_on_commit_callbacks)

    assert opdracht.status == Importstatus.GEWEIGERD
    assert "er is niets ingelezen" in opdracht.fout
    assert regio_stand() == voor  # 1012's move, a good line, was rolled back too
    assert swv_van("1012", "VO") == "VO2708"


def test_the_report_downloads_as_csv_for_dutch_excel(
    beheerder, regio, django_capture_on_commit_callbacks
):
    opdracht = proef(beheerder, gewijzigd(regio, *VERHUIZING), django_capture_on_commit_callbacks)

    antwoord = beheerder.get(reverse("admin:swv_importopdracht_verslag", args=[opdracht.pk]))

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeffBestand;regio-indeling.csv\r\n")
    assert "regiotoewijzingen;2;0;2;" in tekst
    assert "melding;PC4 1011 gaat op 01-08-2015 van PO2707 naar PO2704" in tekst


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("regio.csv", b"", "leeg"),
        ("regio.pdf", b"pc4,gemeente,po_swv,vo_swv\n", "Kies een CSV-bestand"),
        ("regio.csv", b"pc4,gemeente\x00\x01\x02", "geen tekstbestand"),
        ("regio.csv", b"pc4;gemeente;po_swv;vo_swv\n1011;A;PO2707;VO2708\n", "ontbreken"),
        ("regio.csv", b"pc4,gemeente,po_swv,vo_swv\n" + b"1" * 2048, "groter dan"),
    ],
)
def test_a_wrong_upload_gets_a_dutch_message_and_changes_nothing(
    beheerder, settings, naam, inhoud, melding
):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024 if melding != "groter dan" else 1024

    antwoord = upload(beheerder, inhoud, naam=naam)

    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert not Importopdracht.objects.exists()


def test_a_pupil_count_file_with_a_wrong_line_is_refused_whole(
    beheerder, regio, django_capture_on_commit_callbacks
):
    tekst = "swv,teldatum,categorie,aantal\nPO2707,2013-10-01,bao,100\nPO2707,2013-10-02,sbo,5\n"

    opdracht = proef(
        beheerder, tekst, django_capture_on_commit_callbacks, soort="leerlingtellingen"
    )

    assert opdracht.status == Importstatus.GEWEIGERD
    assert "teldatum 2013-10-02 is geen 1 oktober" in opdracht.fout
    assert (
        "teldatum 2013-10-02 is geen 1 oktober"
        in beheerder.get(pagina(opdracht.pk)).content.decode()
    )


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE])
def test_other_roles_get_403_on_every_import_page(client_als, maak_gebruiker, rol):
    opdracht = Importopdracht.objects.create(
        soort="regio", naam="regio.csv", grootte=1, sha256="0" * 64, bestand="importen/x.csv"
    )
    client = client_als(rol)
    paden = [
        reverse("admin:swv_importopdracht_changelist"),
        NIEUW,
        pagina(opdracht.pk),
        reverse("admin:swv_importopdracht_verslag", args=[opdracht.pk]),
    ]
    for pad in paden:
        assert client.get(pad).status_code == 403, pad
    toepassen = reverse("admin:swv_importopdracht_toepassen", args=[opdracht.pk])
    assert client.post(toepassen).status_code == 403
    assert upload(client, "pc4,gemeente,po_swv,vo_swv\n").status_code == 403
    assert Importopdracht.objects.count() == 1


def test_anonymous_is_sent_to_the_login(client):
    antwoord = client.get(NIEUW)
    assert antwoord.status_code == 302 and "/login/" in antwoord.url


def test_a_running_job_refreshes_itself_without_script(beheerder):
    opdracht = Importopdracht.objects.create(
        soort="regio", naam="regio.csv", grootte=1, sha256="0" * 64, bestand="importen/x.csv"
    )

    html = beheerder.get(pagina(opdracht.pk)).content.decode()

    assert '<meta http-equiv="refresh" content="3">' in html
    assert '<progress max="4" value="0"' in html


KLEIN = b"pc4,gemeente,po_swv,vo_swv\n1011,Amsterdam,PO2707,VO2708\n"


def test_the_sweep_sends_again_what_never_reached_a_worker_or_lost_it(
    maak_gebruiker, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from swv.services import importopdrachten

    beheerder = maak_gebruiker(Rol.BEHEERDER)
    with django_capture_on_commit_callbacks(execute=False):  # the broker was down
        vergeten = importopdrachten.maak_opdracht(beheerder, "regio", "a.csv", KLEIN)
    assert importopdrachten.ronde() == []  # too recent to call forgotten
    Importopdracht.objects.filter(pk=vergeten.pk).update(
        verstuurd_op=timezone.now() - datetime.timedelta(minutes=11)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert importopdrachten.ronde() == [vergeten.pk]

    vergeten.refresh_from_db()
    assert vergeten.status == Importstatus.PROEF_KLAAR
    # An import whose worker died mid-way: its transaction rolled back, so it runs again.
    Importopdracht.objects.filter(pk=vergeten.pk).update(
        status=Importstatus.BEZIG,
        toegepast_door=beheerder,
        gestart_op=timezone.now() - datetime.timedelta(minutes=16),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert importopdrachten.ronde() == [vergeten.pk]
    vergeten.refresh_from_db()
    assert vergeten.status == Importstatus.TOEGEPAST
    assert Regiotoewijzing.objects.filter(postcodegebied__pc4="1011").count() == 2


def test_the_import_pages_cost_a_bounded_number_of_queries(
    beheerder, maak_gebruiker, django_assert_max_num_queries
):
    door = maak_gebruiker(Rol.BEHEERDER)
    opdrachten = [
        Importopdracht.objects.create(
            soort="regio",
            naam=f"regio-{i}.csv",
            grootte=1,
            sha256="0" * 64,
            bestand="importen/x.csv",
            geupload_door=door,
            toegepast_door=door,
        )
        for i in range(30)
    ]
    with django_assert_max_num_queries(12):
        assert beheerder.get(reverse("admin:swv_importopdracht_changelist")).status_code == 200
    with django_assert_max_num_queries(10):
        assert beheerder.get(pagina(opdrachten[0].pk)).status_code == 200


def test_the_dry_run_says_what_an_import_leaves_standing(
    beheerder, regio, django_capture_on_commit_callbacks
):
    zonder = "\n".join(r for r in regio.splitlines() if not r.startswith("1011,"))

    opdracht = proef(beheerder, zonder, django_capture_on_commit_callbacks)

    assert (
        "1 PC4-gebieden met een samenwerkingsverband staan niet in het bestand; een import "
        "beëindigt geen toewijzing, ze blijven staan"
    ) in opdracht.proefverslag["meldingen"]
    assert not opdracht.proefverslag["fouten"]
