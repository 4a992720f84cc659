"""Property-based fuzzing of every public page's query parameters, every public form and every
path parameter: whatever a visitor sends, the answer is never a server error."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import get_resolver
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.security.urlmap import iter_patterns

# Parameter names the public pages and the API read, plus a few they do not.
KNOWN_PARAMETERS = [
    "council", "kind", "status", "country", "focus", "decade", "q", "search", "limit", "offset", "page",
    "format", "lang", "language", "year", "region", "sort", "order", "next", "since", "from", "to",
    "partner", "published", "bbox", "zoom", "callback", "fields", "id", "slug", "csrfmiddlewaretoken",
]  # fmt: skip
# "9990": the decade filter once asked the database for the year 10000 (a server error schemathesis found).
SAMPLE_VALUES = ["", "0", "-1", "1", "99999999999999999999", "auckland", "sister_city", "NZ", "1990s", "9990", "0000"]
SAMPLE_VALUES.append("a" * 5000)

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
values = st.one_of(text, st.sampled_from(SAMPLE_VALUES), st.integers(min_value=-(2**70), max_value=2**70).map(str))
query = st.dictionaries(st.one_of(st.sampled_from(KNOWN_PARAMETERS), text), values, max_size=6)


def _public_paths() -> list[str]:
    paths = []
    for _name, pattern, entry in iter_patterns(get_resolver()):
        path = "/" + pattern
        if entry.pattern.regex.groups or "<" in pattern or path.startswith(("/admin/", "/staff/", "/account/")):
            continue
        paths.append(path)
    return sorted(set(paths))


PUBLIC_PATHS = _public_paths()


def _no_server_error(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


def _budget(cases: int) -> Any:
    """The fuzz profile with FUZZ_EXAMPLES examples per address, for `cases` addresses."""
    return settings(settings.get_profile("fuzz"), max_examples=settings.get_profile("fuzz").max_examples * cases)


def test_query_parameters_never_cause_a_server_error(demo: None) -> None:
    client = Client(raise_request_exception=False)

    @_budget(len(PUBLIC_PATHS))
    @given(path=st.sampled_from(PUBLIC_PATHS), params=query)
    def check(path: str, params: dict[str, str]) -> None:
        response = client.get(path, params)
        _no_server_error(response, f"GET {path} {params!r}")

    check()


def _form_fields(client: Client, path: str) -> list[str] | None:
    response = client.get(path)
    if response.status_code != 200 or b'method="post"' not in response.content.lower():
        return None
    html = response.content.decode("utf-8", "replace")
    return sorted(set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html)) - {"csrfmiddlewaretoken"})


def test_public_forms_never_cause_a_server_error(demo: None) -> None:
    client = Client(raise_request_exception=False)
    forms = {path: fields for path in PUBLIC_PATHS if (fields := _form_fields(client, path))}
    assert forms, "no public form found"

    @_budget(len(forms))
    @given(
        form=st.sampled_from(sorted(forms)).flatmap(
            lambda path: st.tuples(st.just(path), st.fixed_dictionaries(dict.fromkeys(forms[path], values)))
        ),
        extra=query,
    )
    def check(form: tuple[str, dict[str, str]], extra: dict[str, str]) -> None:
        path, data = form
        response = client.post(path, {**extra, **data})
        _no_server_error(response, f"POST {path} {data!r}")

    check()


PATH_TEMPLATES = ["/partnerships/{}/", "/alliances/{}/", "/api/partnerships/{}", "/councils/{}/", "/{}"]
path_part = st.one_of(text.map(lambda s: s.replace("/", "")), st.integers(min_value=-(2**70), max_value=2**70).map(str))


def test_path_parameters_never_cause_a_server_error(demo: None) -> None:
    client = Client(raise_request_exception=False)

    @_budget(len(PATH_TEMPLATES))
    @given(template=st.sampled_from(PATH_TEMPLATES), part=path_part)
    def check(template: str, part: str) -> None:
        path = template.format(part)
        response = client.get(path)
        _no_server_error(response, f"GET {path!r}")

    check()
