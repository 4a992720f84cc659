"""axe-core under the site's strict Content-Security-Policy.

conftest.axe_violations injects axe with a <script> tag, which the CSP (script-src 'self') blocks.
Evaluating the source through the DevTools protocol is not subject to the page's CSP.
"""

from __future__ import annotations

from typing import Any

from conftest import AXE_JS, WCAG_TAGS


def axe_violations(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate("() => { " + AXE_JS.read_text(encoding="utf-8") + "\n}")
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]
