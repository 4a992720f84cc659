"""A re-signing is recorded one way: a "re-signed" milestone, a date with its basis.

The partnership's own re-signing date (`resigned_on`, no basis) becomes a re-signing milestone where no
milestone of that kind already records that date, then the field goes.
"""

from django.db import migrations

BASIS = "Recorded as the partnership's re-signing date before re-signings were kept as milestones."


def resigning_dates_to_milestones(apps, schema_editor):
    partnership_model = apps.get_model("partnerships", "Partnership")
    milestone_model = apps.get_model("partnerships", "Milestone")
    for partnership in partnership_model.objects.exclude(resigned_on=None).iterator():
        recorded = milestone_model.objects.filter(
            partnership=partnership, kind="resigned", occurred_on=partnership.resigned_on
        )
        if not recorded.exists():
            milestone_model.objects.create(
                partnership=partnership,
                kind="resigned",
                occurred_on=partnership.resigned_on,
                precision=partnership.resigned_precision,
                title="Re-signed",
                description=BASIS,
                published=True,
            )


def resigning_milestones_to_dates(apps, schema_editor):
    partnership_model = apps.get_model("partnerships", "Partnership")
    milestone_model = apps.get_model("partnerships", "Milestone")
    for partnership in partnership_model.objects.iterator():
        latest = (
            milestone_model.objects.filter(partnership=partnership, kind="resigned")
            .order_by("-occurred_on", "-pk")
            .first()
        )
        if latest is not None:
            partnership.resigned_on, partnership.resigned_precision = latest.occurred_on, latest.precision
            partnership.save(update_fields=["resigned_on", "resigned_precision"])


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_published_council_index"),
    ]

    operations = [
        migrations.RunPython(resigning_dates_to_milestones, resigning_milestones_to_dates),
        migrations.RemoveConstraint(
            model_name="partnership",
            name="partnership_resigned_after_signed",
        ),
        migrations.RemoveField(
            model_name="partnership",
            name="resigned_on",
        ),
        migrations.RemoveField(
            model_name="partnership",
            name="resigned_precision",
        ),
    ]
