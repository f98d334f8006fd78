"""Staff browsers (from tests/accounts), a SIPAS campaign on paper, and the printed page read back."""
import html
import re
from pathlib import Path

import pytest

from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.results.conftest import add_wards

ROOT = Path(__file__).resolve().parents[2]
SIPAS = (ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8")


@pytest.fixture
def paper_campaign(make_version, make_campaign, make_unit, session):
    """An open SIPAS campaign on paper and the web over two of today's wards."""
    units = add_wards(session, make_unit("AG", "province"))
    campaign = make_campaign("sipas-giay", units=units, version=make_version(SIPAS))
    session.commit()
    return campaign


@pytest.fixture
def signed_in(app, make_user):
    """A browser signed in as a new account: `signed_in(role, units=(...))`."""
    def sign_in(role: str, units=()) -> Staff:
        make_user("in-phieu", role, units=units)
        browser = Staff(app.test_client())
        browser.sign_in("in-phieu")
        return browser
    return sign_in


def text(fragment: str) -> str:
    """Visible text of an HTML fragment, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def copies(page: str) -> list[str]:
    """The HTML of each printed copy."""
    return re.findall(r'<article class="copy".*?</article>', page, flags=re.S)


def questions(copy: str) -> dict[str, str]:
    """Question key -> the HTML of its block in one copy."""
    blocks = re.findall(r'(<div class="question [^"]*" data-question="([a-z0-9_]+)">.*?</div>)', copy, flags=re.S)
    return {name: block for block, name in blocks}


def codes(block: str) -> list[str]:
    return re.findall(r'data-code="([^"]*)"', block)
