"""A repeat (a household roster, issue 17) in the stored answers and the data exports: the long
layout carries the instance; a wide export has the repeat as a table of its own, one row per
response and instance keyed by the response id (an XLSX sheet, else a file beside the export)."""
import csv
import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select

from survey import clock
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.errors import InvalidInput
from survey.exports.operations import ExportRequest, export
from survey.responses.models import Answer
from survey.responses.operations import record_response

ROSTER = (Path(__file__).parents[1] / "forms" / "household_roster.yaml").read_text(encoding="utf-8")
THREE = {"visit_rating": "4", "member_name[1]": "Lan", "relation[1]": "head", "member_age[1]": "41",
         "member_name[2]": "Minh", "relation[2]": "child", "member_age[2]": "12", "at_school[2]": "yes",
         "member_name[3]": "Hoa", "member_age[3]": "70", "comment": "Tốt"}


@pytest.fixture
def roster(session, make_unit, make_version, make_submission):
    """A campaign over the roster: a response with three members, one with none."""
    unit = make_unit("AG-LX", "district", name="Long Xuyên")
    campaign = create_campaign(session, CampaignSpec(
        slug="ho-gia-dinh", name="Hộ", version=make_version(ROSTER), targets=[Target(unit, 10, 100)],
        channels=("web", "paper"), opens_on=date(2026, 1, 1), closes_on=date(2099, 1, 1)))
    made = [record_response(session, make_submission(campaign, answers, unit=unit, key=uuid.uuid4()), clock.today())[0]
            for answers in (THREE, {"visit_rating": "2"})]
    session.commit()
    return campaign, made


def test_each_instance_is_stored_with_its_number(session, roster):
    _, (first, _) = roster
    stored = session.execute(select(Answer.question_key, Answer.instance, Answer.value).where(
        Answer.response_id == first.id).order_by(Answer.question_key, Answer.instance)).all()
    assert [(k, n, v) for k, n, v in stored if k == "member_name"] == [
        ("member_name", 1, "Lan"), ("member_name", 2, "Minh"), ("member_name", 3, "Hoa")]
    assert ("adult", 3, "yes") in stored and ("adult", 2, "no") in stored  # computed per instance
    assert ("visit_rating", 0, "4") in stored


def test_an_instance_is_checked_on_its_own_and_nothing_is_stored(session, roster, make_submission):
    campaign, _ = roster
    unit = campaign.units[0].unit
    bad = THREE | {"member_age[3]": "130", "member_name[9]": "Thừa", "member_age": "3"}
    with pytest.raises(InvalidInput) as refused:
        record_response(session, make_submission(campaign, bad, unit=unit, key=uuid.uuid4()), clock.today())
    fields = {problem.field for problem in refused.value.problems}
    assert {"answers.member_age[3]", "answers.member_age", "answers.member_name[9]"} <= fields


def test_the_long_layout_carries_the_instance(session, roster, tmp_path):
    out = tmp_path / "long.csv"
    export(session, ExportRequest("ho-gia-dinh", layout="long"), out)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [(r["value"], r["instance"]) for r in rows if r["question"] == "member_name"]
    assert names == [("Lan", "1"), ("Minh", "2"), ("Hoa", "3")]
    assert {r["instance"] for r in rows if r["question"] == "visit_rating"} == {"0"}


def test_a_wide_csv_has_the_repeat_in_a_file_beside_it(session, roster, tmp_path):
    out = tmp_path / "wide.csv"
    export(session, ExportRequest("ho-gia-dinh"), out)
    with open(out, encoding="utf-8", newline="") as handle:
        responses = list(csv.DictReader(handle))
    assert "member_name" not in responses[0] and [r["visit_rating"] for r in responses] == ["4", "2"]
    with open(tmp_path / "wide_member.csv", encoding="utf-8", newline="") as handle:
        members = list(csv.DictReader(handle))
    assert [(m["response_id"], m["instance"], m["member_name"], m["relation"], m["adult"]) for m in members] == [
        (responses[0]["response_id"], "1", "Lan", "head", "yes"),
        (responses[0]["response_id"], "2", "Minh", "child", "no"),
        (responses[0]["response_id"], "3", "Hoa", "", "yes")]


def test_a_wide_xlsx_has_the_repeat_on_a_second_sheet(session, roster, tmp_path):
    out = tmp_path / "wide.xlsx"
    export(session, ExportRequest("ho-gia-dinh", file_format="xlsx"), out)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["data", "member"]
    rows = list(book["member"].iter_rows(values_only=True))
    assert rows[0][:4] == ("response_id", "instance", "member_name", "relation")
    assert [row[1:4] for row in rows[1:]] == [(1, "Lan", "head"), (2, "Minh", "child"), (3, "Hoa", None)]


READERS = {"parquet": lambda path: pq.read_table(path).to_pandas(),
           "sav": lambda path: pd.read_spss(path, convert_categoricals=False),
           "dta": lambda path: pd.read_stata(path, convert_categoricals=False)}


@pytest.mark.parametrize("file_format", sorted(READERS))
def test_the_statistical_formats_get_the_repeat_as_a_second_file(session, roster, tmp_path, file_format):
    out = tmp_path / f"wide.{file_format}"
    export(session, ExportRequest("ho-gia-dinh", file_format=file_format), out)
    frame = READERS[file_format](tmp_path / f"wide_member.{file_format}")
    assert list(frame["instance"]) == [1, 2, 3]
    assert list(frame["member_name"]) == ["Lan", "Minh", "Hoa"]


def test_a_supervisor_corrects_one_instance_and_its_calculate_follows(session, roster, make_submission):
    from survey.responses.operations import correct_answer

    campaign, _ = roster
    keyed = record_response(session, make_submission(campaign, THREE, unit=campaign.units[0].unit, channel="paper",
                                                     key=uuid.uuid4(), paper_serial="H-1"), clock.today())[0]
    correct_answer(session, keyed, None, "member_age[3]", "17", "đọc nhầm phiếu")
    stored = {answer.key: answer.value for answer in keyed.answers}
    assert (stored["member_age[3]"], stored["adult[3]"], stored["adult[2]"], stored["member_age[1]"]) == (
        "17", "no", "no", "41")


def test_the_analysis_reads_the_questions_outside_repeats_and_refuses_a_repeat_s(session, roster):
    from survey.results.loading import load_campaign

    campaign, _ = roster
    data = load_campaign(session, campaign)
    assert sorted(data.frame["visit_rating"].dropna()) == [2.0, 4.0]
    assert "member_name" not in data.frame.columns
    with pytest.raises(InvalidInput) as refused:
        load_campaign(session, campaign, keys=["member_age"])
    assert "member_age" in refused.value.problems[0].text("en")


def test_the_codebook_lists_the_repeat_table_s_variables(session, roster, cli, tmp_path):
    out = tmp_path / "book.xlsx"
    result = cli("codebook", "ho-gia-dinh", "--out", str(out))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    header, *rows = list(book["variables"].iter_rows(values_only=True))
    listed = [dict(zip(header, row, strict=True)) for row in rows]
    member = [(r["variable"], r["question (vi)"], r["question (en)"], r["type"]) for r in listed
              if r["table"] == "member"]
    assert [name for name, *_ in member] == [
        "response_id", "instance", "member_name", "relation", "member_age", "at_school", "adult"]
    assert member[2] == ("member_name", "Họ tên", "Name", "text") and member[1][3] == "number"
    assert {r["table"] for r in listed if r["variable"] == "visit_rating"} == {"responses"}
    assert "member_name" not in {r["variable"] for r in listed if r["table"] == "responses"}
    assert "<export>_<repeat>" in dict(book["about"].iter_rows(values_only=True))["tables"]
