import csv
import hashlib

import pytest
from django.core.management import CommandError, call_command

from tuhono.audit.models import AuditEvent
from tuhono.watchlists.matching.scoring import score_names
from tuhono.watchlists.services.imports import watchlist_import
from tuhono.watchlists.services.screening import screen_entity, screen_name, screening_threshold

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists(fixtures):
    watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions")
    watchlist_import(path=fixtures / "consolidated.xml", source_name="UN SC")


def test_pinyin_name_matches_hanzi_list_entry(lists):
    best = screen_name(name="XI Jinping", birth_date="1953-06-15", nationality="CN")[0]
    assert best.entity_id == "Q15031" and best.alert
    assert best.score >= 0.95
    assert "'习近平' via Pinyin xi jinping" in best.explanation
    assert "birth date 1953-06-15 agrees" in best.explanation
    assert "nationality CN agrees" in best.explanation


@pytest.mark.parametrize("name", ["Jinping Xi", "Xi Jin-ping", "Hsi Chin-ping"])
def test_other_chinese_name_orders_and_romanisations(lists, name):
    assert screen_name(name=name)[0].entity_id == "Q15031"
    assert screen_name(name=name)[0].alert


def test_compound_surname_stays_whole(lists):
    best = screen_name(name="Ouyang Minggao")[0]
    assert best.entity_id == "NK-ouyang" and best.alert


def test_cyrillic_list_name_matches_latin_spelling(lists):
    for name in ("Sergey Lavrov", "Sergei Lavrov", "Sergej Lavrov"):
        best = screen_name(name=name)[0]
        assert best.entity_id == "NK-lavrov" and best.alert, name
        assert "Cyrillic transliteration" in best.explanation


def test_hangul_list_name_matches_romanised_name(lists):
    best = screen_name(name="Kim Jong-un")[0]
    assert best.entity_id == "NK-kim" and best.alert


def test_hanzi_query_matches_latin_list_name():
    result = score_names(["习近平"], ["XI Jinping"], "Person", "Person")
    assert result.score >= 0.95
    assert "Pinyin" in result.method


def test_organisation_legal_forms_are_one_spelling(lists):
    best = screen_name(name="Tactical Missiles Corporation JSC", schema="Company")[0]
    assert best.entity_id == "NK-tmc" and best.alert
    assert score_names(["Siemens Aktiengesellschaft"], ["Siemens AG"], "Company", "Company").score == 1.0
    # A different legal form of the same words is a different company.
    assert score_names(["Deutsche Bank GmbH"], ["Deutsche Bank AG"], "Company", "Company").score < screening_threshold()


def test_birth_date_lowers_the_score_when_it_disagrees(lists):
    agreeing = screen_name(name="Sergey Lavrov", birth_date="1950-03-21")[0]
    silent = screen_name(name="Sergey Lavrov")[0]
    disagreeing = screen_name(name="Sergey Lavrov", birth_date="1987-11-02")[0]
    assert agreeing.score > disagreeing.score
    assert silent.score > disagreeing.score
    assert "differs from listed 1950-03-21" in disagreeing.explanation
    assert not disagreeing.alert


def test_nationality_lowers_the_score_when_it_disagrees(lists):
    assert screen_name(name="Sergey Lavrov", nationality="NZ")[0].score < screen_name(name="Sergey Lavrov")[0].score


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("Aroha Ngata", "Person"),
        ("Sergey Ivanov", "Person"),
        ("Xi Mingze", "Person"),
        ("Wellington Tactical Supplies Ltd", "Company"),
    ],
)
def test_different_people_stay_below_threshold(lists, name, schema):
    assert all(not match.alert for match in screen_name(name=name, schema=schema))


def test_person_is_not_matched_to_a_vessel(lists):
    assert all(m.schema != "Vessel" for m in screen_name(name="Sky August", schema="Person"))


def test_screen_entity_uses_all_names_and_returns_match_details(lists):
    matches = screen_entity(names=["Ayman al-Zawahiri", "أيمن الظواهري"], birth_dates=["1951"], countries=["Egypt"])
    best = matches[0]
    assert best.entity_id == "unsc-110439" and best.source == "UN SC"
    assert best.topics == ("sanction",)
    assert best.content_hash and best.list_version_id


def test_removed_entity_is_no_longer_matched(lists, fixtures):
    assert screen_name(name="China Electronics Technology Group", schema="Company")[0].entity_id == "NK-huawei-soe"
    watchlist_import(path=fixtures / "entities-v2.ftm.json", source_name="OpenSanctions")
    matches = screen_name(name="China Electronics Technology Group", schema="Company")
    assert all(m.entity_id != "NK-huawei-soe" for m in matches)


def test_screen_command_writes_best_match_per_row(lists, fixtures, tmp_path):
    output = tmp_path / "results.csv"
    call_command("screen", input=fixtures / "people.csv", output=output)
    with output.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["full_name"] for r in rows] == [
        "XI Jinping",
        "Sergey Lavrov",
        "Aroha Ngata",
        "Tactical Missiles Corporation JSC",
    ]
    by_name = {r["full_name"]: r for r in rows}
    assert by_name["XI Jinping"]["match_id"] == "Q15031" and by_name["XI Jinping"]["alert"] == "true"
    assert by_name["XI Jinping"]["topics"] == "role.pep" and by_name["XI Jinping"]["source"] == "OpenSanctions"
    assert "Pinyin" in by_name["XI Jinping"]["explanation"]
    assert by_name["Sergey Lavrov"]["match_id"] == "NK-lavrov"
    assert by_name["Aroha Ngata"]["alert"] == "false"
    assert by_name["Tactical Missiles Corporation JSC"]["match_id"] == "NK-tmc"
    assert rows[0]["place_of_birth"] == "Beijing"  # input columns are carried through


def test_a_batch_run_is_in_the_audit_trail_by_digest_without_names(lists, fixtures, tmp_path):
    output = tmp_path / "results.csv"
    call_command("screen", input=fixtures / "people.csv", output=output)

    event = AuditEvent.objects.get(action="watchlist.batch_screened")
    assert event.actor_label == "manage.py screen"
    assert (event.payload["rows"], event.payload["alerts"]) == (4, 3)
    screened = (fixtures / "people.csv").read_bytes()
    assert event.payload["input_sha256"] == "sha256:" + hashlib.sha256(screened).hexdigest()
    assert event.payload["output_sha256"] == "sha256:" + hashlib.sha256(output.read_bytes()).hexdigest()
    assert "Lavrov" not in str(event.payload) and "people.csv" not in str(event.payload)


def test_screen_command_refuses_input_without_full_name(lists, tmp_path):
    bad = tmp_path / "people.csv"
    bad.write_text("name,date_of_birth\nXi Jinping,1953\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no 'full_name' column"):
        call_command("screen", input=bad, output=tmp_path / "out.csv")


def test_threshold_comes_from_settings(lists, settings):
    settings.TUHONO_SCREENING_THRESHOLD = 0.999
    assert not screen_name(name="Sergei Lavrov", birth_date="1950")[0].alert


def test_script_without_transliteration_is_still_compared():
    # Khmer has no Latin form here: the name is kept as written and logic-v2 reads it.
    assert score_names(["ប៉ុល ពត"], ["Pol Pot"], "Person", "Person").score >= screening_threshold()


def test_names_in_one_non_latin_script_are_compared_as_written():
    # 김정은 and 김종은 romanise alike ('jong'); as Hangul they differ in a syllable.
    assert score_names(["김종은"], ["김정은"], "Person", "Person").score < screening_threshold()
    assert score_names(["习近朋"], ["习近平"], "Person", "Person").score < screening_threshold()


def test_a_different_middle_name_half_alike_is_not_a_misspelling():
    # 'Mohamed' and 'Ahmed' share half their letters: two fathers, not one name misspelt.
    scored = score_names(["KARIM MOHAMED YOUSSEF HADDAD"], ["KARIM AHMED YOUSSEF HADDAD"], "Person", "Person")
    assert scored.score < screening_threshold()
    assert "different part(s): mohamed, /, ahmed" in scored.detail


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Bashir Omar el-Tayeb", "Bashir Omar al-Tayeb"), ("Tarek ben Youssef Mansour", "Tarek ibn Youssef Mansour")],
)
def test_transliterations_of_one_particle_are_the_same_name(query, listed):
    assert score_names([query], [listed], "Person", "Person").score == 1.0


def test_a_translated_company_name_matches_the_name_in_its_own_language():
    # No spelling rule turns 'завод' into 'Plant': the words are compared by their meaning.
    scored = score_names(
        ["JSC Murom Instrument-Making Plant"],
        ["Акционерное общество «Муромский приборостроительный завод»"],
        "Company",
        "Company",
    )
    assert scored.score >= screening_threshold()
    assert scored.method == "organisation words compared by meaning"
    assert "[factory]" in scored.detail and "murom≈muromskiy" in scored.detail


def test_two_companies_sharing_only_the_words_of_their_trade_stay_apart():
    scored = score_names(
        ["JSC Kazan Instrument-Making Plant"],
        ["Акционерное общество «Муромский приборостроительный завод»"],
        "Company",
        "Company",
    )
    assert scored.score < screening_threshold()
    assert "different part(s): kazan, /, muromskiy" in scored.detail
    # Nor are people read by the meaning of their names.
    assert score_names(["Ivan Zavodov"], ["Иван Заводов"], "Person", "Person").method != (
        "organisation words compared by meaning"
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("김은주", "Kim Jong Un"),  # Kim Eun-ju: 'ju' is a syllable, not the initials of Jong Un
        ("김준영", "Kim Yong-chun"),  # the same syllables in another order are another given name
        ("김정남", "KIM YONG NAM"),  # jong and yong are two syllables
        ("苏宇", "HAN JANG SU"),  # logic-v2 alone is not enough where the letters differ
        ("王慧", "Park Chung-hee"),
        ("طامح بعلبكي", "Tom Brady"),  # the ayn does not split a word into an 'initial'
    ],
)
def test_clean_names_in_other_scripts_do_not_raise_alerts(query, listed):
    assert score_names([query], [listed], "Person", "Person").score < screening_threshold()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("김정은", "Kim Jong-un"),
        ("习近平", "Jinping Xi"),
        ("毛泽东", "Mao Tse-tung"),
        ("이병철", "RI PYONG CHUL"),  # cheol, chol, chul: one syllable in three romanisations
        ("贝拉克·奥巴马", "Barack Obama"),
    ],
)
def test_the_same_names_in_other_scripts_still_match(query, listed):
    assert score_names([query], [listed], "Person", "Person").score >= screening_threshold()
