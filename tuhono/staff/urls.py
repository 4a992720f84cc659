from django.urls import include, path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("vetting/", include("tuhono.staff.vetting.urls")),
]
