"""The list's and map's filter choices: what the register holds, kept per register version, and never
stale after a change made through the register's services."""

import pytest
from django.db.models import Count

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_set_published, partnership_update

pytestmark = pytest.mark.django_db


def country_options(client) -> str:
    html = client.get("/partnerships/").content.decode()
    return html[html.index('id="id_country"') : html.index('id="id_kind"')]


def test_withdrawing_a_countrys_only_partnership_takes_the_country_off_the_filter_at_once(
    client, demo, national_install
):
    alone = (
        Partnership.objects.filter(published=True)
        .values("partner__country_code")
        .annotate(n=Count("pk"))
        .filter(n=1)
        .order_by("partner__country_code")
        .values_list("partner__country_code", flat=True)
        .first()
    )
    partnership = Partnership.objects.get(published=True, partner__country_code=alone)
    assert f'<option value="{alone}">' in country_options(client)
    partnership_set_published(actor=None, partnership=partnership, published=False)
    assert f'<option value="{alone}">' not in country_options(client)
    partnership_set_published(actor=None, partnership=partnership, published=True)
    assert f'<option value="{alone}">' in country_options(client)


def test_a_new_focus_area_is_offered_at_once_escaped_and_selected_when_chosen(client, demo, national_install):
    partnership = Partnership.objects.filter(published=True).first()
    assert "Arts &amp; mangroves" not in client.get("/partnerships/").content.decode()
    partnership_update(actor=None, partnership=partnership, focus_areas=["Arts & mangroves <restoration>"])
    html = client.get("/partnerships/", {"focus": "arts-mangroves-restoration"}).content.decode()
    assert (
        '<option value="arts-mangroves-restoration" selected>Arts &amp; mangroves &lt;restoration&gt;</option>' in html
    )
    assert f">{partnership.partner.name}" in html


def test_the_chosen_decade_and_kind_stay_selected(client, demo):
    html = client.get("/partnerships/", {"decade": "1990", "kind": "sister_city"}).content.decode()
    assert '<option value="1990" selected>1990s</option>' in html
    assert '<option value="sister_city" selected>' in html
    assert '<option value="1980">1980s</option>' in html
