from django.db import models


class ListVersionStatus(models.TextChoices):
    """Where one import of a watch list stands."""

    # Only ever seen inside the import's own transaction.
    IMPORTING = "importing", "Importing"
    IN_FORCE = "in_force", "In force"
    SUPERSEDED = "superseded", "Superseded"
    FAILED = "failed", "Failed (refused)"


class ListUploadStatus(models.TextChoices):
    """Where an uploaded new version stands before it is in force."""

    STAGED = "staged", "Awaiting confirmation"
    AWAITING_SECOND = "awaiting_second", "Awaiting a second security officer"
    CONFIRMED = "confirmed", "Confirmed"


class ListFormat(models.TextChoices):
    """The published formats `watchlist_import` reads."""

    FTM = "ftm", "OpenSanctions FollowTheMoney entities (JSON lines)"
    SIMPLE_CSV = "simple-csv", "OpenSanctions targets.simple.csv"
    UN_XML = "un-xml", "UN Security Council consolidated list (XML)"
    OFAC_CSV = "ofac-csv", "OFAC SDN CSV (sdn.csv, alt.csv, add.csv)"
    MFAT_XLSX = "mfat-xlsx", "MFAT Russia Sanctions Register (spreadsheet)"
    CSV = "csv", "Plain CSV (Tūhono columns)"
