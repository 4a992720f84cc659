from tuhono.places.scripts import native_language, native_names


def test_a_japanese_city_shows_its_japanese_names_not_codes_or_other_languages():
    names = ["FUK", "Fukuoka-shi", "pwqw'wqh", "Фукуока", "ふくおか", "福岡", "福岡市", "후쿠오카 시"]
    assert native_names(names, "JP") == ["福岡市", "福岡", "ふくおか"]
    assert native_language("JP") == "ja"


def test_a_country_without_its_own_script_shows_none():
    assert native_names(["GWY", "Gaillimh", "Голуэй"], "IE") == []


def test_korean_and_russian():
    assert native_names(["Busan", "부산광역시", "釜山"], "KR") == ["부산광역시"]
    assert native_names(["Moskva", "Москва", "莫斯科"], "RU") == ["Москва"]
