"""A small file written as real lists of twin towns are: every country name the issue found rejected, former
states, 'Congo' with cities on either side of the river and with one in neither, municipalities and districts.

Each row either resolves (its country, its place on the map, a note where the importer chose) or is reported
with what to do; nothing is rejected for a country name the libraries know."""

from pathlib import Path

import pytest

from tuhono.partnerships.importing.services import partnerships_import

FIXTURE = Path(__file__).parent / "fixtures" / "hostile_twin_towns.csv"

# Line in the file: (partner as recorded, its country).
RESOLVED = {
    2: ("Amsterdam", "NL"),
    3: ("Kyrenia", "CY"),
    4: ("Famagusta", "CY"),
    5: ("Chisinau", "MD"),
    6: ("Bălți", "MD"),
    7: ("Sarajevo", "BA"),
    8: ("Tuzla", "BA"),
    9: ("Paramaribo", "SR"),
    10: ("Bethlehem", "PS"),
    11: ("Nablus", "PS"),
    12: ("Graz", "AT"),
    13: ("Trieste", "IT"),
    14: ("Potsdam", "DE"),
    15: ("Pointe-Noire", "CG"),
    16: ("Lubumbashi", "CD"),
    18: ("Charlottenburg", "DE"),
    19: ("Frederiksberg", "DK"),
    20: ("Kraków", "PL"),
}
# Not in the offline gazetteer (GeoNames places of 500 people or more): kept, reported, not drawn.
UNPLACED = {21: ("Rödermark", "DE"), 22: ("Gladsaxe Municipality", "DK")}


@pytest.fixture
def outcomes(db):
    result = partnerships_import(actor=None, data=FIXTURE.read_bytes(), filename=FIXTURE.name)
    return {row.line: row for row in result.plan.outcomes}


def test_every_country_name_the_issue_lists_resolves_and_the_place_is_drawn(outcomes):
    for line, (partner, country) in RESOLVED.items():
        row = outcomes[line]
        assert (row.outcome, row.partner, row.partner_country, row.located) == ("created", partner, country, True)


def test_former_states_are_recorded_in_the_successor_where_the_city_lies_with_a_note(outcomes):
    for line, state, successor in (
        (12, "Austria-Hungary", "Austria"),
        (13, "Austria-Hungary", "Italy"),
        (14, "Prussia", "Germany"),
    ):
        note = " ".join(outcomes[line].notes)
        assert f"'{state}' is a former state" in note and f"lies in {successor}" in note


def test_congo_is_settled_by_the_city_or_reported_with_both_choices(outcomes):
    assert "'Pointe-Noire' lies in Republic of the Congo" in " ".join(outcomes[15].notes)
    assert "'Lubumbashi' lies in Democratic Republic of the Congo" in " ".join(outcomes[16].notes)
    nowhere = outcomes[17]
    assert nowhere.outcome == "rejected"
    assert "Republic of the Congo (CG)" in nowhere.reason and "Democratic Republic of the Congo (CD)" in nowhere.reason


def test_only_the_city_nobody_can_place_is_rejected(outcomes):
    assert [line for line, row in outcomes.items() if row.outcome == "rejected"] == [17]


def test_a_place_missing_from_the_gazetteer_is_kept_and_reported_not_guessed(outcomes):
    for line, (partner, country) in UNPLACED.items():
        row = outcomes[line]
        assert (row.outcome, row.partner, row.partner_country, row.located) == ("created", partner, country, False)
        assert any("is not in the gazetteer" in note for note in row.notes)
