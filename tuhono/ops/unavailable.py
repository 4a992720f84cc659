"""The answer while the database cannot be reached: 503 with Retry-After, never a stack trace."""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger("tuhono.ops")

RETRY_AFTER_SECONDS = 5


def database_unavailable_response(request: HttpRequest, exception: BaseException) -> HttpResponse:
    logger.warning("Database unavailable while answering %s: %s", request.path, exception)
    response: HttpResponse
    if request.path.startswith("/api/") or request.path == "/healthz":
        response = JsonResponse(
            {"error": "The service is briefly unavailable. Please try again in a few seconds.", "details": {}},
            status=503,
        )
    else:
        # Rendered without the request: no context processor may touch the database now.
        response = HttpResponse(render_to_string("ops/try_again.html", {"seconds": RETRY_AFTER_SECONDS}), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: database errors raised outside a view still get the "try again" answer."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        return database_unavailable_response(request, exception)
    return defaults.server_error(request)
