"""New list versions are staged, previewed and confirmed; nobody empties a list with one upload."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tuhono.audit.models import AuditEvent
from tuhono.watchlists.enums import ListUploadStatus, ListVersionStatus
from tuhono.watchlists.models import ListEntity, ListUpload, ListVersion, Source
from tuhono.watchlists.services.imports import WatchlistImportRefused, watchlist_import
from tuhono.watchlists.services.versions import version_confirm, version_discard, version_restore, version_stage

from .keepers import NAMES, list_csv, make_keepers

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return make_keepers()


def stage(actor, names, *, source="Council list", encoding="utf-8", prefix="e"):
    data = list_csv(names, encoding=encoding, prefix=prefix)
    return version_stage(
        actor=actor, source_name=source, upload=SimpleUploadedFile("list.csv", data), file_format="csv"
    )


def in_force_ids(source_name="Council list"):
    return set(
        ListEntity.objects.filter(source__name=source_name, removed_in_version__isnull=True).values_list(
            "entity_id", flat=True
        )
    )


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_an_upload_is_only_a_preview_until_it_is_confirmed(people):
    upload = stage(people["sec_akl"], NAMES)
    assert upload.status == ListUploadStatus.STAGED
    assert (upload.added_count, upload.removed_count, upload.entity_count) == (10, 0, 10)
    assert "Aleksandr Petrov" in upload.samples["added"]
    assert not Source.objects.exists() and not ListVersion.objects.exists() and not ListEntity.objects.exists()

    version_confirm(actor=people["sec_akl"], upload=upload)
    upload.refresh_from_db()
    assert upload.status == ListUploadStatus.CONFIRMED
    assert upload.version.status == ListVersionStatus.IN_FORCE
    assert upload.version.source.council == people["councils"]["auckland"]
    assert in_force_ids() == {f"e{n}" for n in range(1, 11)}
    actions = list(AuditEvent.objects.order_by("sequence").values_list("action", flat=True))
    assert actions[:2] == ["watchlist.version_staged", "watchlist.version_imported"]
    assert "watchlist.index_built" in actions  # the confirmed version's screening index follows


def test_a_list_cannot_be_emptied_by_one_officer(people, settings):
    first = stage(people["sec_akl"], NAMES)
    version_confirm(actor=people["sec_akl"], upload=first)

    # An empty file is refused outright: nothing staged, nothing in force changes.
    with pytest.raises(WatchlistImportRefused, match="holds no entities"):
        stage(people["sec_akl"], [])
    assert not ListUpload.objects.exclude(pk=first.pk).exists()

    # One entity left: 90 % removed, more than the 20 % one officer may remove.
    upload = stage(people["sec_akl"], NAMES[:1])
    assert upload.removed_count == 9 and upload.needs_second_officer
    assert set(upload.samples["removed"]) <= set(NAMES[1:]) and upload.samples["removed"]
    version_confirm(actor=people["sec_akl"], upload=upload)
    upload.refresh_from_db()
    assert upload.status == ListUploadStatus.AWAITING_SECOND
    assert len(in_force_ids()) == 10  # still all in force

    with pytest.raises(ValidationError, match="second, different security officer"):
        version_confirm(actor=people["sec_akl"], upload=upload)
    assert len(in_force_ids()) == 10

    version_confirm(actor=people["sec_akl2"], upload=upload)
    upload.refresh_from_db()
    assert upload.status == ListUploadStatus.CONFIRMED
    assert in_force_ids() == {"e1"}
    assert upload.confirmed_by == people["sec_akl"] and upload.second_confirmed_by == people["sec_akl2"]


def test_a_small_removal_needs_one_confirmation_and_the_share_is_a_setting(people, settings):
    version_confirm(actor=people["sec_akl"], upload=stage(people["sec_akl"], NAMES))
    small = stage(people["sec_akl"], NAMES[:9])  # 10 % removed
    assert not small.needs_second_officer
    version_confirm(actor=people["sec_akl"], upload=small)
    assert len(in_force_ids()) == 9

    settings.TUHONO_WATCHLIST_REMOVAL_SECOND_OFFICER_SHARE = 0.05
    assert stage(people["sec_akl"], NAMES[:8]).needs_second_officer  # 1 of 9 removed is over 5 %


def test_restore_an_earlier_version_is_itself_a_confirmed_change(people):
    first = stage(people["sec_akl"], NAMES)
    version_confirm(actor=people["sec_akl"], upload=first)
    second = stage(people["sec_akl"], NAMES[:8])
    version_confirm(actor=people["sec_akl"], upload=second)
    first.refresh_from_db()
    assert in_force_ids() == {f"e{n}" for n in range(1, 9)}

    restore = version_restore(actor=people["sec_akl"], version=first.version)
    assert restore.restored_from == first.version and restore.added_count == 2 and restore.removed_count == 0
    assert len(in_force_ids()) == 8  # staged only
    version_confirm(actor=people["sec_akl"], upload=restore)
    assert in_force_ids() == {f"e{n}" for n in range(1, 11)}
    assert AuditEvent.objects.filter(action="watchlist.version_restore_staged").count() == 1


def test_a_preview_made_before_another_version_came_into_force_cannot_be_confirmed(people):
    version_confirm(actor=people["sec_akl"], upload=stage(people["sec_akl"], NAMES))
    stale = stage(people["sec_akl"], NAMES[:9])
    version_confirm(actor=people["sec_akl2"], upload=stage(people["sec_akl2"], [*NAMES, "Kim Song"]))
    with pytest.raises(ValidationError, match="changed since this preview"):
        version_confirm(actor=people["sec_akl"], upload=stale)
    assert len(in_force_ids()) == 11


def test_discarding_leaves_nothing_behind(people, settings):
    upload = stage(people["sec_akl"], NAMES)
    assert files_under(Path(settings.TUHONO_UPLOAD_DIR))
    with pytest.raises(PermissionDenied):
        version_discard(actor=people["sec_dud"], upload=upload)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        version_discard(actor=people["sec_akl"], upload=upload)
    assert not ListUpload.objects.exists() and not Source.objects.exists()
    assert files_under(Path(settings.TUHONO_UPLOAD_DIR)) == []


def test_scope_other_councils_and_other_roles(people):
    version_confirm(actor=people["sec_akl"], upload=stage(people["sec_akl"], NAMES))
    # Another council's security officer cannot upload to Auckland's list.
    with pytest.raises(ValidationError, match="list you do not keep"):
        stage(people["sec_dud"], NAMES[:1])
    # Nor may officers, approvers or administrators keep lists at all.
    for username in ("officer_akl", "approver_akl", "admin_akl"):
        with pytest.raises(PermissionDenied):
            stage(people[username], NAMES, source="Another list")
    # A national list is kept by a security officer with no council, not by one council's.
    national = stage(people["sec_nat"], NAMES, source="National list")
    version_confirm(actor=people["sec_nat"], upload=national)
    assert Source.objects.get(name="National list").council is None
    with pytest.raises(ValidationError):
        stage(people["sec_akl"], [], source="National list")
    staged = stage(people["sec_nat"], NAMES[:1], source="National list")
    with pytest.raises(PermissionDenied):
        version_confirm(actor=people["sec_akl"], upload=staged)


def test_latin1_and_utf16_lists_are_read(people):
    upload = stage(people["sec_akl"], ["José Müller", "Zoë Ærøskøbing"], encoding="latin-1")
    assert set(upload.samples["added"]) == {"José Müller", "Zoë Ærøskøbing"}
    upload = stage(people["sec_akl"], ["Łukasz Żółw", "王伟"], encoding="utf-16", source="Second list")
    assert set(upload.samples["added"]) == {"Łukasz Żółw", "王伟"}


def test_the_command_line_imports_and_confirms_at_once_and_keeps_the_file(people, fixtures):
    result = watchlist_import(path=fixtures / "watchlist.csv", source_name="Operator list", file_format="csv")
    assert result.version.status == ListVersionStatus.IN_FORCE and result.version.archive
    second = watchlist_import(path=fixtures / "entities.ftm.json", source_name="Operator list")
    assert second.version.status == ListVersionStatus.IN_FORCE
    result.version.refresh_from_db()
    # The first version's file was kept: it can be restored (by a national security officer: a national list).
    restore = version_restore(actor=people["sec_nat"], version=result.version)
    assert (restore.added_count, restore.removed_count) == (3, 8)  # its 3 come back, the other file's 8 go
