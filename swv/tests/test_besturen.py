"""Board names: from DUO's board file when imported; until then, the names of the schools."""

import pytest
from django.core.management import CommandError, call_command

from swv import selectors
from swv.models import Schoolbestuur
from swv.tests.factories import (
    LidmaatschapFactory,
    SchoolbestuurFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

KOP = "BEVOEGD GEZAG NUMMER;BEVOEGD GEZAG NAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM"


def bestand(tmp_path, *regels, kop=KOP):
    pad = tmp_path / "besturen.csv"
    pad.write_bytes("\r\n".join([kop, *regels]).encode("cp1252"))
    return str(pad)


def test_a_board_without_a_name_is_shown_by_its_schools_never_by_a_bare_number():
    bestuur = SchoolbestuurFactory(naam="")
    SchoolFactory(bestuur=bestuur, naam="De Linde")
    assert str(bestuur) == "Bestuur van De Linde"
    SchoolFactory(bestuur=bestuur, naam="De Eik")
    SchoolFactory(bestuur=bestuur, naam="Het Anker")
    assert str(bestuur) == "Bestuur van De Eik en 2 andere scholen"
    met_naam = Schoolbestuur.objects.met_schoolnaam().get(pk=bestuur.pk)
    assert str(met_naam) == "Bestuur van De Eik en 2 andere scholen"


def test_the_members_list_names_every_board_in_a_fixed_number_of_queries(
    django_assert_num_queries,
):
    lid = LidmaatschapFactory(bestuur=SchoolbestuurFactory(naam=""))
    for _ in range(5):
        SchoolFactory(bestuur=LidmaatschapFactory(swv=lid.swv).bestuur)
    SchoolFactory(bestuur=lid.bestuur, naam="De Linde")
    with django_assert_num_queries(2):
        namen = [str(lid.bestuur) for lid in selectors.leden(lid.swv)]
    assert "Bestuur van De Linde" in namen


def test_duo_board_names_are_imported_and_a_second_run_changes_nothing(tmp_path, capsys):
    bekend = SchoolbestuurFactory(bevoegd_gezag_nummer="20905", naam="")
    pad = bestand(
        tmp_path,
        "20905;Stichting Openbaar Onderwijs Zaanstreek;Postbus;12;1500 EA;ZAANDAM",
        "41234;Vereniging voor Christelijk  Onderwijs;Kerkstraat;1;1234 AB;ERGENS",
        "123;Geen nummer;;;;",
    )
    call_command("import_duo_besturen", pad)
    bekend.refresh_from_db()
    assert bekend.naam == "Stichting Openbaar Onderwijs Zaanstreek"
    assert Schoolbestuur.objects.get(bevoegd_gezag_nummer="41234").naam == (
        "Vereniging voor Christelijk Onderwijs"
    )
    assert "regel 4: '123' is geen bevoegd-gezagnummer" in capsys.readouterr().out
    call_command("import_duo_besturen", pad)
    assert "Niets gewijzigd" in capsys.readouterr().out


def test_a_file_with_other_columns_is_refused_and_changes_nothing(tmp_path):
    bestuur = SchoolbestuurFactory(bevoegd_gezag_nummer="20905", naam="Oud")
    pad = bestand(tmp_path, "20905;Nieuw", kop="NUMMER;NAAM")
    with pytest.raises(CommandError, match="niet de verwachte kolommen"):
        call_command("import_duo_besturen", pad)
    bestuur.refresh_from_db()
    assert bestuur.naam == "Oud"
