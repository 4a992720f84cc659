from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "tuhono.places"
    label = "places"
