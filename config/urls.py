from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("tuhono.api.urls")),
    path("staff/", include("tuhono.staff.urls")),
    path("", include("tuhono.national.urls")),
    path("", include("tuhono.public.urls")),
    path("", include("tuhono.ops.urls")),
]

handler500 = "tuhono.ops.unavailable.server_error"
