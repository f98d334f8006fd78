"""Frequencies page on the analysis blueprint (/phan-tich/<campaign>/tan-so): one question's
weighted shares (or mean) with 95 % intervals, campaign-wide or by unit, district, level, channel
or a respondent-profile question; downloadable as CSV and XLSX. Kept in the results cache.

Everything travels in the query string (GET, no write): the same URL gives the same table.
"""
import io
from dataclasses import dataclass
from typing import TypedDict

import pandas as pd
from flask import render_template, request, send_file, url_for
from werkzeug.utils import secure_filename

from survey import db
from survey.analyst.messages import CATALOGUE, say
from survey.analyst.views import XLSX, blueprint
from survey.campaigns.models import CHANNELS
from survey.campaigns.queries import campaign_or_404
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.results.cache import cached, digest, stamp
from survey.results.frequencies import BREAKDOWNS, askable, profiles
from survey.results.frequencies import frequencies as tabulate
from survey.text import language

WEIGHTINGS = ("design", "none")


class AskedQuery(TypedDict):
    """The URL values of what the frequencies page is asked (typed, so url_for takes them as values)."""

    question: str
    by: str
    weighting: str


@dataclass(frozen=True)
class Asked:
    question: str
    by: str
    weighting: str

    def query(self) -> AskedQuery:
        return {"question": self.question, "by": self.by, "weighting": self.weighting}


@blueprint.get("/<slug>/tan-so")
def frequencies(slug: str):
    campaign = campaign_or_404(slug)
    definition = version_definition(campaign.questionnaire_version)
    questions = askable(definition)
    asked = read_asked(questions[0].name if questions else "")
    table = table_of(campaign, asked) if questions else None
    return render_template("analyst/frequencies.html", campaign=campaign, asked=asked, table=table,
                           groups=grouped(table), questions=questions, profiles=profiles(definition),
                           breakdowns=BREAKDOWNS, weightings=WEIGHTINGS, lang=language(),
                           downloads={kind: url_for("analyst.frequencies_file", slug=slug, kind=kind, **asked.query())
                                      for kind in ("csv", "xlsx")})


@blueprint.get("/<slug>/tan-so.<any(csv, xlsx):kind>")
def frequencies_file(slug: str, kind: str):
    campaign, asked = campaign_or_404(slug), read_asked("")
    table = readable(table_of(campaign, asked))
    buffer = io.BytesIO()
    if kind == "csv":
        buffer.write(table.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    else:
        table.to_excel(buffer, index=False, sheet_name="frequencies")
    buffer.seek(0)
    name = secure_filename(f"{slug}-{asked.question}-{asked.by or 'all'}-{asked.weighting}.{kind}")
    return send_file(buffer, mimetype="text/csv" if kind == "csv" else XLSX, as_attachment=True, download_name=name)


def read_asked(default_question: str) -> Asked:
    """The query string's choices; a bad weighting is a 400 (question and breakdown are checked
    against the questionnaire by `tabulate`)."""
    values = request.args
    asked = Asked(values.get("question", default_question), values.get("by", ""), values.get("weighting", "design"))
    if asked.weighting not in WEIGHTINGS:
        raise InvalidInput(CATALOGUE.problem("weighting_refused", "weighting", value=asked.weighting, known=""))
    return asked


def table_of(campaign, asked: Asked) -> pd.DataFrame:
    key = digest("frequencies", campaign.id, asked.question, asked.by, asked.weighting, language())[:32]
    channels: dict[str, str] = {channel: say(f"channel_{channel}") for channel in CHANNELS}
    return cached(key, stamp(db.session(), campaign),
                  lambda: tabulate(db.session(), campaign, asked.question, asked.by, asked.weighting, language(),
                                   channels))


def grouped(table: pd.DataFrame | None) -> list[tuple[str, list]]:
    """(group name, its rows) in the table's order, for the page."""
    if table is None:
        return []
    return [(str(name), list(rows.itertuples(index=False))) for name, rows in table.groupby("group_name", sort=False)]


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """The download: the page's columns under the reader's headings, figures rounded to 0.1."""
    shown = table.drop(columns=["group"]).round({"estimate": 1, "ci_low": 1, "ci_high": 1})
    return shown.rename(columns={column: say(f"column_{column}") for column in shown.columns})

