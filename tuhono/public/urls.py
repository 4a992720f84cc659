from django.urls import path
from django.views.generic import RedirectView

from .views import register

app_name = "public"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="public:partnership_list", permanent=False), name="home"),
    path("partnerships/", register.partnership_list, name="partnership_list"),
    path("partnerships/<slug:slug>/", register.partnership_detail, name="partnership_detail"),
    path("alliances/<slug:slug>/", register.alliance_detail, name="alliance_detail"),
]
