import pytest

from tuhono.audit.models import AuditEvent
from tuhono.watchlists.enums import ListVersionStatus
from tuhono.watchlists.models import ListEntity, ListVersion
from tuhono.watchlists.selectors import changes_since, version_changes, versions_in_force
from tuhono.watchlists.services.imports import WatchlistImportRefused, watchlist_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "file_format", "expected"),
    [
        ("entities.ftm.json", "ftm", {"Q15031": ("Person", "习近平"), "NK-tmc": ("Company", None)}),
        ("targets.simple.csv", "simple-csv", {"Q7747": ("Person", "Vladimir Vladimirovich PUTIN")}),
        (
            "consolidated.xml",
            "un-xml",
            {"unsc-6908555": ("Person", "RI WON HO"), "unsc-110407": ("Organization", None)},
        ),
        (
            "ofac/sdn.csv",
            "ofac-csv",
            {"ofac-7160": ("Person", "Ayman al- ZAWAHIRI"), "ofac-15036": ("Vessel", "SKY AUGUST")},
        ),
        ("russia-sanctions-register.xlsx", "mfat-xlsx", {"nz-mfat-I001": ("Person", "Sergey Viktorovich Lavrov")}),
        ("watchlist.csv", "csv", {"local-1": ("Person", "Zhang Wei"), "local-2": ("Organization", None)}),
    ],
)
def test_each_format_imports_its_entities(fixtures, path, file_format, expected):
    for detected in (file_format, None):  # named and auto-detected
        result = watchlist_import(path=fixtures / path, source_name=f"list {detected}", file_format=detected)
        assert result.version.status == ListVersionStatus.IN_FORCE
        assert result.version.file_format == file_format
        for entity_id, (schema, caption) in expected.items():
            entity = ListEntity.objects.get(source=result.version.source, entity_id=entity_id)
            assert entity.schema == schema
            if caption:
                assert caption in entity.names


def test_un_xml_reads_dates_nationality_and_original_script(fixtures):
    watchlist_import(path=fixtures / "consolidated.xml", source_name="UN")
    zawahiri = ListEntity.objects.get(entity_id="unsc-110439")
    assert "أيمن محمد ربيع الظواهري" in zawahiri.names
    assert "Abu Mohammed" not in zawahiri.names  # a low-quality alias is kept only as a weak alias
    assert zawahiri.birth_dates == ["1951-06-19"]
    assert zawahiri.countries == ["eg"]
    choe = ListEntity.objects.get(entity_id="unsc-6908032")
    assert choe.birth_dates == ["1958", "1959", "1960"]


def test_ofac_reads_aliases_remarks_and_nulls(fixtures):
    watchlist_import(path=fixtures / "ofac" / "sdn.csv", source_name="OFAC")
    lavrov = ListEntity.objects.get(entity_id="ofac-25462")
    assert lavrov.names == ["Sergei Viktorovich LAVROV", "Sergey LAVROV"]
    assert lavrov.birth_dates == ["1950-03-21"]
    assert "ru" in lavrov.countries
    airline = ListEntity.objects.get(entity_id="ofac-36")
    assert airline.schema == "Organization"
    assert "-0-" not in str(airline.properties)


def test_mfat_leaves_out_revoked_entries_and_reads_bans(fixtures):
    watchlist_import(path=fixtures / "russia-sanctions-register.xlsx", source_name="MFAT")
    ids = set(ListEntity.objects.values_list("entity_id", flat=True))
    assert ids == {"nz-mfat-I001", "nz-mfat-I002", "nz-mfat-E001"}
    putin = ListEntity.objects.get(entity_id="nz-mfat-I002")
    assert putin.birth_dates == ["1952-10-07"]
    lavrov = ListEntity.objects.get(entity_id="nz-mfat-I001")
    assert "Сергей Лавров" in lavrov.names
    assert any("Travel Ban" in note for note in lavrov.properties["notes"])


def test_new_version_counts_additions_changes_and_removals(fixtures):
    first = watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions").version
    second = watchlist_import(path=fixtures / "entities-v2.ftm.json", source_name="OpenSanctions").version
    assert (second.added_count, second.changed_count, second.removed_count) == (1, 1, 1)
    assert second.entity_count == 8
    first.refresh_from_db()
    assert first.status == ListVersionStatus.SUPERSEDED
    assert list(versions_in_force()) == [second]
    changes = version_changes(version=second)
    assert set(changes.added_or_changed.values_list("entity_id", flat=True)) == {"Q15031", "NK-prigozhin"}
    assert list(changes.removed.values_list("entity_id", flat=True)) == ["NK-huawei-soe"]
    since = changes_since(version=first)
    assert set(since.added_or_changed.values_list("entity_id", flat=True)) == {"Q15031", "NK-prigozhin"}
    # The unchanged entity keeps the version that last changed it.
    assert ListEntity.objects.get(entity_id="NK-lavrov").changed_in_version == first


def test_same_file_again_changes_nothing_and_says_so(fixtures):
    first = watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions")
    events = AuditEvent.objects.count()
    again = watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions")
    assert again.unchanged
    assert again.version == first.version
    assert "nothing changed" in again.message
    assert ListVersion.objects.count() == 1
    assert AuditEvent.objects.count() == events + 1
    assert AuditEvent.objects.last().action == "watchlist.import_unchanged"


def test_malformed_file_is_refused_with_line_and_previous_version_stays(fixtures):
    good = watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions").version
    with pytest.raises(WatchlistImportRefused) as refused:
        watchlist_import(path=fixtures / "malformed.ftm.json", source_name="OpenSanctions")
    assert "line 3" in refused.value.reason
    assert "not JSON" in refused.value.reason
    good.refresh_from_db()
    assert good.status == ListVersionStatus.IN_FORCE
    assert list(versions_in_force()) == [good]
    # A refused file leaves no version row behind, only the audited refusal.
    assert ListVersion.objects.filter(source=good.source).count() == 1
    # Nothing of the refused file landed: not the lines before the break, not after.
    assert ListEntity.objects.count() == 8
    assert not ListEntity.objects.filter(entity_id="NK-after").exists()
    assert AuditEvent.objects.filter(action="watchlist.import_refused").count() == 1


def test_import_is_audited(fixtures):
    version = watchlist_import(path=fixtures / "consolidated.xml", source_name="UN").version
    event = AuditEvent.objects.get(action="watchlist.version_imported")
    assert event.target_id == str(version.pk)
    assert event.payload["added"] == 4 and event.payload["sha256"] == version.sha256


def test_plain_csv_without_name_column_is_refused(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("id,schema,who\n1,Person,Someone\n", encoding="utf-8")
    with pytest.raises(WatchlistImportRefused) as refused:
        watchlist_import(path=path, source_name="Local", file_format="csv")
    assert "line 1" in refused.value.reason and "name" in refused.value.reason
