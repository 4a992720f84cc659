"""Person-name symbols read from the index: the same scores as rigour's tagger, without building it per process."""

from pathlib import Path

import pytest
from followthemoney import names as ftm_names

from tuhono.watchlists.matching import tagging
from tuhono.watchlists.matching.alias_corpus import alias_file_version, rigour_version
from tuhono.watchlists.matching.mapped import MappedIndex, write_index
from tuhono.watchlists.matching.scoring import score_names

LISTED = ["Theodore Doe", "Barack Obama", "Sergey Viktorovich LAVROV", "Mao Zedong", "Xi Jinping", "Henry VIII Tudor"]
QUERIES = [
    ("Ted Doe", "Theodore Doe"),  # a nickname
    ("贝拉克·奥巴马", "Barack Obama"),  # another script, a spelling no listed name has
    ("Sergejs Lavrovs", "Sergey Viktorovich LAVROV"),
    ("Mao Tse-tung", "Mao Zedong"),
    ("Si Jinpin", "Xi Jinping"),
    ("Henry 8 Tudor", "Henry VIII Tudor"),  # a number written two ways
    ("Henry 7 Tudor", "Henry VIII Tudor"),
    ("T Doe", "Theodore Doe"),  # an initial
    ("Jane Roe", "Theodore Doe"),
]


@pytest.fixture
def symbol_table(tmp_path: Path):
    write_index(tmp_path / "index", [(i + 1, "Person", [name]) for i, name in enumerate(LISTED)])
    table = MappedIndex(tmp_path / "index").symbol_table
    assert table is not None
    yield table
    tagging.use_table(None)


def _scores(table) -> list[tuple[float, float]]:
    tagging.use_table(table)
    scored = [score_names([query], [listed], "Person", "Person") for query, listed in QUERIES]
    return [(round(s.score, 2), round(s.logic_v2, 2)) for s in scored]


def test_names_score_the_same_with_the_index_symbols_as_with_rigours_tagger(symbol_table):
    with_tagger = _scores(None)
    with_index = _scores(symbol_table)
    assert with_index == with_tagger
    # The comparisons lean on the symbols: without them logic-v2 would not see Ted in Theodore
    # nor Barack in 贝拉克.
    assert with_index[0][1] >= 0.8 and with_index[1][1] >= 0.9


def test_scoring_people_against_the_mapped_index_never_asks_rigours_tagger(symbol_table, monkeypatch):
    def no_tagger(type_tag, names, part_tags=None, **options):  # type: ignore[no-untyped-def]
        raise AssertionError(f"rigour's tagger was asked about {names}")

    tagging.use_table(symbol_table)
    monkeypatch.setattr(ftm_names, "analyze_names", no_tagger)
    scored = score_names(["Ted Doe"], ["Theodore Doe"], "Person", "Person")
    assert scored.logic_v2 >= 0.8


def test_the_corpus_of_name_symbols_matches_the_installed_rigour():
    # Regenerate it with `manage.py person_name_symbols` after upgrading rigour.
    assert alias_file_version() == rigour_version()


def test_a_later_index_build_writes_the_same_symbol_table_as_a_fresh_build(tmp_path: Path):
    """A process builds the symbol table once and writes it again at each index build: the copy
    must be the table itself, file for file, and a changed corpus file must be read again."""
    tagging._built_symbol_table.cache_clear()
    fresh = tagging.write_symbol_table(tmp_path / "first")
    again = tagging.write_symbol_table(tmp_path / "second")
    assert fresh == again and fresh["phrases"] > 100_000
    first_files = {path.name: path.read_bytes() for path in (tmp_path / "first").iterdir()}
    assert first_files == {path.name: path.read_bytes() for path in (tmp_path / "second").iterdir()}
    assert tagging._built_symbol_table.cache_info().hits == 1

    corpus = tmp_path / "corpus.tsv.gz"
    corpus.write_bytes(tagging.ALIAS_FILE.read_bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tagging, "ALIAS_FILE", corpus)
        tagging.write_symbol_table(tmp_path / "third")
    assert tagging._built_symbol_table.cache_info().misses == 2
