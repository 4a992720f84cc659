import copy

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from tuhono.audit.models import AuditEvent
from tuhono.vetting.enums import CounterpartRole, MatchStatus, PartySchema, ScreeningStatus
from tuhono.vetting.models import RescreenRun, ScreenedParty, ScreeningMatch
from tuhono.vetting.services import (
    counterpart_add,
    match_confirm,
    match_dismiss,
    party_screen,
    rescreen_pending,
    screening_sweep,
)

from .conftest import LIST_V1


def _add(staff, proposed, name, **kwargs):
    counterpart_add(actor=staff["security"], partnership=proposed, name=name, **kwargs)
    return ScreenedParty.objects.get(name=name)


def test_counterpart_in_pinyin_is_screened_at_once_against_the_hanzi_entry(staff, proposed, watchlist):
    party = _add(staff, proposed, "Xi Jinping", nationality="cn")

    assert party.status == ScreeningStatus.ALERT
    match = party.matches.get(status=MatchStatus.OPEN)
    assert match.entity_id == "Q15031"
    assert match.list_version_id == watchlist.pk
    assert match.score >= 0.75
    assert match.explanation
    assert list(party.screened_against.all()) == [watchlist]
    actions = set(AuditEvent.objects.filter(action__startswith="vetting.").values_list("action", flat=True))
    assert {
        "vetting.counterpart_added",
        "vetting.party_added",
        "vetting.alert_raised",
        "vetting.party_screened",
    } <= actions


def test_latin_spelling_matches_the_cyrillic_entry_and_an_intermediary_is_screened_as_an_organisation(
    staff, proposed, watchlist
):
    person = _add(staff, proposed, "Sergei Lavrov", birth_date="1950-03-21")
    body = _add(
        staff,
        proposed,
        "Chinese Peoples Association for Friendship with Foreign Countries",
        role=CounterpartRole.INTERMEDIARY,
        schema=PartySchema.ORGANIZATION,
    )

    assert person.matches.get(status=MatchStatus.OPEN).entity_id == "NK-lavrov"
    assert body.matches.get(status=MatchStatus.OPEN).entity_id == "NK-cpaffc"


def test_a_clean_name_is_clear(staff, proposed, watchlist):
    party = _add(staff, proposed, "Margaret Hinemoa Walker")

    assert party.status == ScreeningStatus.CLEAR
    assert not party.matches.filter(status=MatchStatus.OPEN).exists()


def test_only_the_councils_security_officer_screens(staff, proposed, watchlist):
    for who in ("officer", "approver", "national", "other_security"):
        with pytest.raises(PermissionDenied):
            counterpart_add(actor=staff[who], partnership=proposed, name="Xi Jinping")
    party = _add(staff, proposed, "Xi Jinping")
    with pytest.raises(PermissionDenied):
        party_screen(actor=staff["other_security"], party=party)


def test_confirming_marks_the_party_and_needs_a_reason(staff, proposed, watchlist):
    match = _add(staff, proposed, "Xi Jinping").matches.get(status=MatchStatus.OPEN)
    with pytest.raises(ValidationError):
        match_confirm(actor=staff["security"], match=match, reason=" ")

    match_confirm(actor=staff["security"], match=match, reason="Same date of birth and office")

    assert ScreenedParty.objects.get(pk=match.party_id).status == ScreeningStatus.CONFIRMED
    with pytest.raises(ValidationError):
        match_dismiss(actor=staff["security"], match=match, reason="too late")


def test_dismissal_holds_until_the_list_entity_changes(staff, proposed, watchlist, import_list):
    party = _add(staff, proposed, "Xi Jinping")
    match = party.matches.get(status=MatchStatus.OPEN)
    with pytest.raises(ValidationError):
        match_dismiss(actor=staff["security"], match=match, reason="")
    with pytest.raises(PermissionDenied):
        match_dismiss(actor=staff["other_security"], match=match, reason="Different person")
    match_dismiss(actor=staff["security"], match=match, reason="A delegate of the same name, born 1990")
    assert ScreenedParty.objects.get(pk=party.pk).status == ScreeningStatus.CLEAR

    # Screening again against the same list: the dismissal holds.
    party_screen(actor=staff["security"], party=party)
    assert ScreeningMatch.objects.get(pk=match.pk).status == MatchStatus.DISMISSED

    # A new version that leaves the entity alone: still dismissed.
    unchanged = [*copy.deepcopy(LIST_V1), {"id": "NEW-1", "schema": "Person", "properties": {"name": ["Rua Tane"]}}]
    import_list(unchanged)
    rescreen_pending()
    assert ScreeningMatch.objects.get(pk=match.pk).status == MatchStatus.DISMISSED

    # A version that changes the entity reopens the alert.
    changed = copy.deepcopy(unchanged)
    changed[0]["properties"]["position"] = ["President of the People's Republic of China"]
    import_list(changed)
    rescreen_pending()
    reopened = ScreeningMatch.objects.get(pk=match.pk)
    assert reopened.status == MatchStatus.OPEN
    assert ScreenedParty.objects.get(pk=party.pk).status == ScreeningStatus.ALERT
    assert AuditEvent.objects.filter(action="vetting.alert_reopened", target_id=str(match.pk)).exists()


def test_rescreen_checks_only_what_changed(staff, proposed, watchlist, import_list):
    clear = _add(staff, proposed, "Yevgeny Prigozhin")
    lavrov = _add(staff, proposed, "Sergei Lavrov")
    assert clear.status == ScreeningStatus.CLEAR
    # Re-screening runs by itself once a version's index is built (tasks run at once in tests).
    assert RescreenRun.objects.get(list_version=watchlist).finished_at  # the first version: nobody changes

    v2 = copy.deepcopy(LIST_V1[:1]) + copy.deepcopy(LIST_V1[2:])  # Lavrov removed
    v2.append({"id": "NK-prigozhin", "schema": "Person", "properties": {"name": ["Евгений Викторович Пригожин"]}})
    version = import_list(v2)
    run = RescreenRun.objects.get(list_version=version)

    assert run.finished_at and run.last_party_id == lavrov.pk  # progress recorded to the last party
    assert run.entities_checked == 2  # one added, one removed: the rest of the list is not scored again
    assert run.parties_checked == 2
    assert ScreenedParty.objects.get(pk=clear.pk).status == ScreeningStatus.ALERT
    new = ScreeningMatch.objects.get(party=clear, status=MatchStatus.OPEN)
    assert new.entity_id == "NK-prigozhin" and new.list_version == version
    assert ScreeningMatch.objects.get(party=lavrov, entity_id="NK-lavrov").status == MatchStatus.LAPSED
    assert ScreenedParty.objects.get(pk=lavrov.pk).status == ScreeningStatus.CLEAR
    assert version in ScreenedParty.objects.get(pk=lavrov.pk).screened_against.all()
    assert rescreen_pending() == []  # each version once
    assert RescreenRun.objects.count() == 2


def test_rescreen_command_reports_each_version(staff, proposed, watchlist, import_list, capsys, settings):
    _add(staff, proposed, "Xi Jinping")
    # No worker running: the command does the re-screen the worker would have done.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    version = import_list([*LIST_V1, {"id": "NEW-1", "schema": "Person", "properties": {"name": ["Rua Tane"]}}])
    call_command("rescreen")
    out = capsys.readouterr().out
    assert f"OpenSanctions version {version.pk}: 1 entities changed, 1 parties checked, 0 new alerts" in out
    call_command("rescreen")
    assert "Nothing to re-screen" in capsys.readouterr().out


def test_sweep_screens_parties_recorded_elsewhere(staff, proposed, watchlist, council):
    from tuhono.visits import services as visits

    visit = visits.visit_create(
        actor=staff["officer"],
        council=council,
        kind="incoming",
        organisation="Qingdao delegation",
        country_code="CN",
        purpose="Port cooperation",
        members=[{"name": "Xi Jinping", "name_original": "习近平", "nationality": "CN"}, {"name": "Li Hua"}],
    )
    result = screening_sweep()

    # the two members and the visiting organisation itself
    assert result.registered == 3 and result.screened == 3 and result.alerts == 1
    assert ScreenedParty.objects.get(name="Qingdao delegation").schema == PartySchema.ORGANIZATION
    party = ScreenedParty.objects.get(name="Xi Jinping")
    assert party.case_id == visit.pk and party.council_id == council.pk
    assert screening_sweep().screened == 0  # nothing new


def test_demo_screens_the_demo_delegations(demo):
    from tuhono.vetting.demo import demo_vetting_load

    li_wei = ScreenedParty.objects.get(name="Li Wei")
    assert li_wei.matches.get(status=MatchStatus.OPEN).entity_id == "demo-li-wei"
    intermediary = ScreenedParty.objects.get(origin="counterpart", schema="Organization")
    assert intermediary.status == ScreeningStatus.CONFIRMED  # worked in the decided demonstration case
    assert "already in force. 0 counterparts added" in demo_vetting_load()  # idempotent
