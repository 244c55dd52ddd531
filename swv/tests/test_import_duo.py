import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from swv.models import Lidmaatschap, Samenwerkingsverband, School, Schoolbestuur
from swv.services.regio import importeer_regio_indeling
from swv.services.scholen import importeer_vestigingen

pytestmark = pytest.mark.django_db

KOP = (
    "PROVINCIE;BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM ;STRAATNAAM;"
    "HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE"
)


def rij(bg, vestiging, naam, postcode, plaats="AMSTERDAM"):
    return f"Noord-Holland;{bg};{vestiging[:4]};{vestiging};{naam};Dam;1;{postcode};{plaats};0363;{plaats};Openbaar"


@pytest.fixture
def regio(csv_bestand):
    importeer_regio_indeling(
        csv_bestand(
            "regio.csv",
            [
                "pc4,gemeente,po_swv,vo_swv",
                "1011,Amsterdam,PO2707,VO2708",
                "2011,Haarlem,PO2704,VO2703",
                "3197,Rotterdam,Europoort,Europoort",
            ],
        )
    )


def test_the_real_file_gives_boards_schools_and_their_memberships(referentiedata):
    importeer_regio_indeling(referentiedata / "regio-indeling-2013.csv")

    verslag = importeer_vestigingen(referentiedata / "duo-po-vestigingen-2013.csv")

    assert School.objects.count() == 6804
    assert Schoolbestuur.objects.count() == 1010
    assert verslag.meldingen == ["144 besturen hebben scholen in meer dan één samenwerkingsverband"]
    # DUO writes Windows-1252: "Mozaïek" must come through as such
    assert School.objects.filter(naam="BS Het Mozaïek").exists()
    bestuur = (
        Schoolbestuur.objects.filter(scholen__isnull=False)
        .order_by("bevoegd_gezag_nummer")
        .distinct()
        .filter(lidmaatschappen__isnull=False)
    )
    meervoudig = next(b for b in bestuur if b.lidmaatschappen.count() > 1)
    swvs_van_scholen = set(
        Samenwerkingsverband.objects.filter(
            regio__postcodegebied__scholen__bestuur=meervoudig, sector="PO"
        ).values_list("code", flat=True)
    )
    assert len(swvs_van_scholen) > 1
    assert set(meervoudig.lidmaatschappen.values_list("swv__code", flat=True)) == swvs_van_scholen


def test_a_second_run_of_the_real_file_changes_nothing(referentiedata):
    importeer_regio_indeling(referentiedata / "regio-indeling-2013.csv")
    bestand = referentiedata / "duo-po-vestigingen-2013.csv"
    importeer_vestigingen(bestand)
    voor = (School.objects.count(), Lidmaatschap.objects.count(), LogEntry.objects.count())

    verslag = importeer_vestigingen(bestand)

    assert not verslag.gewijzigd
    assert (School.objects.count(), Lidmaatschap.objects.count(), LogEntry.objects.count()) == voor


def test_a_board_with_schools_in_two_regions_is_a_member_of_both(regio, csv_bestand):
    bestand = csv_bestand(
        "duo.csv",
        [
            KOP,
            rij("10001", "11AA00", "De Linde", "1011 AB"),
            rij("10001", "11AB00", "De Eik", "2011 CD", "HAARLEM"),
        ],
        encoding="cp1252",
        eol="\r\n",
    )

    importeer_vestigingen(bestand)

    assert set(
        Lidmaatschap.objects.filter(bestuur__bevoegd_gezag_nummer="10001").values_list(
            "swv__code", flat=True
        )
    ) == {"PO2707", "PO2704"}


def test_bad_rows_are_reported_and_nothing_of_them_is_kept(regio, csv_bestand):
    bestand = csv_bestand(
        "duo.csv",
        [
            KOP,
            rij("10001", "11AA00", "Goed", "1011 AB"),
            rij("1000", "11AB00", "Kort bevoegd gezag", "1011 AB"),
            rij("10002", "11A", "Kapot vestigingsnummer", "1011 AB"),
            rij("10003", "11AC00", "Onbekende postcode", "9999 ZZ"),
            rij("10004", "11AD00", "Geen postcode", "onbekend"),
            rij("10001", "11AA00", "Dubbel", "1011 AB"),
            rij("10005", "11AE00", "In de haven", "3197 KK", "ROTTERDAM"),
        ],
        encoding="cp1252",
        eol="\r\n",
    )

    verslag = importeer_vestigingen(bestand)

    assert verslag.meldingen == [
        "regel 3: '1000' is geen bevoegd-gezagnummer (vijf cijfers); overgeslagen",
        "regel 4: '11A' is geen vestigingsnummer zoals 16AH00; overgeslagen",
        "regel 5: vestiging 11AC00: postcode 9999 ZZ staat niet in de regio-indeling; overgeslagen",
        "regel 6: vestiging 11AD00: 'onbekend' is geen postcode; overgeslagen",
        "regel 7: vestiging 11AA00 staat twee keer in het bestand; de eerste telt",
        "regel 8: vestiging 11AE00 ligt in PC4 3197, dat bij geen PO-samenwerkingsverband hoort "
        "(Europoort); geen lidmaatschap",
    ]
    assert set(School.objects.values_list("naam", flat=True)) == {"Goed", "In de haven"}
    assert set(Schoolbestuur.objects.values_list("bevoegd_gezag_nummer", flat=True)) == {
        "10001",
        "10005",
    }
    assert not Lidmaatschap.objects.filter(bestuur__bevoegd_gezag_nummer="10005").exists()


def test_a_changed_school_is_updated_and_its_change_kept(regio, csv_bestand):
    importeer_vestigingen(
        csv_bestand("a.csv", [KOP, rij("10001", "11AA00", "De Linde", "1011 AB")])
    )

    verslag = importeer_vestigingen(
        csv_bestand("b.csv", [KOP, rij("10001", "11AA00", "OBS De Linde", "1011 AB")])
    )

    assert verslag.telling["scholen bijgewerkt"] == 1
    school = School.objects.get(vestigingsnummer="11AA00")
    assert school.naam == "OBS De Linde"
    aangemaakt, wijziging = LogEntry.objects.get_for_object(school).order_by("pk")
    assert aangemaakt.action == LogEntry.Action.CREATE  # written in bulk, logged all the same
    assert wijziging.changes["naam"] == ["De Linde", "OBS De Linde"]


def test_a_file_with_the_wrong_columns_is_refused_and_imports_nothing(regio, referentiedata):
    with pytest.raises(CommandError, match="ontbrekend: bevoegd gezag nummer"):
        call_command("import_duo_vestigingen", str(referentiedata / "regio-indeling-2013.csv"))

    assert not School.objects.exists()
    assert not Schoolbestuur.objects.exists()


def test_an_unknown_file_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_duo_vestigingen", str(tmp_path / "bestaat-niet.csv"))
