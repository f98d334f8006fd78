"""PAR index results pages on the scoring blueprint (/cham-diem/ket-qua): a year's results for Home
Affairs (the province-wide summary, a chart, rankings per level with the change of rank, the files:
CSV, XLSX with every score and its evidence, DOCX, PDF), and each unit's scorecard (page, DOCX, PDF,
XLSX), which an agency officer may open for its own unit only.

Everything is read on GET from the year's published definition, the scoring round's values and the
campaigns' results (survey.par_index.results); nothing is written. The pages' texts are
survey.par_index.results_messages', falling back on the scoring pages' catalogue.
"""
import io

from flask import Response, abort, render_template, request, send_file, url_for

from survey import db
from survey.accounts.access import role_required, signed_in, visible_unit_ids
from survey.errors import InvalidInput
from survey.par_index.assessment_queries import may_read_unit
from survey.par_index.queries import published_years
from survey.par_index.results import (
    NO_DEFINITION,
    TOTAL,
    YearResults,
    evidence_of,
    scoped,
    table,
    unit_score,
    year_results,
)
from survey.par_index.results_document import chart, scorecard, year_document
from survey.par_index.results_files import write_csv, write_document_xlsx, write_xlsx
from survey.par_index.results_messages import MESSAGES
from survey.par_index.results_notes import decimal, notes
from survey.par_index.scoring_queries import unit_inputs
from survey.par_scoring.messages import CATALOGUE as SCORING
from survey.par_scoring.views import EVERYONE, HOME_AFFAIRS, blueprint
from survey.reports.docx import write_docx
from survey.reports.pdf import write_pdf
from survey.results.report import LEVEL_NAMES
from survey.text import Catalogue, language
from survey.units.queries import unit_by_code

WORDS = Catalogue(MESSAGES, fallback=SCORING)
MIMETYPES = {"csv": "text/csv", "pdf": "application/pdf",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# Matplotlib's SVG styles its shapes inline and has no script: its own policy, not the pages'.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def computed(year: int, compare: bool = True) -> YearResults:
    """The year's results (with `compare`, ranks changed against the year before, scored too); 404
    for a year without a published definition. Stored values that do not fit the definition are
    let through to the error page, which lists their problems with the API's status (400)."""
    try:
        return year_results(db.session(), year, unit_inputs, compare)
    except InvalidInput as refused:
        if refused.problems[0].key == NO_DEFINITION:
            abort(404)
        raise


def readable(year: int, compare: bool = True) -> YearResults:
    """The year's results as the signed-in reader may read them (its units only, when scoped)."""
    return scoped(computed(year, compare), visible_unit_ids(signed_in()))


@blueprint.get("/ket-qua")
@role_required(*HOME_AFFAIRS)
def results():
    """The chosen year's results (?year=, the newest by default), or that there are none yet."""
    known = published_years(db.session())
    year = request.args.get("year", type=int) or (known[0] if known else None)
    if year is None or year not in known:
        return render_template("par_scoring/results.html", r=WORDS.say, years=known, found=None, year=year)
    found = readable(year)
    rows = [row for row in table(found) if row.field == TOTAL]
    levels = [level for level in LEVEL_NAMES["vi"] if any(row.level == level for row in rows)]
    return render_template("par_scoring/results.html", r=WORDS.say, years=known, year=year, found=found, rows=rows,
                           notes=notes(found, language()), levels=levels, number=number)


def number(value: float, digits: int = 2) -> str:
    """A figure as the reader writes it (55,50 in Vietnamese)."""
    return decimal(value, language(), digits)


@blueprint.get("/ket-qua/<int(min=2000, max=2100):year>/bieu-do.svg")
@role_required(*HOME_AFFAIRS)
def results_chart(year: int):
    """The units' percentages as an SVG chart (downloaded with ?download=1)."""
    headers = {"Content-Security-Policy": SVG_POLICY}
    if request.args.get("download"):
        headers["Content-Disposition"] = f'attachment; filename="chi-so-cchc-{year}.svg"'
    # The chart shows each unit's percentage only: the year before, scored for rank changes, is not read.
    return Response(chart(readable(year, compare=False), language()), mimetype="image/svg+xml", headers=headers)


@blueprint.get("/ket-qua/<int(min=2000, max=2100):year>/ket-qua.<any(csv, xlsx, docx, pdf):file_format>")
@role_required(*HOME_AFFAIRS)
def results_file(year: int, file_format: str):
    """The year's results as a file, as `flask par-index results` writes it (and PDF), of the rows
    the page shows the reader."""
    found = readable(year)
    if file_format == "csv":
        data = write_csv(found).encode("utf-8")
    elif file_format == "xlsx":
        data = write_xlsx(found, language(), evidence_of(db.session(), found))
    else:
        data = _document_bytes(year_document(found, language()), file_format)
    return _download(data, file_format, f"chi-so-cchc-{year}.{file_format}")


def _document_bytes(document, file_format: str) -> bytes:
    buffer = io.BytesIO()
    if file_format == "docx":
        write_docx(document, buffer)
    elif file_format == "pdf":
        write_pdf(document, buffer, language())
    else:
        buffer.write(write_document_xlsx(document))
    return buffer.getvalue()


def _download(data: bytes, file_format: str, name: str):
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


def _unit_results(year: int, code: str) -> YearResults:
    """The year's results when the user may read the unit (as its assessments) and it was scored; 403 /
    404 otherwise."""
    unit = unit_by_code(db.session(), code) or abort(404)
    if not may_read_unit(db.session(), signed_in(), unit.id):
        abort(403)
    found = computed(year)
    try:
        unit_score(found, code)
    except InvalidInput:
        abort(404)
    return found


@blueprint.get("/ket-qua/<int(min=2000, max=2100):year>/don-vi/<code>")
@role_required(*EVERYONE)
def scorecard_page(year: int, code: str):
    """A unit's scorecard: total and rank, points by field, every sub-criterion with its evidence."""
    found = _unit_results(year, code)
    card = scorecard(found, code, language(), evidence_of(db.session(), found))
    return render_template("par_scoring/scorecard.html", r=WORDS.say, card=card, year=year, code=code,
                           back=url_for(".results", year=year) if signed_in().role in HOME_AFFAIRS else None)


@blueprint.get("/ket-qua/<int(min=2000, max=2100):year>/don-vi/<code>/phieu-diem.<any(docx, pdf, xlsx):file_format>")
@role_required(*EVERYONE)
def scorecard_file(year: int, code: str, file_format: str):
    """The scorecard as Word, PDF or a workbook (a sheet per table)."""
    found = _unit_results(year, code)
    card = scorecard(found, code, language(), evidence_of(db.session(), found))
    return _download(_document_bytes(card, file_format), file_format, f"phieu-diem-{code}-{year}.{file_format}")
