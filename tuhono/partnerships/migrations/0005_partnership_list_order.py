"""The public list's order stored on each partnership (the partner's country code and name), under a partial
index of published partnerships, so the list is sorted, paged and counted without a join to the places."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Partnership = apps.get_model("partnerships", "Partnership")
    Place = apps.get_model("places", "Place")
    partner = Place.objects.filter(pk=models.OuterRef("partner_id"))
    Partnership.objects.update(
        list_country=models.Subquery(partner.values("country_code")[:1]),
        list_name=models.Subquery(partner.values("name")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0004_milestone_edit_version"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="list_country",
            field=models.CharField(blank=True, default="", editable=False, max_length=2),
        ),
        migrations.AddField(
            model_name="partnership",
            name="list_name",
            field=models.CharField(blank=True, default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="partnership",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["list_country", "list_name", "id", "signed_on"],
                name="partnership_public_order",
            ),
        ),
    ]
