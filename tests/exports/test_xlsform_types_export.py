"""XLSForm's extra types and the form's metadata in the data exports and the codebook (issue 17)."""
import csv
import html
import uuid

import pytest

from survey import clock
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.responses.operations import record_response

EXTRAS = """
form:
  id: extras-export
  title: {vi: "Thử", en: Try}
  languages: [vi, en]
  metadata: {started: start, sent: end, day: today, device: deviceid}
choices:
  fruit:
    - {value: a, label: {vi: "Táo", en: Apple}}
    - {value: b, label: {vi: "Chuối", en: Banana}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: ok, type: acknowledge, label: {vi: "Đồng ý", en: "Agree"}}
      - {name: place, type: geopoint, label: {vi: "Vị trí", en: Place}}
      - {name: score, type: range, parameters: {start: 0, end: 10, step: 2}, label: {vi: "Điểm", en: Score}}
      - {name: order, type: rank, choices: fruit, label: {vi: "Xếp hạng", en: Rank}}
"""


@pytest.fixture
def extras(session, make_unit, make_version, make_submission):
    from datetime import date

    unit = make_unit("AG-LX", "district", name="Long Xuyên")
    spec = CampaignSpec(slug="them-xuat", name="Xuất thêm", version=make_version(EXTRAS),
                        targets=[Target(unit, 10, 100)], channels=("web",), opens_on=date(2026, 1, 1),
                        closes_on=date(2099, 1, 1))
    campaign = create_campaign(session, spec)
    answers = {"ok": "OK", "place": "10.38 105.43", "score": "6", "order": "b a"}
    response, _ = record_response(session, make_submission(campaign, answers, unit=unit, key=uuid.uuid4(),
                                                           device_hash="d" * 64), clock.today())
    session.commit()
    return response


def test_the_extra_types_and_the_metadata_are_columns(cli, extras, tmp_path):
    out = tmp_path / "x.csv"
    result = cli("export", "them-xuat", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["ok"], row["place"], row["score"], row["order"]) == ("OK", "10.38 105.43", "6", "b a")
    assert row["device"] == "d" * 64
    assert row["day"] == extras.submitted_at.astimezone(clock.zone()).date().isoformat()
    assert row["started"].startswith(extras.started_at.strftime("%Y-%m-%dT%H:%M"))
    assert list(row)[-4:] == ["started", "sent", "day", "device"]


def test_the_codebook_labels_the_metadata(cli, extras, tmp_path):
    book = tmp_path / "codebook.html"
    result = cli("export", "them-xuat", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--codebook", str(book))
    assert result.exit_code == 0, result.output
    text = html.unescape(book.read_text(encoding="utf-8"))
    assert "Ngày gửi (giờ của tỉnh)" in text and "Day sent (the province's time)" in text


def test_a_rank_has_a_column_per_place_in_csv_xlsx_and_spss(cli, extras, tmp_path):
    import openpyxl
    import pyreadstat

    for form in ("csv", "xlsx", "sav"):
        result = cli("export", "them-xuat", "--format", form, "--out", str(tmp_path / f"x.{form}"))
        assert result.exit_code == 0, result.output
    with open(tmp_path / "x.csv", encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["order"], row["order__1"], row["order__2"]) == ("b a", "b", "a")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["data"]
    header = [cell.value for cell in sheet[1]]
    assert [sheet[2][header.index(name)].value for name in ("order__1", "order__2")] == ["b", "a"]
    frame, meta = pyreadstat.read_sav(str(tmp_path / "x.sav"))
    assert (frame["order__1"][0], frame["order__2"][0]) == (2.0, 1.0)
    assert meta.variable_value_labels["order__1"] == {1.0: "Táo", 2.0: "Chuối"}
    assert meta.column_names_to_labels["order__2"] == "Xếp hạng (hạng 2)"
