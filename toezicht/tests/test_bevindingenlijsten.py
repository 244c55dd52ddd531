"""The Inspectie's findings in the browser: every kind in a paged list with its count, filters,
sorting and CSV/XLSX of every row, and a page per finding with its text and history. Access is
that of the API: a coördinator reads their own SWV's findings only."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from accounts.models import Rol
from passend import formatting
from toezicht.lijsten import SOORTEN
from toezicht.models import Kwaliteitsonderzoek, Signaal, Uitkomst
from toezicht.tests.factories import SignaalFactory, VervolgafspraakFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def veel_signalen(wereld):
    """120 signalen over the two SWVs of the world (and its own two): from schools in even
    months, received on distinct days."""
    for i in range(120):
        SignaalFactory(
            swv=wereld.swv_a if i % 3 else wereld.swv_b,
            bron="school" if i % 2 else "ouders",
            ontvangen_op=D(2016, 1, 1) + datetime.timedelta(days=i),
        )
    return wereld


def getoond(antwoord) -> list[int]:
    """The ids of the findings a list page shows, in order, from their links."""
    return [int(pk) for pk in re.findall(r'/toezicht/\w+/(\d+)/"', antwoord.content.decode())]


def test_every_signaal_is_in_the_list_page_by_page_with_its_count(
    client, veel_signalen, maak_gebruiker
):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    alle = set(Signaal.objects.values_list("pk", flat=True))
    assert len(alle) == 122
    gezien = []
    for pagina in (1, 2, 3):
        antwoord = client.get("/toezicht/signalen/", {"pagina": pagina})
        assert antwoord.status_code == 200
        assert "122 signalen" in antwoord.content.decode()
        gezien += getoond(antwoord)
    assert len(gezien) == len(alle) and set(gezien) == alle
    # the newest first by default
    eerste = Signaal.objects.order_by("-ontvangen_op", "-pk").first()
    assert gezien[0] == eerste.pk


def test_the_overview_says_how_many_there_are_and_leads_to_the_list(
    client, veel_signalen, maak_gebruiker
):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    html = client.get("/toezicht/").content.decode()
    assert "Signalen: de nieuwste 10 van 122 signalen" in html
    assert 'href="/toezicht/signalen/"' in html


def test_filters_and_sorting_narrow_and_order_the_list(client, veel_signalen, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.ACCOUNTMANAGER))
    school_a = Signaal.objects.filter(bron="school", swv=veel_signalen.swv_a)
    antwoord = client.get(
        "/toezicht/signalen/",
        {"bron": "school", "samenwerkingsverband": "PO2707", "sorteer": "ontvangen_op"},
    )
    assert antwoord.status_code == 200
    assert f"{school_a.count()} signalen" in antwoord.content.decode()
    assert getoond(antwoord) == list(
        school_a.order_by("ontvangen_op", "-pk").values_list("pk", flat=True)[:50]
    )
    po = client.get("/toezicht/signalen/", {"sector": "VO"})
    assert "0 signalen" in po.content.decode() and getoond(po) == []


def test_overdue_agreements_can_be_listed_on_their_own(client, wereld, maak_gebruiker):
    verlopen = VervolgafspraakFactory(
        swv=wereld.swv_a, gemaakt_op=D(2017, 1, 1), deadline=D(2017, 2, 1)
    )
    VervolgafspraakFactory(swv=wereld.swv_a, gemaakt_op=D(2017, 1, 1), deadline=D(2030, 1, 1))
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    antwoord = client.get("/toezicht/afspraken/", {"verlopen": "ja"})
    assert verlopen.pk in getoond(antwoord)
    assert all(
        SOORTEN["afspraken"].model.objects.get(pk=pk).is_verlopen(datetime.date.today())
        for pk in getoond(antwoord)
    )
    assert "Open, verlopen" in antwoord.content.decode()


@pytest.mark.parametrize(
    ("soort", "params", "melding"),
    [
        ("signalen", {"bron": "buurman"}, "Kies een bron uit de lijst."),
        ("signalen", {"sorteer": "omschrijving"}, "Kies een sortering uit de lijst."),
        ("signalen", {"sector": "MBO"}, "Kies primair of voortgezet onderwijs."),
        ("afspraken", {"verlopen": "misschien"}, "Kies alle of alleen verlopen afspraken."),
        ("indicatoren", {"niveau": "<script>"}, "Kies een niveau uit de lijst."),
    ],
)
def test_a_wrong_choice_gets_a_dutch_message_and_400(
    client, wereld, maak_gebruiker, soort, params, melding
):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    for url in (f"/toezicht/{soort}/", f"/toezicht/{soort}/export/csv/"):
        antwoord = client.get(url, params)
        assert antwoord.status_code == 400, url
        assert melding in antwoord.content.decode()


def test_a_coordinator_reads_only_their_own_swvs_findings(client, wereld):
    client.force_login(wereld.coordinator_a)
    eigen = Signaal.objects.get(swv=wereld.swv_a)
    ander = Signaal.objects.get(swv=wereld.swv_b)
    lijst = client.get("/toezicht/signalen/")
    assert getoond(lijst) == [eigen.pk]
    assert client.get(f"/toezicht/signalen/{eigen.pk}/").status_code == 200
    assert client.get(f"/toezicht/signalen/{ander.pk}/").status_code == 404
    assert client.get("/toezicht/signalen/999999/").status_code == 404
    # the other SWV is not a choice: a Dutch message, not its findings
    vreemd = client.get("/toezicht/signalen/", {"samenwerkingsverband": wereld.swv_b.code})
    assert vreemd.status_code == 400
    assert "u kunt dit samenwerkingsverband niet inzien" in vreemd.content.decode()
    export = client.get("/toezicht/signalen/export/csv/")
    assert "PO 27-08" not in export.content.decode("utf-8-sig")


@pytest.mark.parametrize("soort", list(SOORTEN))
def test_every_list_and_finding_is_open_to_the_roles_that_read_findings_only(
    client, wereld, maak_gebruiker, soort
):
    model = SOORTEN[soort].model
    bevinding = model.objects.filter(swv=wereld.swv_a).first()
    urls = [
        reverse(f"bevindingen:{soort}"),
        reverse(f"bevindingen:{soort}-detail", args=[bevinding.pk]),
        reverse(f"bevindingen:{soort}-export", args=["xlsx"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login
    for rol in (Rol.INSPECTIE, Rol.ACCOUNTMANAGER, Rol.BEHEERDER):
        client.force_login(maak_gebruiker(rol))
        for url in urls:
            assert client.get(url).status_code == 200, (rol, url)
    client.force_login(wereld.coordinator_b)
    assert client.get(urls[1]).status_code == 404
    assert client.get(reverse(f"bevindingen:{soort}-export", args=["pdf"])).status_code == 404


def test_the_downloads_hold_every_row_of_the_filtered_list(client, veel_signalen, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.ACCOUNTMANAGER))
    params = {"bron": "ouders", "sorteer": "-ontvangen_op"}
    verwacht = Signaal.objects.filter(bron="ouders").order_by("-ontvangen_op", "-pk")
    antwoord = client.get("/toezicht/signalen/export/csv/", params)
    assert antwoord.status_code == 200
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == [
        "Samenwerkingsverband",
        "Ontvangen",
        "Bron",
        "Onderwerp",
        "Uitkomst",
        "Afgehandeld",
    ]
    assert len(rijen) - 1 == verwacht.count() > 50
    eerste = verwacht.first()
    assert rijen[1][:3] == [eerste.swv.weergavecode, f"{eerste.ontvangen_op:%d-%m-%Y}", "Ouders"]
    xlsx = client.get("/toezicht/signalen/export/xlsx/", params)
    blad = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert blad.max_row - 1 == verwacht.count()
    assert blad.cell(2, 2).value.date() == eerste.ontvangen_op


def test_a_findings_page_shows_its_text_and_its_history(client, wereld, maak_gebruiker):
    signaal = Signaal.objects.get(swv=wereld.swv_a)
    signaal.uitkomst = Uitkomst.TERUG_OP_SCHOOL
    signaal.afgehandeld_op = D(2017, 4, 1)
    signaal.save()
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    antwoord = client.get(f"/toezicht/signalen/{signaal.pk}/")
    assert antwoord.status_code == 200
    tekst = " ".join(re.sub(r"<[^>]+>", " ", antwoord.content.decode()).split())
    assert signaal.omschrijving in tekst
    assert "Uitkomst: Nog niet opgelost → Terug op school" in tekst
    assert "Afgehandeld op: — → 01-04-2017" in tekst
    assert "Aangemaakt" in tekst


def test_a_list_costs_the_same_queries_for_ten_rows_and_for_a_full_page(
    client, wereld, maak_gebruiker, django_assert_max_num_queries
):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    for aantal in (8, 120):
        SignaalFactory.create_batch(aantal, swv=wereld.swv_b)
        with django_assert_max_num_queries(8):
            assert client.get("/toezicht/signalen/").status_code == 200
        with django_assert_max_num_queries(8):
            assert client.get("/toezicht/afspraken/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/toezicht/").status_code == 200


def test_the_inspectie_records_a_kwaliteitsonderzoek_and_changes_it(client, wereld, maak_gebruiker):
    inspecteur = maak_gebruiker(Rol.INSPECTIE)
    client.force_login(inspecteur)
    assert client.get("/toezicht/onderzoeken/nieuw/").status_code == 200
    antwoord = client.post(
        "/toezicht/onderzoeken/nieuw/",
        {
            "swv": wereld.swv_b.pk,
            "begonnen_op": "2024-09-02",
            "toelichting": "Onderzoek naar de dekking van het ondersteuningsaanbod.",
        },
    )
    onderzoek = Kwaliteitsonderzoek.objects.get(begonnen_op=D(2024, 9, 2))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/toezicht/onderzoeken/{onderzoek.pk}/"
    assert (onderzoek.swv, onderzoek.vastgelegd_door) == (wereld.swv_b, inspecteur)

    wijzigen = f"/toezicht/onderzoeken/{onderzoek.pk}/wijzigen/"
    assert client.get(wijzigen).status_code == 200
    antwoord = client.post(
        wijzigen,
        {
            "swv": wereld.swv_b.pk,
            "begonnen_op": "2024-09-02",
            "afgerond_op": "2024-12-02",
            "uitkomst": "voldoende",
            "toelichting": onderzoek.toelichting,
            "versie": onderzoek.versie,
        },
        follow=True,
    )
    assert "Kwaliteitsonderzoek is opgeslagen." in antwoord.content.decode()
    onderzoek.refresh_from_db()
    assert (onderzoek.afgerond_op, onderzoek.uitkomst) == (D(2024, 12, 2), "voldoende")
    assert "Uitkomst: — → Voldoende" in " ".join(
        re.sub(r"<[^>]+>", " ", antwoord.content.decode()).split()
    )


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        (
            {"begonnen_op": "2024-09-02", "afgerond_op": "2024-08-01"},
            "Afgerond op past niet bij begonnen op.",
        ),
        ({"begonnen_op": "2024-09-02", "uitkomst": "goed"}, "Uitkomst past niet bij afgerond op."),
        ({"begonnen_op": "02-09-2024x"}, "geldige datum"),
        (
            {"begonnen_op": "2024-09-02", "toelichting": "Leerling BSN 111222333 zit thuis."},
            "burgerservicenummer",
        ),
        ({"begonnen_op": "2024-09-02", "uitkomst": "uitstekend"}, "geen beschikbare keuze"),
        ({"begonnen_op": ""}, "verplicht"),
    ],
)
def test_a_refused_finding_gets_a_dutch_message_and_saves_nothing(
    client, wereld, maak_gebruiker, gegevens, melding
):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    voor = Kwaliteitsonderzoek.objects.count()
    antwoord = client.post("/toezicht/onderzoeken/nieuw/", {"swv": wereld.swv_a.pk, **gegevens})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Er is niets opgeslagen" in html
    assert melding in html
    assert Kwaliteitsonderzoek.objects.count() == voor
    assert "Constraint" not in html and "violated" not in html


def test_a_change_made_meanwhile_is_not_overwritten_unseen(client, wereld, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    signaal = Signaal.objects.get(swv=wereld.swv_a)
    gegevens = {
        "swv": wereld.swv_a.pk,
        "bron": signaal.bron,
        "onderwerp": signaal.onderwerp,
        "ontvangen_op": f"{signaal.ontvangen_op:%Y-%m-%d}",
        "uitkomst": "nog_niet_opgelost",
        "omschrijving": "Eerste versie van de collega.",
        "versie": signaal.versie,
    }
    url = f"/toezicht/signalen/{signaal.pk}/wijzigen/"
    assert client.post(url, gegevens).status_code == 302
    tweede = client.post(url, {**gegevens, "omschrijving": "Mijn eigen versie."})
    assert tweede.status_code == 409
    assert "Zo staat het er nu" in tweede.content.decode()
    signaal.refresh_from_db()
    assert signaal.omschrijving == "Eerste versie van de collega."


def test_only_the_inspectie_records_or_changes_findings(client, wereld, maak_gebruiker):
    signaal = Signaal.objects.get(swv=wereld.swv_a)
    urls = ["/toezicht/signalen/nieuw/", f"/toezicht/signalen/{signaal.pk}/wijzigen/"]
    for url in urls:
        assert client.get(url).status_code == 302
    gebruikers = [maak_gebruiker(Rol.ACCOUNTMANAGER), maak_gebruiker(Rol.BEHEERDER)]
    for gebruiker in (*gebruikers, wereld.coordinator_a):
        client.force_login(gebruiker)
        for url in urls:
            assert client.get(url).status_code == 403
            assert client.post(url, {"swv": wereld.swv_a.pk}).status_code == 403
        assert "vastleggen" not in client.get("/toezicht/signalen/").content.decode()
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    assert client.get("/toezicht/signalen/999999/wijzigen/").status_code == 404
    assert Signaal.objects.count() == 2


@pytest.mark.parametrize("soort", list(SOORTEN))
def test_a_findings_history_speaks_of_its_own_fields_in_local_time(
    client, wereld, maak_gebruiker, soort
):
    """No other record's relation ("toezicht.X.None"), and the moment it was recorded in Dutch
    time, as the page says it above the history (the audit log keeps moments in UTC)."""
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    bevinding = SOORTEN[soort].model.objects.filter(swv=wereld.swv_a).first()
    html = client.get(f"/toezicht/{soort}/{bevinding.pk}/").content.decode()
    tekst = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "None" not in tekst and "toezicht." not in tekst
    vastgelegd = formatting.tijdstip(bevinding.vastgelegd_op)
    assert f"Vastgelegd {vastgelegd}" in tekst
    assert f"Vastgelegd op: — → {vastgelegd}" in tekst
