"""The pages of the foundation in a real headless Chromium, each scanned with axe-core."""

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
    assert_toegankelijk(pagina)


def test_a_wrong_password_gets_a_clear_message(pagina, maak_gebruiker):
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")

    log_in(pagina, "inspecteur", "fout")

    assert pagina.get_by_role("alert").is_visible()
    assert "juiste gebruikersnaam en wachtwoord" in pagina.get_by_role("alert").inner_text()
    assert_toegankelijk(pagina)
