"""Where a visit's pages send the user back to, and the visit as the database now holds it."""

from __future__ import annotations

from django.urls import reverse

from tuhono.visits.models import Visit


def visit_detail_url(visit: Visit) -> str:
    return reverse("staff:visit_detail", args=[visit.pk])


def visit_reloaded(visit: Visit) -> Visit:
    """A fresh copy for a service: the page's copy may carry prefetched rows the service must not trust."""
    return Visit.objects.get(pk=visit.pk)
