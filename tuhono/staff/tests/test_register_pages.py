"""The partnerships officer keeps the whole register in the back office, reached by following links from /staff/."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tuhono.audit.models import AuditEvent
from tuhono.councils.models import PartnerSeeking
from tuhono.councils.services import partner_seeking_submit
from tuhono.partnerships.models import Alliance, Milestone, Partnership, StatusChange

pytestmark = pytest.mark.django_db


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', html)


def follow_link(client, page: str, text: str) -> str:
    """The address of the link on `page` whose text contains `text` (as a person would click it)."""
    html = client.get(page).content.decode()
    for href, label in re.findall(r'<a[^>]*href="([^"#]+)"[^>]*>(.*?)</a>', html, flags=re.S):
        if text in re.sub(r"<[^>]+>", "", label):
            return href
    raise AssertionError(f"No link “{text}” on {page}")


def auckland_fukuoka() -> Partnership:
    return Partnership.objects.get(council__slug="auckland", partner__name="Fukuoka")


def test_links_from_staff_home_reach_every_register_form(clients):
    officer = clients["officer"]
    register = follow_link(officer, "/staff/", "Register")
    new = follow_link(officer, register, "Add a partnership")
    assert 'name="place_name"' in officer.get(new).content.decode()
    listing = officer.get(register, {"q": "Fukuoka"}).content.decode()
    detail = next(href for href in links(listing) if re.fullmatch(r"/staff/register/\d+/", href))
    for text, field in [
        ("Edit the partnership", 'name="summary"'),
        ("Change the status", 'name="reason"'),
        ("Add a milestone", 'name="participants"'),
    ]:
        assert field in officer.get(follow_link(officer, detail, text)).content.decode()
    alliances = follow_link(officer, register, "Alliances and networks")
    assert 'name="kind"' in officer.get(follow_link(officer, alliances, "Add an alliance")).content.decode()
    seeking = follow_link(officer, register, "Partner seeking")
    assert 'name="interests"' in officer.get(follow_link(officer, seeking, "Add an entry")).content.decode()


def test_no_staff_page_links_into_the_admin_for_the_officer(clients):
    officer = clients["officer"]
    p = auckland_fukuoka()
    for page in [
        "/staff/",
        reverse("staff:register_partnerships"),
        reverse("staff:register_partnership", args=[p.pk]),
        reverse("staff:register_partnership_edit", args=[p.pk]),
        reverse("staff:register_alliances"),
        reverse("staff:register_seeking"),
    ]:
        assert not [href for href in links(officer.get(page).content.decode()) if href.startswith("/admin")], page


def test_officer_adds_a_partnership_typing_name_and_country_without_javascript(clients):
    officer = clients["officer"]
    response = officer.post(
        reverse("staff:register_partnership_create"),
        {
            "place_name": "Wellington",
            "place_country": "AU",  # Wellington in New South Wales
            "council": officer.get("/staff/").wsgi_request.user.council_id,
            "kind": "friendship_city",
            "status": "proposed",
            "signed_on": "2025-03-04",
            "signed_precision": "day",
            "signed_basis": "Council resolution",
            "ended_precision": "year",
            "owner_kind": "council",
            "new_focus_areas": "Rural water, Schools",
        },
    )
    partnership = Partnership.objects.get(council__slug="auckland", partner__name="Wellington")
    assert response.status_code == 302 and response.url == reverse("staff:register_partnership", args=[partnership.pk])
    assert partnership.partner.country_code == "AU" and not partnership.published
    assert sorted(partnership.focus_areas.values_list("name", flat=True)) == ["Rural water", "Schools"]
    assert partnership.status_changes.get().status == "proposed"
    assert AuditEvent.objects.filter(action="partnership.created", target_id=str(partnership.pk)).exists()


def test_a_name_that_is_several_places_lists_them_to_choose(clients):
    officer = clients["officer"]
    data = {
        "place_name": "Springfield",
        "place_country": "US",
        "council": 0,
        "kind": "sister_city",
        "status": "active",
        "signed_precision": "year",
        "ended_precision": "year",
        "owner_kind": "council",
    }
    from tuhono.accounts.models import User

    data["council"] = User.objects.get(username="officer").council_id
    html = officer.post(reverse("staff:register_partnership_create"), data).content.decode()
    assert "places called “Springfield”: choose one" in html
    choices = re.findall(r'name="place_geonames_id" id="id_place_choice_\d+" value="(\d+)"', html)
    assert len(choices) > 1
    response = officer.post(reverse("staff:register_partnership_create"), {**data, "place_geonames_id": choices[1]})
    assert response.status_code == 302
    assert Partnership.objects.get(council__slug="auckland", partner__geonames_id=int(choices[1]))


def test_place_search_answers_as_one_types(clients):
    response = clients["officer"].get(reverse("staff:register_place_search"), {"q": "fukuo", "country": "JP"})
    names = [place["name"] for place in response.json()["results"]]
    assert names[0] == "Fukuoka"
    assert clients["anonymous"].get(reverse("staff:register_place_search"), {"q": "fukuo"}).status_code == 302


def test_bad_input_is_explained_by_the_fields_and_saves_nothing(clients):
    officer = clients["officer"]
    before = (Partnership.objects.count(), StatusChange.objects.count(), Milestone.objects.count())
    html = officer.post(reverse("staff:register_partnership_create"), {"kind": "sister_city"}).content.decode()
    assert "<title>Error: " in html and "Enter the partner place" in html
    assert 'id="id_place_name-error"' in html
    p = auckland_fukuoka()
    html = officer.post(
        reverse("staff:register_status_change", args=[p.pk]), {"status": "suspended", "changed_on": "2024-01-01"}
    ).content.decode()
    assert 'id="id_reason-error"' in html and "Give a reason for the change of status" in html
    html = officer.post(
        reverse("staff:register_milestone_add", args=[p.pk]),
        {"kind": "event", "occurred_on": "2024-01-01", "precision": "day", "title": "Fair", "value_nzd": "-5"},
    ).content.decode()
    assert 'id="id_value_nzd-error"' in html
    html = officer.post(reverse("staff:register_alliance_create"), {"kind": "network"}).content.decode()
    assert "Enter the name of the alliance or network" in html
    html = officer.post(reverse("staff:register_seeking_create"), {"who": "abroad"}).content.decode()
    assert 'id="id_place_name-error"' in html and 'id="id_contact_email-error"' in html
    after = (Partnership.objects.count(), StatusChange.objects.count(), Milestone.objects.count())
    assert before == after and not Alliance.objects.filter(name="").exists()


def test_status_change_with_reason_shows_in_the_history(clients):
    officer = clients["officer"]
    p = auckland_fukuoka()
    response = officer.post(
        reverse("staff:register_status_change", args=[p.pk]),
        {
            "version": p.version,
            "status": "suspended",
            "changed_on": "2025-06-01",
            "reason": "Exchange paused while the port is rebuilt",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Status changed to suspended" in html and "Exchange paused while the port is rebuilt" in html
    p.refresh_from_db()
    assert p.status == "suspended"


def test_milestone_with_participants_and_value_then_corrected(clients):
    officer = clients["officer"]
    p = auckland_fukuoka()
    officer.post(
        reverse("staff:register_milestone_add", args=[p.pk]),
        {
            "kind": "exchange",
            "occurred_on": "2025-04-10",
            "precision": "day",
            "title": "Student exchange",
            "participants": "24",
            "value_nzd": "18000",
            "published": "on",
        },
    )
    milestone = p.milestones.get(title="Student exchange")
    assert milestone.participants == 24 and milestone.value_nzd == 18000
    officer.post(
        reverse("staff:register_milestone_edit", args=[milestone.pk]),
        {
            "version": milestone.version,
            "kind": "exchange",
            "occurred_on": "2025-04-10",
            "precision": "day",
            "title": "Student exchange",
            "participants": "26",
        },
    )
    milestone.refresh_from_db()
    assert milestone.participants == 26 and milestone.published is False
    actions = set(AuditEvent.objects.filter(target_id=str(p.pk)).values_list("action", flat=True))
    assert {"partnership.milestone_added", "partnership.milestone_updated"} <= actions


def test_publish_with_a_preview_that_is_marked_and_not_cached(clients):
    officer, anonymous = clients["officer"], clients["anonymous"]
    p = auckland_fukuoka()
    officer.post(reverse("staff:register_unpublish", args=[p.pk]))
    assert anonymous.get(f"/partnerships/{p.slug}/").status_code == 404
    preview = officer.get(reverse("staff:register_preview", args=[p.pk]))
    html = preview.content.decode()
    assert preview.status_code == 200 and "PREVIEW" in html and "Fukuoka" in html and "draft" in html
    assert "no-cache" in preview["Cache-Control"]
    assert anonymous.get(reverse("staff:register_preview", args=[p.pk])).status_code == 302
    officer.post(reverse("staff:register_publish", args=[p.pk]))
    assert anonymous.get(f"/partnerships/{p.slug}/").status_code == 200


def test_another_councils_officer_is_refused(clients):
    dunedin = clients["dunedin"]
    p = auckland_fukuoka()
    assert dunedin.get(reverse("staff:register_partnership", args=[p.pk])).status_code == 404
    assert dunedin.get(reverse("staff:register_partnership_edit", args=[p.pk])).status_code == 404
    response = dunedin.post(
        reverse("staff:register_status_change", args=[p.pk]),
        {"status": "ended", "changed_on": "2025-01-01", "reason": "Not ours"},
    )
    assert response.status_code == 404
    p.refresh_from_db()
    assert p.status == "active"


def test_the_national_coordinator_reads_but_cannot_edit(clients):
    national = clients["national"]
    p = auckland_fukuoka()
    html = national.get(reverse("staff:register_partnership", args=[p.pk])).content.decode()
    assert "Fukuoka" in html and "Edit the partnership" not in html and "Change the status" not in html
    assert national.get(reverse("staff:register_partnership_edit", args=[p.pk])).status_code == 403
    assert national.post(reverse("staff:register_unpublish", args=[p.pk])).status_code == 403
    assert national.get(reverse("staff:register_partnership_create")).status_code == 403
    assert national.post(reverse("staff:register_milestone_add", args=[p.pk]), {}).status_code == 403
    p.refresh_from_db()
    assert p.published


def edit_data(p: Partnership, **changes: str) -> dict[str, str]:
    data = {
        "version": str(p.version),
        "kind": p.kind,
        "signed_on": p.signed_on.isoformat() if p.signed_on else "",
        "signed_precision": p.signed_precision,
        "signed_basis": p.signed_basis,
        "ended_precision": p.ended_precision,
        "owner_kind": p.owner_kind,
        "owner_name": p.owner_name,
        "summary": p.summary,
        "story": p.story,
        "partner_authority": p.partner_authority,
        "source": p.source,
    }
    return {**data, **changes}


def test_two_staff_editing_the_same_partnership_the_second_is_told_and_keeps_their_input(clients):
    from .conftest import signed_in

    first, second = clients["officer"], signed_in("admin")
    p = auckland_fukuoka()
    opened = edit_data(p)  # both open the form at the same version
    assert (
        first.post(
            reverse("staff:register_partnership_edit", args=[p.pk]), {**opened, "summary": "First officer's words"}
        ).status_code
        == 302
    )
    response = second.post(
        reverse("staff:register_partnership_edit", args=[p.pk]),
        {**opened, "partner_authority": "Fukuoka City Hall"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this record" in html
    assert "First officer" in html and "Oliver Officer" in html  # what changed, and who changed it
    assert 'value="Fukuoka City Hall"' in html  # the second person's input is still in the form
    p.refresh_from_db()
    assert p.summary == "First officer's words" and p.partner_authority != "Fukuoka City Hall"
    # Having seen the change, saving again keeps theirs on top of the first officer's.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    again = {**opened, "version": version, "summary": p.summary, "partner_authority": "Fukuoka City Hall"}
    assert second.post(reverse("staff:register_partnership_edit", args=[p.pk]), again).status_code == 302
    p.refresh_from_db()
    assert p.summary == "First officer's words" and p.partner_authority == "Fukuoka City Hall"


def test_officer_keeps_an_alliance_and_its_members(clients):
    officer, dunedin = clients["officer"], clients["dunedin"]
    officer.post(
        reverse("staff:register_alliance_create"),
        {"name": "Pacific Ports Network", "kind": "network", "started_precision": "year", "published": "on"},
    )
    alliance = Alliance.objects.get(name="Pacific Ports Network")
    assert [str(m) for m in alliance.members.all()] == ["Auckland Council"]
    response = officer.post(
        reverse("staff:register_alliance_member_add", args=[alliance.pk]),
        {"place_name": "Suva", "place_country": "FJ"},
    )
    assert response.status_code == 302
    assert sorted(str(m) for m in alliance.members.all()) == ["Auckland Council", "Suva"]
    suva = alliance.members.get(place__name="Suva")
    assert dunedin.post(reverse("staff:register_alliance_member_remove", args=[suva.pk])).status_code == 403
    officer.post(reverse("staff:register_alliance_member_remove", args=[suva.pk]))
    assert [str(m) for m in alliance.members.all()] == ["Auckland Council"]
    actions = list(
        AuditEvent.objects.filter(target_id=str(alliance.pk), target_type="partnerships.alliance")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["alliance.created", "alliance.member_added", "alliance.member_removed"]


def test_partner_seeking_entries_from_the_public_are_published_by_staff(clients):
    officer = clients["officer"]
    partner_seeking_submit(  # what the public partner-seeking page records
        who="abroad",
        place_name="Nadi",
        country_code="FJ",
        interests="Tourism and schools",
        contact_name="Mere",
        contact_email="mere@example.org",
    )
    entry = PartnerSeeking.objects.get(place_name="Nadi")
    html = officer.get(reverse("staff:register_seeking"), {"state": "new"}).content.decode()
    assert "Nadi" in html and "mere@example.org" in html
    officer.post(reverse("staff:register_seeking_publish", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.published
    officer.post(reverse("staff:register_seeking_withdraw", args=[entry.pk]))
    html = officer.get(reverse("staff:register_seeking"), {"state": "withdrawn"}).content.decode()
    assert "Nadi" in html
    assert clients["national"].post(reverse("staff:register_seeking_publish", args=[entry.pk])).status_code == 403
