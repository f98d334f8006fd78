"""`flask analysis run`: the console table, the XLSX workbook read back, and bad input."""
import numpy as np
import pytest
from openpyxl import load_workbook

from analysis import Design
from analysis.indices import estimate_indices
from analysis.recipes import load_recipe, recipe_from_text
from survey.responses.models import Response
from tests.results.test_report import by_hand

SIPAS = load_recipe("sipas-local")


def sheet_rows(path, name: str) -> list[dict]:
    book = load_workbook(path, read_only=True)
    try:
        rows = list(book[name].iter_rows(values_only=True))
    finally:
        book.close()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_console_table_and_the_workbook_equal_the_library_by_hand(cli, session, sipas_campaign, tmp_path):
    out = tmp_path / "ket-qua.xlsx"
    result = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local", "--by", "unit",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    scope = by_hand(session, sipas_campaign)
    expected = estimate_indices(Design(scope, weights="w", strata="_unit", fpc="N"), SIPAS)
    lines = result.output.splitlines()
    assert lines[0] == "Campaign sipas-test: SIPAS test"
    assert f"weighting design; {len(scope)} of {session.query(Response).count()} responses in scope" in lines[1]
    sipas_line = next(line for line in lines if line.startswith("sipas Chỉ số hài lòng SIPAS"))
    assert f"{expected.loc['sipas', 'estimate']:.1f}" in sipas_line
    assert f"[{expected.loc['sipas', 'ci_low']:.1f}, {expected.loc['sipas', 'ci_high']:.1f}]" in sipas_line
    assert any(line.startswith("AG-LX-MB Đơn vị AG-LX-MB") and "*" in line for line in lines)  # 40 respondents
    assert lines[-1] == str(out)
    for sheet, level in (("overall", "overall"), ("elements", "element"), ("criteria", "criterion")):
        rows = [r for r in sheet_rows(out, sheet) if r["by"] == "all"]
        want = expected[expected["level"] == level]
        assert [r["node"] for r in rows] == list(want.index)
        for column in ("estimate", "se", "ci_low", "ci_high", "n", "effective_n"):
            assert [r[column] for r in rows] == pytest.approx(want[column].tolist()), (sheet, column)
    assert {r["domain"] for r in sheet_rows(out, "overall")} == {None, "AG-LX", "AG-CD", "AG-LX-MB", "AG-SNV"}


def test_the_methodology_sheet(cli, session, sipas_campaign, tmp_path):
    out = tmp_path / "r.xlsx"
    run = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local", "--out", str(out))
    assert run.exit_code == 0
    cells = [[c for c in row if c is not None] for row in load_workbook(out)["methodology"].iter_rows(values_only=True)]
    pairs = {row[0]: row[1] for row in cells if len(row) == 2}
    scope = by_hand(session, sipas_campaign)
    assert pairs["method"] == "design" and pairs["content hash (sha256)"] == SIPAS.content_hash
    assert pairs["responses in scope"] == len(scope) and pairs["id"] == "sipas-local"
    kish = scope.w.sum() ** 2 / (scope.w ** 2).sum()
    assert pairs["effective n (Kish)"] == pytest.approx(kish)
    channels = {row[0]: row[1] for row in cells if row and row[0] in ("web", "paper")}
    assert channels == scope["_channel"].value_counts().to_dict()
    units = {row[0]: row for row in cells if row and row[0] in ("AG-LX", "AG-CD", "AG-LX-MB", "AG-SNV")}
    assert units["AG-LX"][4:6] == [6000, (scope["_unit"] == "AG-LX").sum()]
    assert ["Recipe file"] in cells and ["line"] in cells and [SIPAS.source.splitlines()[0]] in cells


def test_raking_to_a_margins_file(cli, sipas_campaign, tmp_path):
    margins = tmp_path / "bien.csv"
    margins.write_text("variable,level,population\ngioi_tinh,nam,6000\ngioi_tinh,nu,5400\n"
                       "level,district,7500\nlevel,commune,900\nlevel,department,3000\n", encoding="utf-8")
    result = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local-criteria",
                 "--weighting", "rake", "--margins", str(margins), "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    assert "weighting rake" in result.output
    margins_rows = [row for row in load_workbook(tmp_path / "r.xlsx")["methodology"].iter_rows(values_only=True)
                    if row[0] == "gioi_tinh"]
    assert [(r[1], r[2]) for r in margins_rows] == [("nam", 6000), ("nu", 5400)]
    assert [r[3] for r in margins_rows] == pytest.approx([6000, 5400])  # the weighted totals reach them


SMALL_RECIPE = """\
recipe: {id: small-test, form: small, title: {vi: "Thử", en: "Test"}}
overall:
  id: index
  label: {vi: "Chỉ số", en: "Index"}
  combine: own_item
  item: {question: overall, rule: top_box}
elements:
  - id: visits
    label: {vi: "Đi lại", en: "Visits"}
    combine: mean
    criteria:
      - {id: few_visits, label: Ít đi lại, items: [{question: visits, rule: mean_score, scale: [1, 5]}]}
"""


def test_a_recipe_file_on_another_form(cli, session, make_campaign, make_submission, tmp_path, today):
    from survey.responses.operations import record_response

    campaign = make_campaign()
    answers = [{"overall": o, "visits": v} for o, v in [("5", "1"), ("4", "3"), ("2", "5"), ("9", "2"), ("4", "9")]]
    for given in answers:
        record_response(session, make_submission(campaign, given), today)
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_RECIPE, encoding="utf-8")
    result = cli("analysis", "run", "--campaign", "test-campaign", "--recipe", str(path), "--language", "en")
    assert result.exit_code == 0, result.output
    index = next(line for line in result.output.splitlines() if line.startswith("index Index"))
    assert f"{100 * 3 / 4:.1f}*" in index  # 3 of the 4 valid answers are 4-5; 4 < 30: suppressed
    visits = next(line for line in result.output.splitlines() if "few_visits" in line)
    # 9 is outside the scale [1, 5]; the fourth response rated nothing ("9"): out of scope, its 2 not counted
    assert f"{100 * (np.mean([1, 3, 5]) - 1) / 4:.1f}*" in visits
    assert recipe_from_text(SMALL_RECIPE).content_hash[:12] in result.output


@pytest.mark.parametrize("arguments, message", [
    (["--campaign", "nope", "--recipe", "sipas-local"], "unknown campaign 'nope'"),
    (["--campaign", "sipas-test", "--recipe", "sipas-2018"], "no shipped recipe 'sipas-2018'"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--weighting", "raked"], "unknown weighting 'raked'"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--weighting", "rake"], "margins are needed"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--weighting", "rake", "--margins", "absent.csv"],
     "--margins absent.csv: No such file"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--by", "commune"], "unknown --by 'commune'"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--status", "sent"], "unknown status 'sent'"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--out", "r.csv"], "must end in .xlsx"),
    (["--campaign", "sipas-test", "--recipe", "sipas-local", "--out", "no/such/dir/r.xlsx"], "no directory"),
])
def test_bad_input_is_a_message_and_exit_code_1(cli, empty_sipas_campaign, arguments, message, tmp_path,
                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("analysis", "run", *arguments)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output and list(tmp_path.iterdir()) == []


def test_a_recipe_with_problems_lists_them_all(cli, empty_sipas_campaign, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(SMALL_RECIPE.replace("form: small", "form: sipas"), encoding="utf-8")
    result = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", str(path))
    assert result.exit_code == 1
    assert "no question named 'overall'" in result.output and "no question named 'visits'" in result.output
    path.write_text("recipe: [", encoding="utf-8")
    result = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", str(path))
    assert result.exit_code == 1 and "[yaml_syntax]" in result.output


def test_campaigns_without_transaction_counts_say_so(cli, sipas_campaign):
    sipas_campaign.units[0].transactions = None
    result = cli("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local")
    assert result.exit_code == 1 and "need the transaction count N_h" in result.output
    assert cli("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local",
               "--weighting", "none").exit_code == 0


@pytest.mark.parametrize(("command", "suffix"), [
    (("analysis", "run", "--campaign", "sipas-test", "--recipe", "sipas-local", "--weighting", "rake"), "xlsx"),
    (("export", "sipas-test", "--format", "csv", "--weighting", "raked"), "csv")])
def test_both_commands_refuse_a_margins_file_they_cannot_read(cli, sipas_campaign, tmp_path, command, suffix):
    latin = tmp_path / "bien.csv"
    latin.write_bytes("variable,level,population\ngioi_tinh,nữ,5400\n".encode("utf-16"))
    out = ("--out", str(tmp_path / f"r.{suffix}"))
    result = cli(*command, "--margins", str(latin), *out)
    assert result.exit_code == 1 and f"--margins {latin}: not UTF-8 text" in result.output
    result = cli(*command, "--margins", str(tmp_path / "none.csv"), *out)
    assert result.exit_code == 1 and f"--margins {tmp_path / 'none.csv'}: No such file or directory" in result.output
