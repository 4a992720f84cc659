"""Namesakes: a common name on a list of many people weighs less than a rare one, and facts that
conflict (birth date, nationality, gender) take a namesake below the threshold."""

import csv
import random

import orjson
import pytest
from django.core.management import call_command

from tuhono.vetting import engine
from tuhono.watchlists.matching.index import CandidateIndex
from tuhono.watchlists.matching.names import native_form
from tuhono.watchlists.matching.tokens import compare_tokens
from tuhono.watchlists.models import ListEntity
from tuhono.watchlists.services.imports import watchlist_import
from tuhono.watchlists.services.screening import screen_name, screening_threshold

pytestmark = pytest.mark.django_db

FIRST = ["James", "John", "Robert", "Michael", "William", "David", "Mary", "Linda", "Susan", "Karen"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark"]


@pytest.fixture
def crowded_list(tmp_path):
    """1,200 listed people, most of them with one of a hundred common names, and two rare names."""
    rng = random.Random(7)
    path = tmp_path / "list.ftm.json"
    with path.open("wb") as out:
        for i in range(1200):
            props = {
                "name": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
                "birthDate": [f"{rng.randint(1940, 1960)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"],
                "nationality": ["us"],
            }
            out.write(orjson.dumps({"id": f"p{i}", "schema": "Person", "properties": props}) + b"\n")
        for entity in (
            {"id": "common", "properties": {"name": ["James Smith"], "birthDate": ["1980-05-01"], "gender": ["male"]}},
            # Common names listed without a birth date: nothing on the list contradicts a namesake.
            {"id": "partial", "properties": {"name": ["Mary Ann Davis"], "nationality": ["us"]}},
            {"id": "partial-dob", "properties": {"name": ["Karen Ann Wilson"], "birthDate": ["1971-06-15"]}},
            {"id": "joanne", "properties": {"name": ["Joanne Clark"], "nationality": ["us"]}},
            {"id": "joan-1", "properties": {"name": ["Joan Taylor"]}},
            {"id": "joan-2", "properties": {"name": ["Joan Brown"]}},
            {"id": "joan-3", "properties": {"name": ["Joan Miller"]}},
            {
                "id": "rare",
                "properties": {
                    "name": ["Ekaterina Zhelyabuzhskaya"],
                    "birthDate": ["1961-04-02"],
                    "nationality": ["ru"],
                    "gender": ["female"],
                },
            },
        ):
            out.write(orjson.dumps({"schema": "Person", **entity}) + b"\n")
    watchlist_import(path=path, source_name="Crowded list")
    return path


def test_a_namesake_of_a_common_listed_name_born_years_away_is_not_an_alert(crowded_list):
    namesake = screen_name(name="James Smith", birth_date="1994-02-11")[0]
    assert not namesake.alert
    assert "james common" in namesake.explanation and "smith common" in namesake.explanation
    assert "differs from listed" in namesake.explanation and "years" in namesake.explanation
    # The listed man himself, with his birth date, still alerts.
    himself = screen_name(name="James Smith", birth_date="1980-05-01")[0]
    assert himself.alert and himself.entity_id == "common"
    assert "agrees with listed 1980-05-01" in himself.explanation


def test_a_rare_name_with_a_typo_and_a_birth_date_a_year_off_still_alerts(crowded_list):
    best = screen_name(name="Ekaterina Zhelyabuzskaya", birth_date="1962-04-02", nationality="RU")[0]
    assert best.alert and best.entity_id == "rare"
    assert "zhelyabuzhskaya rare" in best.explanation
    assert "a year from listed 1961-04-02" in best.explanation


def test_a_rare_name_born_years_away_scores_higher_than_a_common_one(crowded_list):
    rare = screen_name(name="Ekaterina Zhelyabuzhskaya", birth_date="1990-04-02")[0]
    common = screen_name(name="James Smith", birth_date="1990-04-02")[0]
    assert rare.entity_id == "rare"
    assert rare.score > common.score


def test_another_gender_lowers_the_score(crowded_list):
    silent = screen_name(name="Ekaterina Zhelyabuzhskaya")[0]
    other = screen_name(name="Ekaterina Zhelyabuzhskaya", gender="male")[0]
    same = screen_name(name="Ekaterina Zhelyabuzhskaya", gender="F")[0]
    assert other.score < silent.score <= same.score
    assert "gender male differs from listed female" in other.explanation
    assert "gender female agrees" in same.explanation


def test_another_nationality_lowers_a_common_name_more_than_a_rare_one(crowded_list):
    common_drop = screen_name(name="Mary Clark")[0].score - screen_name(name="Mary Clark", nationality="NZ")[0].score
    rare_drop = (
        screen_name(name="Ekaterina Zhelyabuzhskaya")[0].score
        - screen_name(name="Ekaterina Zhelyabuzhskaya", nationality="NZ")[0].score
    )
    assert common_drop > rare_drop > 0


def test_screen_command_reads_the_gender_column(crowded_list, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("full_name,gender\nEkaterina Zhelyabuzhskaya,male\n", encoding="utf-8")
    call_command("screen", input=people, output=tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert "gender male differs from listed female" in row["explanation"]


def test_index_counts_the_entities_holding_each_name_part():
    index = CandidateIndex()
    index.add(1, "Person", ["John Smith", "Johnny Smith"])
    index.add(2, "Person", ["Mary Smith"])
    index.add(3, "Person", ["Mary Jones"])
    index.freeze()
    assert len(index) == 3
    assert index.key_frequency("smith") == 2  # two entities, however many of their names hold it
    assert index.key_frequency("mary") == 2
    assert index.key_frequency("=johnsmith") == 1
    assert index.key_frequency("nobody") == 0
    assert index.joint_frequency(["mary", "smith"]) == 1  # the entities holding both parts
    assert index.joint_frequency(["smith"]) == 2
    assert index.joint_frequency(["mary", "nobody"]) == 0


def _score_against(entity_id, **subject):
    """The subject's score against one listed entity (whether or not it is the best match)."""
    for match in screen_name(limit=40, **subject):
        if match.entity_id == entity_id:
            return match
    raise AssertionError(f"{entity_id} was not among the candidates")


def test_a_common_name_missing_a_listed_given_name_is_not_an_alert(crowded_list):
    # 'Ann Davis' is not 'Mary Ann Davis': the listed woman's first name is missing, Davis is common,
    # and no fact corroborates the match (the nationality every namesake shares does not).
    match = _score_against("partial", name="Ann Davis", birth_date="1985-03-02", nationality="us")
    assert not match.alert
    assert match.score < screening_threshold()
    assert "davis common" in match.explanation
    assert "listed name part(s) mary not in the name screened" in match.explanation


def test_a_common_name_missing_a_listed_given_name_alerts_when_the_birth_date_agrees(crowded_list):
    # The same shortened name is weak evidence alone, strong with a birth date that agrees.
    assert not _score_against("partial-dob", name="Ann Wilson").alert
    match = _score_against("partial-dob", name="Ann Wilson", birth_date="1971-06-15")
    assert match.alert and "agrees with listed 1971-06-15" in match.explanation


def test_a_near_match_that_is_another_listed_name_is_not_an_alert(crowded_list):
    # Joan is a name of its own (three listed people are called Joan), not a misspelling of Joanne.
    match = _score_against("joanne", name="Joan Clark", birth_date="1985-11-01", nationality="us")
    assert not match.alert
    assert "joan is not a misspelling of joanne" in match.explanation


def test_a_misspelt_rare_name_alerts_without_any_fact(crowded_list):
    best = screen_name(name="Ekaterina Zhelyabuzhksaya")[0]
    assert best.alert and best.entity_id == "rare"


def test_a_rare_name_with_a_given_name_the_list_lacks_still_alerts(crowded_list):
    # Lists often know only part of a name: an extra given name of the subject's does not clear it.
    best = screen_name(name="Ekaterina Ivanovna Zhelyabuzhskaya", birth_date="1962-04-02")[0]
    assert best.alert and best.entity_id == "rare"


def test_a_misspelt_common_name_alerts_when_the_birth_date_agrees(crowded_list):
    best = screen_name(name="Jmaes Smith", birth_date="1980-05-01")[0]
    assert best.alert and best.entity_id == "common"


def test_a_rescreening_counts_name_rarity_on_the_whole_list(crowded_list):
    # A re-screening searches only the entities a version changed, but a name held by hundreds of
    # listed people is as common there as in a full screening: the same score, the same explanation.
    listed = ListEntity.objects.get(entity_id="common")
    changed = engine.index_of([(listed.pk, listed.schema, listed.names)])
    again = engine.screen(names=["James Smith"], schema="Person", birth_date="1994-02-11", index=changed)[0]
    first = _score_against("common", name="James Smith", birth_date="1994-02-11")
    assert again.entity_id == "common"
    assert not again.alert
    assert again.score == first.score
    assert "smith common" in again.explanation


def test_a_vowel_sign_does_not_split_a_name_written_in_devanagari_or_arabic():
    # Before, "मधुर" was read as "म" and "ध" and taken for initials of "मीरा": two women who share
    # only a family name scored 0.92.
    assert native_form("मधुर प्रधान").split() == ["मधुर", "प्रधान"]
    assert compare_tokens(native_form("मधुर प्रधान"), native_form("मीरा प्रधान"), person=True).score < 0.5
    assert compare_tokens(native_form("مُرضي الحلاق"), native_form("ميلاء الحلاق"), person=True).score < 0.5
    assert compare_tokens(native_form("मीरा प्रधान"), native_form("मीरा  प्रधान"), person=True).score == 1.0
