from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def posted(request: HttpRequest) -> Any:
    """The POST data for a form, even when empty (an empty POST must show its errors, not a blank form)."""
    return request.POST if request.method == "POST" else None


def add_refusal(form: Any, error: ValidationError) -> None:
    """Put what a service refused onto the form, beside the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def run_service(form: Any, call: Callable[[], Any]) -> bool:
    """Run a service; put what it refuses onto the form (by field when it names one)."""
    try:
        call()
    except ValidationError as error:
        add_refusal(form, error)
        return False
    return True


def form_page(
    request: HttpRequest,
    *,
    form: Any,
    title: str,
    submit: str,
    visit: Any = None,
    back_url: str = "",
    intro: str = "",
    show_errors: bool = False,
    conflict: Any = None,
) -> HttpResponse:
    form.prepare_widgets(show_errors=show_errors)
    return render(
        request,
        "staff/form_page.html",
        {
            "form": form,
            "title": title,
            "submit": submit,
            "visit": visit,
            "back_url": back_url,
            "intro": intro,
            "show_errors": show_errors,
            "error_links": form.error_links() if show_errors else [],
            "conflict": conflict,
        },
    )
