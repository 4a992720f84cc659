from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "public"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="public:partnership_list", permanent=False), name="home"),
    path("partnerships/", views.partnership_list, name="partnership_list"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership_detail"),
    path("alliances/<slug:slug>/", views.alliance_detail, name="alliance_detail"),
]
