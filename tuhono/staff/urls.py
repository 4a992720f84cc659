from django.urls import include, path

from .views import calendar, contacts, desk, queue, register, register_network, visits
from .views.sign_in import SignInView, SignOutView

app_name = "staff"

REGISTER = [
    path("register/", register.partnership_list, name="register_partnerships"),
    path("register/new/", register.partnership_create, name="register_partnership_create"),
    path("register/places.json", register.place_search, name="register_place_search"),
    path("register/<int:pk>/", register.partnership_detail, name="register_partnership"),
    path("register/<int:pk>/edit/", register.partnership_edit, name="register_partnership_edit"),
    path("register/<int:pk>/status/", register.status_change, name="register_status_change"),
    path("register/<int:pk>/publish/", register.partnership_publish, {"publish": True}, name="register_publish"),
    path("register/<int:pk>/unpublish/", register.partnership_publish, {"publish": False}, name="register_unpublish"),
    path("register/<int:pk>/preview/", register.partnership_preview, name="register_preview"),
    path("register/<int:pk>/milestones/new/", register.milestone_add, name="register_milestone_add"),
    path("register/milestones/<int:milestone_pk>/edit/", register.milestone_edit, name="register_milestone_edit"),
    path("register/milestones/<int:milestone_pk>/remove/", register.milestone_remove, name="register_milestone_remove"),
    path("register/alliances/", register_network.alliance_list, name="register_alliances"),
    path("register/alliances/new/", register_network.alliance_create, name="register_alliance_create"),
    path("register/alliances/<int:pk>/", register_network.alliance_detail, name="register_alliance"),
    path("register/alliances/<int:pk>/edit/", register_network.alliance_edit, name="register_alliance_edit"),
    path(
        "register/alliances/<int:pk>/members/new/",
        register_network.alliance_member_add,
        name="register_alliance_member_add",
    ),
    path(
        "register/alliances/members/<int:member_pk>/remove/",
        register_network.alliance_member_remove,
        name="register_alliance_member_remove",
    ),
    path("register/partner-seeking/", register_network.seeking_list, name="register_seeking"),
    path("register/partner-seeking/new/", register_network.seeking_create, name="register_seeking_create"),
    path("register/partner-seeking/<int:pk>/", register_network.seeking_detail, name="register_seeking_entry"),
    path("register/partner-seeking/<int:pk>/edit/", register_network.seeking_edit, name="register_seeking_edit"),
    path(
        "register/partner-seeking/<int:pk>/publish/",
        register_network.seeking_publish,
        {"publish": True},
        name="register_seeking_publish",
    ),
    path(
        "register/partner-seeking/<int:pk>/withdraw/",
        register_network.seeking_publish,
        {"publish": False},
        name="register_seeking_withdraw",
    ),
]

urlpatterns = [
    path("sign-in/", SignInView.as_view(), name="sign_in"),
    path("sign-out/", SignOutView.as_view(), name="sign_out"),
    path("", queue.queue, name="home"),
    path("visits/", visits.visit_list, name="visit_list"),
    path("visits/new/", visits.visit_create, name="visit_create"),
    path("visits/<int:visit_pk>/", visits.visit_detail, name="visit_detail"),
    path("visits/<int:visit_pk>/edit/", visits.visit_edit, name="visit_edit"),
    *[
        path(
            f"visits/<int:visit_pk>/{action.replace('_', '-')}/",
            visits.visit_transition,
            {"action": action},
            name=f"visit_{action}",
        )
        for action in visits.TRANSITION_SERVICES
    ],
    path("visits/<int:visit_pk>/members/new/", visits.party_add, name="party_add"),
    path("visits/members/<int:visitparty_pk>/edit/", visits.party_edit, name="party_edit"),
    path("visits/members/<int:visitparty_pk>/remove/", visits.party_remove, name="party_remove"),
    path("visits/<int:visit_pk>/itinerary/new/", visits.itinerary_add, name="itinerary_add"),
    path("visits/itinerary/<int:itineraryitem_pk>/edit/", visits.itinerary_edit, name="itinerary_edit"),
    path("visits/itinerary/<int:itineraryitem_pk>/remove/", visits.itinerary_remove, name="itinerary_remove"),
    path("visits/<int:visit_pk>/costs/new/", visits.cost_add, name="cost_add"),
    path("visits/costs/<int:visitcost_pk>/remove/", visits.cost_remove, name="cost_remove"),
    path("visits/<int:visit_pk>/gifts/new/", visits.gift_add, name="gift_add"),
    path("visits/gifts/<int:giftorhospitality_pk>/remove/", visits.gift_remove, name="gift_remove"),
    path("visits/<int:visit_pk>/briefing/", visits.briefing, name="briefing"),
    path("visits/<int:visit_pk>/contact-report/", visits.contact_report, name="contact_report"),
    path("contacts/", contacts.contacts_home, name="contacts"),
    path("contacts/<int:partnership_pk>/", contacts.contact_log, name="contact_log"),
    path("contacts/<int:partnership_pk>/new/", contacts.contact_entry_add, name="contact_entry_add"),
    path("contacts/entries/<int:contactlogentry_pk>/edit/", contacts.contact_entry_edit, name="contact_entry_edit"),
    path("messages/", desk.desk, name="message_list"),
    path("messages/<int:message_pk>/", desk.message_detail, name="message_detail"),
    path("messages/<int:message_pk>/handle/", desk.message_handle, name="message_handle"),
    path("messages/<int:message_pk>/reply/", desk.message_reply, name="message_reply"),
    path("visits/<int:visit_pk>/owner/", desk.visit_owner, name="visit_owner"),
    path("visits/<int:visit_pk>/reply/", desk.visit_reply, name="visit_reply"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/visits.ics", calendar.calendar_feed, name="calendar_feed"),
    path("vetting/", include("tuhono.staff.vetting.urls")),
    *REGISTER,
]
