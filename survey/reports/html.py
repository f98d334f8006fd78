"""A report as HTML: the analyst page and the standalone printable file share one template body
(survey/analyst/templates/analyst/reports/_body.html) and one stylesheet (static/report.css,
embedded in the standalone file, linked from the page since the page's CSP forbids inline style)."""
import base64
from functools import partial

from flask import current_app

from survey.reports.compose import Report
from survey.reports.document import Chart, Document
from survey.reports.messages import say
from survey.reports.numbers import decimal, p_value
from survey.reports.text import channel_label, facts, flag_texts, significance

BODY = ("summary", "indices")
"""Sections the template body draws itself; the others come from the document."""


def context(report: Report, language: str, document: Document | None = None) -> dict:
    """What the template body needs: the report, its texts in `language` and its tables as rows; the
    rankings by level and the annex of units come with the document's sections."""
    sections = [] if document is None else [s for s in document.sections if s.key not in BODY]
    charts = [] if document is None else [b for s in document.sections if s.key in BODY for b in s.blocks
                                          if isinstance(b, Chart)]
    return {"report": report, "language": language, "say": partial(say, language=language),
            "number": lambda value, digits=1: decimal(value, digits, language),
            "p_value": partial(p_value, language=language), "sections": sections, "charts": charts,
            "b64": _base64,
            "facts": facts(report, language), "flags": flag_texts(report, language),
            "significance": partial(significance, language=language),
            "channel_label": partial(channel_label, language=language),
            "indices": list(report.indices.itertuples(index=False)), "counts": report.counts}


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def render_standalone(report: Report, language: str, document: Document | None = None) -> str:
    """A whole HTML document with its print stylesheet inside: a file to open, print or mail."""
    with current_app.open_resource("static/report.css", "r", encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    # The app's context processors need a request; the standalone file needs none of them.
    template = current_app.jinja_env.get_template("analyst/reports/standalone.html")
    return template.render(css=css, **context(report, language, document))
