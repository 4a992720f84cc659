import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tuhono.audit.models import AuditEvent
from tuhono.councils.models import Council
from tuhono.partnerships import services
from tuhono.partnerships.models import Partnership
from tuhono.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def council() -> Council:
    return Council.objects.create(name="Test City Council", slug="test-city")


@pytest.fixture
def partner() -> Place:
    return Place.objects.create(name="Testopolis", country_code="JP", latitude=35.0, longitude=139.0)


def make(council: Council, partner: Place, **kwargs) -> Partnership:
    return services.partnership_create(
        actor=None, council=council, partner=partner, kind="sister_city", signed_on=dt.date(1990, 1, 1), **kwargs
    )


def test_create_records_first_status_focus_areas_and_audit(council, partner):
    partnership = make(council, partner, focus_areas=["Trade", "trade ", "Climate change"])
    assert partnership.status == "active"
    assert partnership.status_changes.count() == 1
    assert sorted(partnership.focus_areas.values_list("name", flat=True)) == ["Climate change", "Trade"]
    event = AuditEvent.objects.get(action="partnership.created")
    assert event.target_id == str(partnership.pk)
    assert event.council_id == council.pk


def test_end_date_before_signing_is_refused_with_a_message(council, partner):
    with pytest.raises(ValidationError) as error:
        make(council, partner, ended_on=dt.date(1980, 1, 1))
    assert "cannot be before the date it was signed" in str(error.value)
    assert not Partnership.objects.exists()


def test_same_pair_twice_is_refused(council, partner):
    make(council, partner)
    with pytest.raises(ValidationError) as error:
        make(council, partner)
    assert "already has a partnership" in str(error.value)


def test_status_change_needs_reason_and_allowed_move(council, partner):
    partnership = make(council, partner)
    with pytest.raises(ValidationError) as error:
        services.partnership_change_status(
            actor=None, partnership=partnership, status="suspended", changed_on=dt.date(2022, 3, 1), reason=" "
        )
    assert "reason" in error.value.message_dict
    services.partnership_change_status(
        actor=None,
        partnership=partnership,
        status="suspended",
        changed_on=dt.date(2022, 3, 1),
        reason="Until peace is restored",
    )
    partnership.refresh_from_db()
    assert partnership.status == "suspended"
    event = AuditEvent.objects.filter(action="partnership.status_changed").get()
    assert event.payload == {
        "from": "active",
        "to": "suspended",
        "changed_on": "2022-03-01",
        "reason": "Until peace is restored",
        "version": 2,
    }
    with pytest.raises(ValidationError) as error:
        services.partnership_change_status(
            actor=None, partnership=partnership, status="proposed", changed_on=dt.date(2022, 4, 1), reason="x"
        )
    assert "cannot become proposed" in str(error.value)


def test_status_change_dated_before_signing_is_refused(council, partner):
    partnership = make(council, partner)
    with pytest.raises(ValidationError) as error:
        services.partnership_change_status(
            actor=None, partnership=partnership, status="ended", changed_on=dt.date(1985, 1, 1), reason="Old"
        )
    assert "changed_on" in error.value.message_dict


def test_ending_sets_the_end_date_and_reactivating_clears_it(council, partner):
    partnership = make(council, partner)
    services.partnership_change_status(
        actor=None, partnership=partnership, status="ended", changed_on=dt.date(2020, 5, 1), reason="Lapsed"
    )
    partnership.refresh_from_db()
    assert partnership.ended_on == dt.date(2020, 5, 1)
    services.partnership_change_status(
        actor=None, partnership=partnership, status="active", changed_on=dt.date(2024, 5, 1), reason="Re-signed"
    )
    partnership.refresh_from_db()
    assert partnership.ended_on is None
    assert list(partnership.status_changes.values_list("status", flat=True)) == ["active", "ended", "active"]


def test_update_audits_each_changed_field(council, partner):
    partnership = make(council, partner)
    services.partnership_update(actor=None, partnership=partnership, summary="New words", published=True)
    event = AuditEvent.objects.get(action="partnership.updated")
    assert event.payload["changes"]["summary"] == {"from": "", "to": "New words"}
    assert event.payload["changes"]["published"] == {"from": False, "to": True}


def test_update_refuses_status_as_a_plain_field(council, partner):
    partnership = make(council, partner)
    with pytest.raises(ValidationError):
        services.partnership_update(actor=None, partnership=partnership, status="ended")


def test_a_re_signing_is_a_milestone_with_its_basis_and_shows_where_the_register_says_re_signed(
    council, partner, national_install
):
    from tuhono.partnerships.milestone_services import milestone_add
    from tuhono.partnerships.selectors import partnership_list_public

    partnership = make(council, partner, published=True)

    def resign(on: dt.date, description: str = "", title: str = "Re-signed") -> None:
        milestone_add(
            actor=None, partnership=partnership, occurred_on=on, title=title, kind="resigned", description=description
        )

    with pytest.raises(ValidationError) as error:
        resign(dt.date(1985, 1, 1), "Memorandum")
    assert "re-signed before it was first signed" in str(error.value)
    with pytest.raises(ValidationError) as error:
        resign(dt.date(2012, 1, 1))
    assert "what records the re-signing" in str(error.value)
    assert not partnership.milestones.exists()

    resign(dt.date(2012, 1, 1), "Re-signed during the mayoral trade mission.", title="Memorandum re-signed")
    assert Partnership.objects.get(pk=partnership.pk).resigned_display == "2012"
    listed = partnership_list_public().get(pk=partnership.pk)
    assert listed.last_resigned_on == dt.date(2012, 1, 1)
