from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("partnerships", views.partnership_list, name="partnership_list"),
    path("partnerships/<int:partnership_id>", views.partnership_detail, name="partnership_detail"),
    path("councils", views.council_list, name="council_list"),
    path("openapi.json", views.openapi, name="openapi"),
]
