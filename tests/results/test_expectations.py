"""Expectations in the analyst results of the demo (sipas-2017's areas to improve): the CSV beside
the index's, equal to a computation from the export's 0/1 columns and weights; the workbook's sheet,
the console, the analyst page; never rows of the index. The page and the console also say which
children a node left out (the rule "drop")."""
import openpyxl
import pandas as pd
import pytest

import forms
from analysis.recipes import load_recipe
from survey.demo.operations import CAMPAIGN_SLUG
from survey.reports.assemble import document
from survey.reports.build import build_report
from survey.reports.numbers import decimal, interval
from survey.reports.periods import Period
from survey.results.report import compute_results
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.analyst.conftest import signed_in
from tests.results.test_official_index import demo  # noqa: F401 (fixture)


def forms_2017():
    return forms.load_definition("forms/sipas-2017.yaml")


AREAS = [choice.value for choice in forms_2017().question("kv_cai_thien").choices]


def from_export(answers: pd.DataFrame, weights: pd.Series) -> dict[str, float]:
    """Per area, the weighted share choosing it among the responses in scope answering the question."""
    answered = answers["kv_cai_thien"].notna() & weights.notna()
    return {area: 100 * (weights * answers[f"kv_cai_thien__{area}"])[answered].sum() / weights[answered].sum()
            for area in AREAS}


@pytest.mark.parametrize("weighting", ["design", "none"])
def test_the_expectations_csv_equals_a_computation_from_the_export(cli, demo, tmp_path, weighting):
    exported, result = tmp_path / "answers.csv", tmp_path / "result.csv"
    export = cli("export", CAMPAIGN_SLUG, "--format", "csv", "--out", str(exported), "--weighting", "design")
    assert export.exit_code == 0
    run = cli("analysis", "run", "--campaign", CAMPAIGN_SLUG, "--recipe", "sipas-2017", "--weighting", weighting,
              "--by", "unit", "--format", "csv", "--out", str(result))
    assert run.exit_code == 0, run.output
    assert str(tmp_path / "result.expectations.csv") in run.output
    table = pd.read_csv(tmp_path / "result.expectations.csv", keep_default_na=False)
    assert list(table.columns) == ["expectation", "question", "answer", "domain", "estimate", "se", "ci_low",
                                   "ci_high", "n", "suppressed"]
    answers = pd.read_csv(exported, low_memory=False)
    weights = answers["weight"] if weighting == "design" else answers["weight"].notna().astype(float).where(
        answers["weight"].notna())
    expected = from_export(answers, weights)
    campaign_wide = table[table["domain"] == ""].set_index("answer")
    assert list(campaign_wide.index) == AREAS and set(table["question"]) == {"kv_cai_thien"}
    for area in AREAS:
        assert campaign_wide.loc[area, "estimate"] == pytest.approx(expected[area], abs=1e-9)
        assert 0 <= campaign_wide.loc[area, "ci_low"] <= campaign_wide.loc[area, "ci_high"] <= 100
    index = pd.read_csv(result, keep_default_na=False)
    assert set(index["node"]) == {node.id for node in load_recipe("sipas-2017").nodes()}  # never in the index


def test_the_workbook_console_and_page_show_expectations_and_what_was_left_out(cli, app, make_user, demo, tmp_path):
    out = tmp_path / "result.xlsx"
    run = cli("analysis", "run", "--campaign", CAMPAIGN_SLUG, "--recipe", "sipas-2017", "--by", "unit",
              "--out", str(out))
    assert run.exit_code == 0, run.output
    assert "expectations (% of those answering; not in the index)" in run.output
    assert "left out (too few answers)" in run.output
    book = openpyxl.load_workbook(out)
    assert "expectations" in book.sheetnames
    header = [cell.value for cell in book["expectations"][1]]
    assert header[:7] == ["by", "domain", "domain_name", "expectation", "label", "question", "answer"]
    assert "dropped" in [cell.value for cell in book["overall"][1]]
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(f"/phan-tich/{CAMPAIGN_SLUG}?recipe=sipas-2017&by=unit").status_code == 200
    text = browser.text()
    assert "Mong đợi của người dân, tổ chức" in text and "không tính vào chỉ số" in text
    assert "Không tính yếu tố" in text and "do quá ít câu trả lời" in text
    assert browser.get(f"/phan-tich/{CAMPAIGN_SLUG}?recipe=sipas-2017&by=unit&lang=en").status_code == 200
    assert "left out: too few answers" in browser.text() and "Expectations of citizens" in browser.text()


def test_the_report_draws_the_expectations_the_results_compute(session, demo):
    """One computation: the period report's expectations (province, and a unit as a domain) are the
    analyst results' shares of the same responses and weights."""
    recipe = load_recipe("sipas-2017")
    results = compute_results(session, demo, recipe, "design", by=["unit"]).expectations.set_index(
        ["domain", "answer"])
    closing = Period("quarterly", demo.closes_on.year, (demo.closes_on.month - 1) // 3 + 1)
    unit = results.index.get_level_values(0)[-1]
    for code in (None, unit):
        report = build_report(session, closing, code, recipe)
        table = next(t for t in document(session, report, recipe, "vi").tables()
                     if forms_2017().question("kv_cai_thien").label["vi"] in t.caption)
        shown = {row[0]: row[1:3] for row in table.rows}
        for choice in forms_2017().question("kv_cai_thien").choices:
            expected = results.loc[(code or "", choice.value)]
            assert shown[choice.label["vi"]] == [decimal(expected["estimate"], 1, "vi"),
                                                 interval(expected["ci_low"], expected["ci_high"], "vi")]
