"""Close names that are other people or other companies, and the near misses that still alert."""

import pytest

from tuhono.watchlists.matching.scoring import Subject, score_names, score_subject
from tuhono.watchlists.services.screening import screening_threshold


def alerts(query: str, listed: str, schema: str = "Person") -> bool:
    return score_names([query], [listed], schema, schema).score >= screening_threshold()


def explanation(query: str, listed: str, schema: str) -> str:
    return score_subject(Subject(names=[query], schema=schema), schema, [listed], [], []).explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("NAZIRULLAH HANAFI HAMIDULLAH", "NAZIRULLAH HANAFI WALIULLAH"),  # Hamid / Wali, both 'of God'
        ("Rashid Shamsuddin", "Rashid Shahabuddin"),
        ("Halla Jónsdóttir", "Halla Tómasdóttir"),  # daughters of two fathers
    ],
)
def test_parts_sharing_only_a_name_forming_word_are_other_names(query, listed):
    assert not alerts(query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("NAZIRULLAH HANAFI HAMIDULAH", "NAZIRULLAH HANAFI HAMIDULLAH"),
        ("Rashid Shamsudin", "Rashid Shamsuddin"),
        ("Halla Tomasdottir", "Halla Tómasdóttir"),
    ],
)
def test_a_typo_in_a_part_with_a_name_forming_word_still_alerts(query, listed):
    assert alerts(query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-MOSULI", "SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-RAWI"),
        ("SHER MOHAMMAD ABBAS STANEKZAI ABDUL KHAN", "SHER MOHAMMAD ABBAS STANEKZAI PADSHAH KHAN"),
    ],
)
def test_a_long_name_with_one_part_replaced_is_another_person(query, listed):
    scored = score_names([query], [listed], "Person", "Person")
    assert scored.score < screening_threshold()
    assert "different part(s)" in scored.detail


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-MOSULY", "SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-MOSULI"),
        ("SAIF-AL-DIN HASSAN TAHA AL-MOSULI", "SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-MOSULI"),
        ("Mao Tse-tung", "Mao Zedong"),  # a romanisation logic-v2 knows still counts
    ],
)
def test_a_long_name_misspelt_or_shortened_still_alerts(query, listed):
    assert alerts(query, listed)


def test_a_later_entity_of_a_numbered_series_is_another_company():
    assert not alerts("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.", "Company")
    assert "numbers in the names differ (— / II)" in explanation(
        "Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.", "Company"
    )


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("Blackstone Capital Partners VII L.P.", "Blackstone Capital Partners VIII L.P.", "Company"),
        ("Nantahala Capital Offshore Fund, Ltd.", "Nantahala Capital Offshore Fund I, Ltd.", "LegalEntity"),
        ("Brigade Forty 4", "Brigade 44", "Organization"),
        ("Zu Zag Bong", "Zu Zag Bong 6", "Vessel"),  # ships are renamed with numbers
    ],
)
def test_series_vintages_first_funds_and_renamed_ships_still_alert(query, listed, schema):
    assert alerts(query, listed, schema)


def test_a_national_subsidiary_is_another_company():
    assert not alerts("Banco Santander S.A.", "Banco Santander México S.A.", "Company")
    assert "a country in one name only (mexico)" in explanation(
        "Banco Santander S.A.", "Banco Santander México S.A.", "Company"
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Banco Santander Mexico SA", "Banco Santander México S.A."),
        ("Bank of Chima Limited", "Bank of China Limited"),  # a typo in the country, not another one
    ],
)
def test_the_same_national_company_still_alerts(query, listed):
    assert alerts(query, listed, "Company")


def test_initials_in_another_order_are_another_acronym():
    assert not alerts("C.B.A. Company", "A.B.C. Company", "Company")
    assert "initials in another order (CBA / ABC)" in explanation("C.B.A. Company", "A.B.C. Company", "Company")
    assert alerts("A.B.C. Company", "A B C Company", "Company")


def test_a_bare_brand_alerts_on_its_regional_company():
    assert alerts("faberlic", "FABERLIC EUROPE Sp. z o.o.", "Company")
    assert "europe qualifies the brand" in explanation("faberlic", "FABERLIC EUROPE Sp. z o.o.", "Company")


def test_a_bare_name_with_another_word_than_a_place_is_not_a_brand():
    assert not alerts("faberlic", "FABERLIC COSMETICS TRADING Sp. z o.o.", "Company")
