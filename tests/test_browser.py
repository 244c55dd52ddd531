"""The pages of the foundation in a real headless Chromium, each scanned with axe-core."""

import re

import pytest

from accounts.models import Rol
from swv.tests.factories import LidmaatschapFactory, SchoolFactory, swv_met_regio
from tests.fixtures import assert_toegankelijk, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_logs_in_and_reads_their_swv(pagina, maak_gebruiker):
    swv = swv_met_regio(
        code="PO2707", naam="Samenwerkingsverband PO Amsterdam-Diemen", pc4s=["1011"]
    )
    school = SchoolFactory(postcodegebied=swv.regio.get().postcodegebied, naam="OBS De Linde")
    LidmaatschapFactory(swv=swv, bestuur=school.bestuur)
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])

    pagina.goto("/")
    assert_toegankelijk(pagina)
    log_in(pagina, "anna")
    # a coördinator of one SWV lands on its page

    assert pagina.get_by_role("heading", level=1).inner_text() == swv.naam
    assert pagina.get_by_role("cell", name="OBS De Linde").is_visible()
    assert_toegankelijk(pagina)
    pagina.get_by_role("link", name="Geschiedenis").click()
    pagina.wait_for_url("**/geschiedenis/")
    assert_toegankelijk(pagina)


def test_a_wrong_password_gets_a_clear_message(pagina, maak_gebruiker):
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")

    log_in(pagina, "inspecteur", "fout")

    assert pagina.get_by_role("alert").is_visible()
    assert "juiste gebruikersnaam en wachtwoord" in pagina.get_by_role("alert").inner_text()
    assert_toegankelijk(pagina)


#: What Swagger UI says in English when nothing translates it.
SWAGGER_ENGELS = re.compile(
    r"\b(Authorize|Servers|Try it out|Execute|Responses|Request body|Example Value|Cancel|"
    r"Description|Response body|Server response|Media type|Available authorizations|Close|"
    r"Send email|Website)\b"
)


def test_the_api_documentation_speaks_dutch(pagina):
    pagina.goto("/api/v1/docs")
    pagina.locator(".opblock").first.wait_for()
    pagina.locator(".opblock-summary").first.click()
    pagina.get_by_role("button", name="Uitproberen").click()
    pagina.get_by_role("button", name="Uitvoeren").wait_for()
    pagina.get_by_role("button", name="Autoriseren").click()
    pagina.get_by_text("Beschikbare autorisaties").wait_for()
    tekst = pagina.locator("body").inner_text()
    assert not set(SWAGGER_ENGELS.findall(tekst)), set(SWAGGER_ENGELS.findall(tekst))
