from django.urls import path
from django.views.generic import RedirectView

from .views import map as map_views
from .views import pages, register
from .views import requests as request_views
from .views import transparency as transparency_views

app_name = "public"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="public:partnership_list", permanent=False), name="home"),
    path("partnerships/", register.partnership_list, name="partnership_list"),
    path("partnerships/map/", map_views.partnership_map, name="partnership_map"),
    path("partnerships/<slug:slug>/", register.partnership_detail, name="partnership_detail"),
    path("alliances/<slug:slug>/", register.alliance_detail, name="alliance_detail"),
    path("transparency/", transparency_views.transparency, name="transparency"),
    path("visits/request/", request_views.visit_request, name="visit_request"),
    path("visits/request/check/", request_views.visit_request_check, name="visit_request_check"),
    path("visits/request/sent/", request_views.visit_request_done, name="visit_request_done"),
    path("enquiries/", request_views.enquiry, name="enquiry"),
    path("feedback/", request_views.feedback, name="feedback"),
    path("messages/sent/", request_views.message_done, name="message_done"),
    path("contact/", request_views.contact, name="contact"),
    path("privacy/", pages.privacy, name="privacy"),
    path("copyright/", pages.copyright, name="copyright"),
    path("language/", pages.language, name="language"),
]
