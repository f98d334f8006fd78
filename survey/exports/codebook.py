"""The codebook of an export: every variable with its texts, type, codes, skip logic and versions."""
from html import escape
from pathlib import Path

import xlsxwriter

import forms
from survey.errors import InvalidInput
from survey.exports import repeats
from survey.exports.operations import Plan, replacing
from survey.exports.problems import CATALOGUE
from survey.exports.variables import NAME_LIMITS, Variable, statistical_names

COLUMNS = ("variable", "SPSS / Stata name", "question (vi)", "question (en)", "type", "values",
           "asked when (relevant)", "constraint", "questionnaire versions", "table")
RESPONSES = "responses"
"""The table column's name for the responses' own table (one row per response)."""
TABLES = ("responses: a row per response (the export's file; in XLSX the sheet 'data'). A repeat's table, named "
          "after the repeat, has a row per response and instance of the repeat, keyed by response_id and instance "
          "(in XLSX a sheet of that name, else the file <export>_<repeat> beside the export; in the web download "
          "both in one ZIP). The long layout has no repeat table: its rows carry the instance.")
SCOPE = (
    "The weight is the one the analysis gives the response (survey.results.scope; flask analysis run with the "
    "same --status, by default submitted and verified): only responses in scope of the analysis have one, those "
    "that rate at least one question on the five-level satisfaction scale. The others are exported with an empty "
    "weight, and weight_note says why: not_rated (screened out, or only 'don't know') or status_not_analysed (a "
    "status the weights leave out, e.g. rejected). The export's other filters (units, dates) choose rows, never "
    "the weights: a weighted estimate from the rows in scope equals the service's own, for the campaign and for "
    "any domain of it.")
WEIGHTING = {
    "none": "No weight column: every response counts once (unweighted).",
    "design": (
        "weight = w_h = N_h / n_h for a respondent evaluating unit h, where N_h is the unit's transaction count "
        "for the campaign (the 'transactions' of its target) and n_h the number of responses of unit h in scope of "
        "the analysis. The weights of a unit sum to N_h, so weighted totals estimate transactions. " + SCOPE),
    "raked": (
        "weight = the design weights N_h / n_h of the responses in scope raked to the population margins of the "
        "--margins file (iterative proportional fitting, analysis.rake, as R's rake()): weighted counts of each "
        "margin's levels equal its population. The same as flask analysis run --weighting rake with the same "
        "margins. " + SCOPE),
}
MISSING = ("Satisfaction answers: 1–5, and 9 = 'Không biết / không áp dụng' (don't know / not applicable), which "
           "counts as missing: declared a user-missing value in SPSS; in Stata and the other formats recode it "
           "(e.g. mvdecode a1-a6, mv(9)). In SPSS and Stata, select_one and yes_no answers are numeric codes with "
           "value labels (the stored value is shown as code = value: label).")


def entries(plan: Plan) -> list[dict[str, str]]:
    """One row of texts per variable of each table the export writes, naming its table."""
    sections = _section_conditions(plan.definitions)
    return [row for table, variables in tables(plan) for row in _table_entries(table, variables, sections)]


def tables(plan: Plan) -> list[tuple[str, list[Variable]]]:
    """The export's tables and their variables: the responses' and, in the wide layout, each repeat's
    (survey.exports.repeats), whose questions the responses' table leaves out."""
    found = [(RESPONSES, plan.variables)]
    if plan.request.layout == "wide":
        found += [(table.name, table.variables) for table in repeats.repeat_tables(plan.definitions)]
    return found


def _table_entries(table: str, variables: list[Variable], sections: dict[str, str]) -> list[dict[str, str]]:
    """A table's rows; its SPSS / Stata names are its own file's (each table is a file of its own there)."""
    stat = statistical_names([v.name for v in variables], NAME_LIMITS["dta"])
    return [_entry(v, stat[v.name], sections) | {"table": table} for v in variables]


def _section_conditions(definitions: list[tuple[int, forms.Definition]]) -> dict[str, str]:
    """Question name -> its section's relevant expression, where it has one."""
    found: dict[str, str] = {}
    for _, definition in definitions:
        for section in definition.sections:
            for question in section.questions:
                if section.relevant is not None:
                    found.setdefault(question.name, section.relevant.source)
    return found


def _entry(variable: Variable, stat_name: str, sections: dict[str, str]) -> dict[str, str]:
    question = variable.question
    conditions = [sections.get(question.name) if question else None,
                  question.relevant.source if question and question.relevant else None]
    return {
        "variable": variable.name, "SPSS / Stata name": stat_name,
        "question (vi)": variable.label.text("vi"), "question (en)": variable.label.text("en"),
        "type": question.type if question else variable.kind,
        "values": _values(variable),
        "asked when (relevant)": " and ".join(f"({c})" for c in conditions if c),
        "constraint": question.constraint.source if question and question.constraint else "",
        "questionnaire versions": ", ".join(str(n) for n in variable.versions),
    }


def _values(variable: Variable) -> str:
    codes = variable.codes()
    lines = []
    for choice in variable.value_labels:
        code = f"{codes[choice.value]:g}"
        shown = code if code == choice.value else f"{code} = {choice.value}"
        missing = " (missing)" if codes[choice.value] in variable.missing else ""
        lines.append(f"{shown}: {choice.label.text('vi')} / {choice.label.text('en')}{missing}")
    return "\n".join(lines)


def about(plan: Plan) -> list[tuple[str, str]]:
    campaign = plan.selection.campaign
    return [("campaign", f"{campaign.slug}: {campaign.name}"), ("layout", plan.request.layout),
            ("weighting", f"{plan.request.weighting}: {WEIGHTING[plan.request.weighting]}"), *_margins(plan),
            ("values", MISSING), ("tables", TABLES)]


def _margins(plan: Plan) -> list[tuple[str, str]]:
    margins = plan.request.margins
    if margins is None:
        return []
    rows = [f"{variable} = {level}: {count:g}" for variable, levels in margins.counts.items()
            for level, count in levels.items()]
    return [("margins", f"{margins.source}\n" + "\n".join(rows))]


def check_path(path: Path) -> None:
    if path.suffix.lower() not in (".xlsx", ".html", ".htm"):
        raise InvalidInput(CATALOGUE.problem("codebook_suffix", "out", path=str(path)))


def write_codebook(plan: Plan, path: Path) -> None:
    """An .xlsx or .html codebook, chosen by the file's extension (all or nothing, like the export)."""
    check_path(path)
    with replacing(path) as part:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(plan, part)
        else:
            part.write_text(html_codebook(plan), encoding="utf-8")


def html_codebook(plan: Plan) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{_cell(row[c])}</td>" for c in COLUMNS) + "</tr>" for row in entries(plan))
    facts = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in about(plan))
    slug = escape(plan.selection.campaign.slug)
    return (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>Codebook {slug}'
            "</title><style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;"
            "vertical-align:top;text-align:left}</style>"
            f"<h1>Codebook</h1><dl>{facts}</dl><table><tr>{head}</tr>{body}</table></html>\n")


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _write_xlsx(plan: Plan, path: Path) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet("variables")
    sheet.write_row(0, 0, COLUMNS)
    for number, row in enumerate(entries(plan), start=1):
        sheet.write_row(number, 0, [row[c] for c in COLUMNS], wrap)
    sheet.freeze_panes(1, 1)
    facts = book.add_worksheet("about")
    for number, (key, value) in enumerate(about(plan)):
        facts.write_row(number, 0, (key, value), wrap)
    book.close()
