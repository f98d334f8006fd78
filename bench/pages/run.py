"""Page budget of the citizen survey: gzipped bytes of each page as a phone downloads it.

Walks the shipped SIPAS questionnaire (forms/sipas.yaml, the An Giang demo) page by page with
Flask's test client, plus a page of 10 satisfaction items (the budget's reference page), and
prints a Markdown table: HTML, CSS and script sizes, raw and gzipped (level 6, what nginx uses
by default). Target: <= 20 KB gzipped for a page with 10 satisfaction items, stylesheet included.

    .venv/bin/python bench/pages/run.py
"""
import gzip
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import forms  # noqa: E402
from survey import create_app, db  # noqa: E402
from survey.campaigns.operations import CampaignSpec, Target, create_campaign  # noqa: E402
from survey.demo.operations import CAMPAIGN_SLUG, load_demo  # noqa: E402
from survey.models import Base  # noqa: E402
from survey.questionnaires.operations import import_and_publish  # noqa: E402
from survey.units.queries import units_by_codes  # noqa: E402

TARGET = 20 * 1024
TEN_ITEMS = "\n".join(
    ["form: {id: ten_items, title: {vi: \"Mười câu hài lòng\", en: \"Ten satisfaction items\"}, languages: [vi, en]}",
     "sections:", "  - name: danh_gia", "    title: {vi: \"Đánh giá sự phục vụ\", en: \"Rating the service\"}",
     "    questions:"]
    + [f"      - {{name: hl_{n}, type: satisfaction, required: true, label: {{vi: \"Ông/Bà hài lòng như thế nào về "
       f"tiêu chí số {n} của sự phục vụ tại Bộ phận Một cửa?\", en: \"How satisfied are you with criterion {n}?\"}}}}"
       for n in range(1, 11)])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def hidden(html: str, name: str) -> str | None:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found.group(1) if found else None


def answers_for(definition: forms.Definition, section: forms.Section, earlier: dict) -> dict:
    answers: dict = {}
    for question in section.questions:
        if question.kind.has_answer and forms.relevance(definition, {**earlier, **answers})[question.name]:
            answers[question.name] = {"satisfaction": "4", "yes_no": "yes", "integer": "2", "text": "Không",
                                      "unit": "AG-PLX"}.get(question.type) or question.choices[0].value
    return answers


class Walker:
    """A browser without JavaScript: follows redirects, posts each page's hidden fields."""

    def __init__(self, client):
        self.client, self.pages = client, []

    def visit(self, label: str, response) -> str:
        """Keep the page reached; it is named after its section (the label says how it was reached)."""
        html, path = response.get_data(), response.request.path
        name = path.rsplit("/", 1)[1] if "/trang/" in path else "review" if path.endswith("/xem-lai") else label
        if self.pages and self.pages[-1][2] == path:
            name += " (again: answers revealed questions)"
        self.pages.append((name, html, path))
        return html.decode()

    def start(self, label: str, url: str) -> str:
        html = self.visit(label, self.client.get(url))
        fields = {k: hidden(html, k) for k in ("csrf_token", "_uuid")}
        return self.visit("first page", self.client.post(url, data=fields, follow_redirects=True))

    def post(self, label: str, html: str, data: dict) -> str:
        fields = {k: v for k in ("csrf_token", "_uuid", "_shown") if (v := hidden(html, k)) is not None}
        path = self.pages[-1][2]
        return self.visit(label, self.client.post(path, data={**fields, **data}, follow_redirects=True))


def walk_sipas(app, definition: forms.Definition) -> list[tuple[str, bytes, str]]:
    walker = Walker(app.test_client())
    walker.visit("landing", walker.client.get("/"))
    html = walker.start("start", f"/k/{CAMPAIGN_SLUG}/AG-PLX")
    earlier: dict = {}
    while "/trang/" in walker.pages[-1][2]:
        section = definition.section(walker.pages[-1][2].rsplit("/", 1)[1])
        answers = answers_for(definition, section, earlier)
        html = walker.post(section.name, html, answers)
        earlier |= answers
    action = re.search(r'action="([^"]+/gui)"', html).group(1)
    walker.visit("thanks", walker.client.post(action, data={k: hidden(html, k) for k in ("csrf_token", "_uuid")},
                                              follow_redirects=True))
    walker.visit("resume", walker.client.get("/tiep-tuc"))
    return walker.pages


def ten_items_page(app) -> bytes:
    with app.app_context():
        session = db.session()
        version = import_and_publish(session, forms.load_definition(TEN_ITEMS))
        create_campaign(session, CampaignSpec(slug="ten-items", name="Mười câu", version=version,
                                              targets=[Target(units_by_codes(session, ["AG-PLX"])[0])],
                                              opens_on=date(2000, 1, 1), closes_on=date(2999, 12, 31)))
        session.commit()
    walker = Walker(app.test_client())
    walker.start("start", "/k/ten-items/AG-PLX")
    return walker.pages[-1][1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"})
        with app.app_context():
            Base.metadata.create_all(db.engine())
            summary = load_demo(db.session(), date.today(), with_accounts=False)
            db.session().commit()
            definition = forms.definition_from_dict(summary.versions[0].definition)
        pages = walk_sipas(app, definition)
        pages.append(("10 satisfaction items", ten_items_page(app), ""))
    report(pages, (ROOT / "survey/static/site.css").read_bytes())


def report(pages: list[tuple[str, bytes, str]], css: bytes) -> None:
    print(f"| page | HTML | HTML gz | CSS gz | script | total gz | within {TARGET // 1024} KB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, html, _ in pages:
        total = gz(html) + gz(css)
        print(f"| {label} | {len(html):,} | {gz(html):,} | {gz(css):,} | 0 | {total:,} | {'yes' if total <= TARGET else 'NO'} |")


if __name__ == "__main__":
    main()
