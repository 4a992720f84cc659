from django.urls import path

from .views import councils, exports, insights, seeking

app_name = "national"

urlpatterns = [
    path("councils/", councils.council_list, name="council_list"),
    path("councils/<slug:slug>/", councils.council_detail, name="council_detail"),
    path("insights/", insights.insights, name="insights"),
    # A back-office page: under /staff/ with the others (the staff app's own URLs are tried first).
    path("staff/attention/", insights.attention, name="attention"),
    path("partner-seeking/", seeking.partner_seeking, name="partner_seeking"),
    path("partner-seeking/thank-you/", seeking.partner_seeking_thanks, name="partner_seeking_thanks"),
    path("partner-seeking/<int:pk>/", seeking.seeking_entry, name="partner_seeking_entry"),
    path("partner-seeking/<int:pk>/sent/", seeking.seeking_interest_sent, name="partner_seeking_interest_sent"),
    path("data/", exports.data_page, name="data"),
    path("data/partnerships.csv", exports.partnerships_csv, name="partnerships_csv"),
    path("data/partnerships.json", exports.partnerships_json, name="partnerships_json"),
    path("data/partnerships.geojson", exports.partnerships_geojson, name="partnerships_geojson"),
    path("data/anniversaries.ics", exports.anniversaries_ics, name="anniversaries_ics"),
    path("data.json", exports.catalogue, name="catalogue"),
    path("feeds/partnerships.atom", exports.PartnershipFeed(), name="feed"),
]
