from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "tuhono.watchlists"
    label = "watchlists"
