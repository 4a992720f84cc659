from django.urls import path

from . import map as map_views
from . import views

app_name = "api"

urlpatterns = [
    path("partnerships", views.partnership_list, name="partnership_list"),
    path("partnerships/<int:partnership_id>", views.partnership_detail, name="partnership_detail"),
    path("councils", views.council_list, name="council_list"),
    path("map.geojson", map_views.map_geojson, name="map_geojson"),
    path("openapi.json", views.openapi, name="openapi"),
]
