"""The full-text search table of the public register (tuhono/partnerships/search.py): an FTS5 virtual table on
SQLite, a tsvector and trigram-indexed table on PostgreSQL. Not a model: each database's own engine."""

from django.db import migrations


def create(apps, schema_editor):
    from tuhono.partnerships import search

    search.create_table()
    Partnership = apps.get_model("partnerships", "Partnership")
    if Partnership.objects.exists():
        # The list-order columns come in 0005, which fills them itself.
        search.search_index(Partnership.objects.values_list("pk", flat=True), list_order=False)


def drop(apps, schema_editor):
    from tuhono.partnerships import search

    search.drop_table()


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_partnership_resigned_and_edit_versions")]

    operations = [migrations.RunPython(create, drop)]
