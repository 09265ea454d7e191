"""What a public page is, said once for caching, headers and the front cache.

A public page looks the same to every visitor of its URL: the blueprints below, for GET and
HEAD, except ``/``, which sends each visitor to their own language. Everything else (the
admin, health checks, files) is answered afresh every time.
"""

from __future__ import annotations

from ..contexts import current_request

PUBLIC_BLUEPRINTS = frozenset({"pages", "news", "seo", "contact"})
# Public, but different for each visitor: never validated or kept.
PER_VISITOR_ENDPOINTS = frozenset({"pages.root"})


def is_public_page() -> bool:
    """True for GET/HEAD requests of pages that look the same to every visitor."""
    request = current_request()
    return (
        request.method in ("GET", "HEAD")
        and request.blueprint in PUBLIC_BLUEPRINTS
        and request.endpoint not in PER_VISITOR_ENDPOINTS
    )
