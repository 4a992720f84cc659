"""Watch lists: where they come from, each import of them, and the entities they name.

A `ListEntity` row holds the current state of one entity of one source; the
version foreign keys say when it was first seen, when it last changed and
(if it is gone) which version removed it. The entities of the versions in
force are therefore the rows with `removed_in_version` empty.
"""

from django.conf import settings
from django.db import models

from .enums import ListFormat, ListUploadStatus, ListVersionStatus


class Source(models.Model):
    """A watch list a council screens against: 'UN SC consolidated', 'OFAC SDN', ...

    A list belongs to one council (its security officers keep it) or, with no council, is national.
    """

    name = models.CharField(max_length=120, unique=True)
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="watchlists",
        help_text="The council whose security officers keep this list; empty for a national list.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ListVersion(models.Model):
    """One import of a source's file: what it held and what changed since the version before."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="versions")
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=16, choices=ListFormat.choices)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=ListVersionStatus.choices)
    entity_count = models.PositiveIntegerField(default=0)
    person_count = models.PositiveIntegerField(default=0)
    organisation_count = models.PositiveIntegerField(default=0)
    other_count = models.PositiveIntegerField(default=0)
    added_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)
    removed_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why a refused file was refused")
    archive = models.CharField(
        max_length=255, blank=True, help_text="Folder under TUHONO_UPLOAD_DIR holding the file, for a restore"
    )

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source"],
                condition=models.Q(status="in_force"),
                name="watchlist_one_version_in_force_per_source",
                violation_error_message="Only one version of a source can be in force.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="failed") | ~models.Q(error=""),
                name="watchlist_failed_version_has_reason",
                violation_error_message="A refused file must say why it was refused.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.name} {self.imported_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


# What screening reads of a list entry besides its identity: kept in one place for the screening query
# and for the import, which rewrites exactly these when an entry changes.
SCREENED_FIELDS = ("schema", "caption", "names", "birth_dates", "countries", "topics", "properties")


class ListEntity(models.Model):
    """A person, organisation, vessel ... named on a watch list, as FollowTheMoney describes it."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="entities")
    entity_id = models.CharField(max_length=255, help_text="The id the source gives it")
    schema = models.CharField(max_length=40, help_text="FollowTheMoney schema: Person, Company, ...")
    caption = models.CharField(max_length=500)
    names = models.JSONField(default=list, help_text="Every name and alias")
    birth_dates = models.JSONField(default=list, blank=True)
    countries = models.JSONField(default=list, blank=True, help_text="ISO codes (nationality, citizenship, ...)")
    topics = models.JSONField(default=list, blank=True)
    datasets = models.JSONField(default=list, blank=True)
    properties = models.JSONField(default=dict, help_text="All FollowTheMoney properties")
    content_hash = models.CharField(max_length=32, help_text="Changes whenever the entity changes")
    first_seen_version = models.ForeignKey(ListVersion, on_delete=models.PROTECT, related_name="+")
    changed_in_version = models.ForeignKey(
        ListVersion, on_delete=models.PROTECT, related_name="+", help_text="Added or last changed in"
    )
    last_seen_version = models.ForeignKey(ListVersion, on_delete=models.PROTECT, related_name="+")
    removed_in_version = models.ForeignKey(
        ListVersion, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name_plural = "list entities"
        ordering = ["source", "caption"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "entity_id"],
                name="watchlist_entity_id_unique_per_source",
                violation_error_message="An entity id appears once per source.",
            ),
        ]
        indexes = [
            models.Index(fields=["source", "changed_in_version"]),
            models.Index(fields=["source", "removed_in_version"]),
        ]

    def __str__(self) -> str:
        return f"{self.caption} ({self.schema}, {self.source.name})"


class ListUpload(models.Model):
    """A new version of a list, parsed and waiting for a security officer's confirmation.

    Nothing in force changes until it is confirmed; the file waits in a managed folder. When it
    is confirmed it becomes `version`; a discarded or expired upload is deleted with its file.
    """

    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="uploads")
    source_name = models.CharField(max_length=120)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=16, choices=ListFormat.choices)
    sha256 = models.CharField(max_length=64)
    folder = models.CharField(max_length=255, help_text="Folder under TUHONO_UPLOAD_DIR holding the file")
    status = models.CharField(max_length=20, choices=ListUploadStatus.choices, default=ListUploadStatus.STAGED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()
    base_version = models.ForeignKey(
        ListVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version in force when the preview was made",
    )
    restored_from = models.ForeignKey(ListVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    in_force_count = models.PositiveIntegerField(default=0)
    entity_count = models.PositiveIntegerField(default=0)
    added_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)
    removed_count = models.PositiveIntegerField(default=0)
    samples = models.JSONField(default=dict, blank=True, help_text="A few names added, changed and removed")
    needs_second_officer = models.BooleanField(default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    second_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.OneToOneField(ListVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="upload")

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source_name}: {self.file_name} ({self.get_status_display()})"

    @property
    def removed_share(self) -> float:
        return self.removed_count / self.in_force_count if self.in_force_count else 0.0
