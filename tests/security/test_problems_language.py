"""A Vietnamese reader is refused in Vietnamese (issue 19): every route that takes a POST is sent an
empty body and a body of nonsense, with a valid CSRF token, by an administrator reading Vietnamese;
what the page shows as problems (alerts, error lists, field errors) holds no catalogue's English text
and no English sentence. The API answers machines in English by design (survey/api/errors.py)."""
import re
from html.parser import HTMLParser

import pytest
from flask import url_for

from survey.text import REGISTRY
from tests.accounts.conftest import Staff
from tests.security.test_safe_methods import records  # noqa: F401 (the fixture)

NONSENSE = "khong-hop-le-%?"
PROBLEM_CLASSES = ("problems", "error", "field-error", "error-summary")
IGNORED = ("/api", "/static")
SESSION_ENDING = ("/dang-nhap", "/dang-xuat")


class ProblemText(HTMLParser):
    """The text inside elements shown as problems, one string per innermost element."""

    def __init__(self):
        super().__init__()
        self.depth, self.found, self.current = 0, [], []

    def handle_starttag(self, tag, attrs):
        marked = dict(attrs).get("role") == "alert" or any(
            name in (dict(attrs).get("class") or "").split() for name in PROBLEM_CLASSES)
        if self.depth or marked:
            self.depth += 1
            self.flush()

    def handle_endtag(self, tag):
        if self.depth:
            self.flush()
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)

    def flush(self):
        text = " ".join("".join(self.current).split())
        self.found += [text] if text else []
        self.current = []


def problem_texts(html: str) -> list[str]:
    parser = ProblemText()
    parser.feed(html)
    return parser.found


def english_patterns() -> list[re.Pattern]:
    """Each catalogue's English text that Vietnamese says otherwise, its {parameters} matching anything."""
    pairs = {texts for catalogues in REGISTRY.values() for catalogue in catalogues
             for texts in catalogue.messages.values()}
    patterns = []
    for vietnamese, english in pairs:
        parts = re.split(r"\{[^}]*\}", english)
        if english != vietnamese and sum(len(part.strip()) for part in parts) >= 12:
            patterns.append(re.compile(".+?".join(map(re.escape, parts))))
    return patterns


def is_english(text: str) -> bool:
    """A sentence of four words or more without a Vietnamese letter."""
    return len(re.findall(r"[A-Za-z]{2,}", text)) >= 4 and text.isascii()


def posted_routes(app, campaign, arguments) -> list[str]:
    """The URL of every route taking a POST, signing in and out last (they end the session)."""
    with app.test_request_context():
        found = []
        for rule in app.url_map.iter_rules():
            if "POST" in rule.methods and not rule.rule.startswith(IGNORED):
                values = {name: arguments[name] for name in rule.arguments}
                if "/bang-hoi/" in rule.rule:
                    values["slug"] = campaign.questionnaire_version.questionnaire.slug
                found.append(url_for(rule.endpoint, **values))
        return sorted(found, key=lambda url: url.startswith(SESSION_ENDING))


@pytest.mark.parametrize("nonsense", [False, True], ids=["empty", "nonsense"])
def test_every_refusal_on_a_vietnamese_page_is_in_vietnamese(app, records, nonsense):
    campaign, arguments, body = records
    admin = Staff(app.test_client())
    admin.sign_in("quantri")
    patterns, english = english_patterns(), []
    for url in posted_routes(app, campaign, arguments):
        sent = dict.fromkeys(body, NONSENSE) if nonsense else {}
        response = admin.post(url, sent)
        if response.status_code >= 400 and response.mimetype == "text/html":
            texts = problem_texts(response.get_data(as_text=True))
            english += [f"{url}: {text}" for text in texts
                        if is_english(text) or any(pattern.search(text) for pattern in patterns)]
    assert english == []
