from django.urls import path

from . import views
from .views import lists, memory

app_name = "vetting"

urlpatterns = [
    path("", views.alert_queue, name="queue"),
    path("rescreen/", views.rescreen, name="rescreen"),
    path("parties/", views.party_list, name="parties"),
    path("parties/<int:pk>/", views.party_detail, name="party"),
    path("parties/<int:pk>/screen/", views.party_rescreen, name="party_rescreen"),
    path("matches/<int:pk>/confirm/", views.match_decide, {"action": "confirm"}, name="match_confirm"),
    path("matches/<int:pk>/dismiss/", views.match_decide, {"action": "dismiss"}, name="match_dismiss"),
    path("clearings/", memory.clearings, name="clearings"),
    path("clearings/<int:pk>/withdraw/", memory.clearing_withdraw, name="clearing_withdraw"),
    path("records/", memory.records, name="records"),
    path("records/<int:pk>/", memory.record_detail, name="record"),
    path("records/export.<str:file_format>", memory.records_export, name="records_export"),
    path("cases/<str:kind>/<int:pk>/", views.case_detail, name="case"),
    path("cases/<str:kind>/<int:pk>/records/", memory.records, name="case_records"),
    path(
        "cases/<str:kind>/<int:pk>/records/export.<str:file_format>",
        memory.records_export,
        name="case_records_export",
    ),
    path("cases/<str:kind>/<int:pk>/counterparts/new/", views.counterpart_add, name="counterpart_add"),
    path("cases/<str:kind>/<int:pk>/assess/", views.assessment_start, name="assessment_start"),
    path("cases/<str:kind>/<int:pk>/agreement/", views.arrangement_edit, name="arrangement"),
    path("cases/<str:kind>/<int:pk>/notices/new/", views.notice_add, name="notice_add"),
    path("assessments/", views.assessment_list, name="assessments"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/advice/new/", views.advice_add, name="advice_add"),
    path("assessments/<int:pk>/decision/", views.decision_sign, name="decision"),
    path("assessments/<int:pk>/report/", views.report, name="report"),
    path("lists/", lists.list_index, name="lists"),
    path("lists/upload/", lists.list_upload, name="list_upload"),
    path("lists/<int:pk>/", lists.list_detail, name="list"),
    path("lists/uploads/<int:pk>/", lists.upload_preview, name="list_preview"),
    path("lists/uploads/<int:pk>/confirm/", lists.upload_confirm, name="list_confirm"),
    path("lists/uploads/<int:pk>/discard/", lists.upload_discard, name="list_discard"),
    path("lists/versions/<int:pk>/restore/", lists.version_restore_view, name="list_restore"),
]
