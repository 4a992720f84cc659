from django.urls import path

from . import views

app_name = "ops"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("hello", views.hello, name="hello"),
    path("account/two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/qrcode.svg", views.two_factor_qrcode, name="two_factor_qrcode"),
    path("account/two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
]
