from django.db.models import Count, Q, QuerySet

from .models import Council, PartnerSeeking


def council_list_public() -> QuerySet[Council]:
    """Current councils (not legacy ones) with their count of published partnerships."""
    return (
        Council.objects.filter(successor__isnull=True)
        .select_related("seat")
        .annotate(partnership_count=Count("partnerships", filter=Q(partnerships__published=True)))
        .order_by("name")
    )


def council_get(*, slug: str) -> Council | None:
    return Council.objects.select_related("seat", "successor").filter(slug=slug).first()


def partner_seeking_list_public() -> QuerySet[PartnerSeeking]:
    """Published requests, newest first (contact details are not for public pages)."""
    return PartnerSeeking.objects.filter(published=True).select_related("council").order_by("-published_at", "-pk")
