"""Absolute links the service hands out: QR codes, posters, printed questionnaires, invitations.

They are made on the PUBLIC_BASE_URL setting, never on the request's `Host` header: a forged or
internal host (a proxy's, a load balancer's) would otherwise be printed on posters and sent to
citizens. Production refuses to start without the setting (survey.config); in development and
tests the address the request came to stands in for it.
"""
from urllib.parse import urlsplit

from flask import current_app, has_request_context, request


def public_base() -> str:
    """Where respondents reach the service: the setting, else (outside production) the request's address."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return base
    if has_request_context():
        return request.url_root
    raise RuntimeError("PUBLIC_BASE_URL is not set, and there is no request to take the address from")


def public_url(endpoint: str, base: str | None = None, **values) -> str:
    """The absolute URL of `endpoint` (a full endpoint name) on `base`, by default `public_base()`."""
    parts = urlsplit(base or public_base())
    adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
    return adapter.build(endpoint, values, force_external=True)
