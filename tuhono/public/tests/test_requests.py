import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tuhono.audit.models import AuditEvent
from tuhono.visits.enums import VisitSource, VisitState
from tuhono.visits.models import PublicMessage, Visit

pytestmark = pytest.mark.django_db

FAR = (dt.date.today() + dt.timedelta(weeks=20)).isoformat()
FAR_END = (dt.date.today() + dt.timedelta(weeks=20, days=2)).isoformat()


def valid_request(**overrides):
    data = {
        "organisation": "Guangzhou Foreign Affairs Office",
        "country": "CN",
        "city": "Guangzhou",
        "partnership": "",
        "purpose": "Learn how the council plans its waterfront.",
        "topics": "urban planning",
        "proposed_start": FAR,
        "proposed_end": FAR_END,
        "sites_requested": "Wynyard Quarter",
        "contact_name": "Chen Jing",
        "contact_email": "chen.jing@example.cn",
        "contact_phone": "",
        "website": "",
        "members-TOTAL_FORMS": "3",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "60",
        "members-0-name_original": "李伟",
        "members-0-name": "Li Wei",
        "members-0-role": "Deputy Director",
        "members-0-organisation": "Guangzhou Foreign Affairs Office",
        "members-0-nationality": "CN",
        "members-0-date_of_birth": "",
        "continue": "1",
    }
    data.update(overrides)
    return data


def test_request_page_shows_the_guidelines_before_the_form(client, demo):
    html = client.get("/visits/request/").content.decode()
    assert html.index("Before you start") < html.index("<form")
    assert "8 weeks" in html and "What we cannot offer" in html
    assert "novalidate" in html


def test_staff_edited_guidelines_reach_the_page(client, demo):
    from tuhono.councils.models import Council
    from tuhono.visits.models import VisitGuidelines

    VisitGuidelines.objects.create(council=Council.objects.get(slug="auckland"), notice_weeks=12, max_group_size=6)
    html = client.get("/visits/request/").content.decode()
    assert "12 weeks" in html and "up to <strong>6</strong>" in html


def test_empty_submit_lists_each_problem_and_links_to_its_field(client, demo):
    response = client.post("/visits/request/", {"members-TOTAL_FORMS": "3", "members-INITIAL_FORMS": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "There is a problem" in html
    for field_id, message in [
        ("id_organisation", "Enter the name of your organisation"),
        ("id_country", "Select the country your delegation comes from"),
        ("id_purpose", "Enter the purpose of the visit"),
        ("id_proposed_start", "Enter the first day of the visit"),
        ("id_contact_email", "Enter the contact email address"),
        ("id_members-0-name", "Enter at least one member of the delegation"),
    ]:
        assert f'href="#{field_id}"' in html, field_id
        assert message in html
    assert 'aria-invalid="true"' in html


def test_errors_keep_what_was_typed(client, demo):
    data = valid_request(contact_email="not-an-address", proposed_end="2020-01-01")
    html = client.post("/visits/request/", data).content.decode()
    assert "Enter an email address in the correct format" in html
    assert "The last day of the visit must be the same as or after the first day" in html
    assert 'value="Guangzhou Foreign Affairs Office"' in html
    assert 'value="李伟"' in html
    assert 'value="not-an-address"' in html
    assert '<option value="CN" selected>' in html


def test_too_little_notice_is_refused_with_the_earliest_date(client, demo):
    soon = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    html = client.post("/visits/request/", valid_request(proposed_start=soon, proposed_end=soon)).content.decode()
    assert "we need 8 weeks&#x27; notice" in html


def test_add_another_member_adds_a_row_without_errors(client, demo):
    html = client.post("/visits/request/", valid_request(add_member="1", contact_email="")).content.decode()
    assert 'name="members-3-name"' in html
    assert "There is a problem" not in html
    assert 'value="李伟"' in html


def test_check_answers_then_send_gives_a_reference_and_an_email(client, demo, django_capture_on_commit_callbacks):
    response = client.post("/visits/request/", valid_request())
    assert response.status_code == 302 and response.url == reverse("public:visit_request_check")
    html = client.get(response.url).content.decode()
    assert "Check your answers" in html and "Li Wei" in html and "李伟" in html and "China" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("public:visit_request_check"))
    assert response.url == reverse("public:visit_request_done")
    visit = Visit.objects.get(organisation="Guangzhou Foreign Affairs Office")
    assert visit.state == VisitState.RECEIVED and visit.source == VisitSource.PUBLIC_REQUEST
    assert [p.name_original for p in visit.parties.all()] == ["李伟"]
    html = client.get(response.url).content.decode()
    assert visit.reference in html and visit.reference.startswith(f"TUH-{dt.date.today().year}-")
    acknowledgement = next(m for m in mail.outbox if m.to == ["chen.jing@example.cn"])
    assert visit.reference in acknowledgement.subject
    officers = next(m for m in mail.outbox if "officer@tuhono.localhost" in m.to)
    assert "dunedin@tuhono.localhost" not in officers.to
    assert AuditEvent.objects.filter(action="visit.created", target_id=str(visit.pk)).exists()


def test_change_link_returns_to_a_filled_form(client, demo):
    client.post("/visits/request/", valid_request())
    html = client.get("/visits/request/").content.decode()
    assert 'value="Chen Jing"' in html and "There is a problem" not in html


def test_honeypot_submission_is_dropped_quietly(client, demo):
    response = client.post("/visits/request/", valid_request(website="http://spam.example"))
    assert response.url == reverse("public:visit_request_done")
    assert not Visit.objects.filter(source=VisitSource.PUBLIC_REQUEST, organisation__startswith="Guangzhou F").exists()
    assert "Request sent" in client.get(response.url).content.decode()


def test_an_address_is_limited_to_a_few_requests(client, demo, settings):
    settings.TUHONO_PUBLIC_FORM_RATE = "2/h"
    for _ in range(2):
        client.post("/visits/request/", valid_request())
        assert client.post(reverse("public:visit_request_check")).status_code == 302
    client.post("/visits/request/", valid_request())
    response = client.post(reverse("public:visit_request_check"))
    assert response.status_code == 429
    assert Visit.objects.filter(organisation="Guangzhou Foreign Affairs Office").count() == 2


def test_references_count_up_within_the_year(client, demo):
    references = []
    for _ in range(2):
        client.post("/visits/request/", valid_request())
        client.post(reverse("public:visit_request_check"))
        references.append(client.session["visit_request_done"]["reference"])
    first, second = (int(r.rsplit("-", 1)[1]) for r in references)
    assert second == first + 1


def test_enquiry_errors_then_success(client, demo, django_capture_on_commit_callbacks):
    html = client.post("/enquiries/", {}).content.decode()
    assert "<title>Error: " in html and 'href="#id_email"' in html and "Enter your enquiry" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/enquiries/",
            {"name": "Ana Silva", "email": "ana@example.pt", "subject": "Partnership", "message": "Can we talk?"},
        )
    message = PublicMessage.objects.get(email="ana@example.pt")
    assert message.reference in client.get(response.url).content.decode()
    assert any(m.to == ["ana@example.pt"] for m in mail.outbox)


def test_feedback_page_says_what_it_is_for_and_accepts_anonymous_feedback(client, demo):
    html = client.get("/feedback/?page=/partnerships/").content.decode()
    assert "Your feedback helps us to improve our website" in html
    response = client.post("/feedback/", {"helpful": "no", "message": "The map is slow.", "page": "/partnerships/"})
    assert response.status_code == 302
    assert PublicMessage.objects.get(kind="feedback").page == "/partnerships/"


def test_contact_page_names_the_team(client, demo):
    html = client.get("/contact/").content.decode()
    assert "Global Partnerships and Strategy team" in html
    assert reverse("public:visit_request") in html and reverse("public:enquiry") in html
