"""Screening people the moment another domain records them, without that domain importing vetting.

A delegation member or a contacts-log entry saved by the visits domain is put
on the screening list after the transaction commits. If screening fails then
(the lists are being replaced, say), nothing is lost: `screening_sweep` finds
every unscreened party and the alert queue shows how many wait.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def _register(model_label: str, pk: int) -> None:
    from django.apps import apps

    from .services import party_register

    subject = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
    if subject is None:
        return
    try:
        party_register(actor=None, subject=subject)
    except Exception:  # the sweep retries; a failure here must not break the visit's own request
        logger.exception("Screening %s %s failed; the screening sweep will retry", model_label, pk)


def subject_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    transaction.on_commit(partial(_register, instance._meta.label_lower, instance.pk))


def index_ready(sender: Any, signature: tuple[int, ...], **kwargs: Any) -> None:
    """The lists' screening index is ready: screen whoever waited for it and re-screen against the new version."""
    from .services import screening_catch_up_schedule

    screening_catch_up_schedule()


def connect() -> None:
    from django.apps import apps
    from django.db.models.signals import post_save

    from tuhono.watchlists.services.index_build import index_ready_signal

    index_ready_signal.connect(index_ready, dispatch_uid="tuhono.vetting.index_ready")

    for label in ("visits.visitparty", "visits.contactlogentry"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(subject_saved, sender=model, dispatch_uid=f"tuhono.vetting.screen.{label}")
