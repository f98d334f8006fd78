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
        ("admin.users", "users_title", ("admin.user", "admin.create", "admin.disable", "admin.enable", "admin.reset")),
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
    here = request.endpoint or ""
    above = owner(here)
    groups = [(title, [Link(url_for(endpoint), name, "page" if endpoint == here else "true" if endpoint == above
                            else None) for endpoint, name, _ in pages if reachable(endpoint)])
              for title, pages in GROUPS]
    return [(title, links) for title, links in groups if links]


def owner(here: str) -> str | None:
    """The page `here` is a sub-page of: the one with the longest prefix it starts with."""
    matches = [(len(prefix), endpoint) for _, pages in GROUPS for endpoint, _, below in pages for prefix in below
               if here.startswith(prefix)]
    return max(matches)[1] if matches else None
