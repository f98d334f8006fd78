"""The administration pages' navigation bar: the pages grouped, the current one marked, and only
the pages the signed-in administrator may open (`reachable`)."""
from dataclasses import dataclass

from flask import request, url_for

from survey.admin.scope import reachable

GROUPS: tuple[tuple[str, tuple[tuple[str, str, tuple[str, ...]], ...]], ...] = (
    ("nav_surveys", (
        ("admin.campaigns", "campaigns_title", ("admin.campaign", "admin.invitations")),
        ("admin.questionnaires", "qn_title", ("admin.questionnaire",)),
        ("admin.units", "units_title", ("admin.unit",)),
    )),
    ("nav_accounts", (
        ("admin.users", "users_title", ("admin.user", "admin.disable", "admin.enable", "admin.reset")),
        ("admin.create", "create_user", ()),
        ("admin.audit", "audit_title", ()),
    )),
    ("nav_integrations", (
        ("admin.api_tokens", "tokens_title", ("admin.create_api_token", "admin.revoke_api_token")),
        ("admin.webhooks", "webhooks_title", ("admin.webhook", "admin.add_webhook", "admin.remove_webhook")),
    )),
)
"""(group title, its pages): each page is (endpoint, title, prefixes of the endpoints of its sub-pages)."""


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    current: str | None
    """The value of aria-current: "page" on the page itself, "true" on one of its sub-pages."""


def navigation() -> list[tuple[str, list[Link]]]:
    """The groups with at least one page the administrator may open, each with those pages."""
    groups = [(title, [link(*page) for page in pages if reachable(page[0])]) for title, pages in GROUPS]
    return [(title, links) for title, links in groups if links]


def link(endpoint: str, title: str, below: tuple[str, ...]) -> Link:
    here = request.endpoint or ""
    if here == endpoint:
        return Link(url_for(endpoint), title, "page")
    return Link(url_for(endpoint), title, "true" if below and here.startswith(below) else None)
