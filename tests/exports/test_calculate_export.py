"""A calculate in the data exports (issue 17): a column of its own (wide) and a row per response
(long), with the value the server computed when the response was stored."""
import csv
import uuid
from datetime import date

import pyarrow.parquet as pq
import pytest

from survey import clock
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.exports.operations import ExportRequest, export
from survey.responses.operations import record_response
from tests.exports.test_layouts_and_filters import rows_of
from tests.public.test_calculate_pages import CASCADE
from tests.public.test_markup_pages import MARKED


@pytest.fixture
def calculated(session, make_unit, make_version, make_submission):
    """Two responses sent without the calculate 'older' (as a keyer or an API client sends them)."""
    unit = make_unit("AG-LX", "district", name="Long Xuyên")
    spec = CampaignSpec(slug="tinh-xuat", name="Xuất tính", version=make_version(CASCADE),
                        targets=[Target(unit, 10, 100)], channels=("web",), opens_on=date(2026, 1, 1),
                        closes_on=date(2099, 1, 1))
    campaign = create_campaign(session, spec)
    for answers in ({"age": "70", "region": "north", "pension": "yes", "province": "hn"},
                    {"age": "30", "region": "south", "province": "ag"}):
        record_response(session, make_submission(campaign, answers, unit=unit, key=uuid.uuid4()), clock.today())
    session.commit()


def test_a_calculate_is_a_column_with_its_computed_value(cli, calculated, tmp_path):
    out = tmp_path / "x.csv"
    result = cli("export", "tinh-xuat", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["age"], row["older"]) for row in rows] == [("70", "yes"), ("30", "no")]


def test_a_calculate_is_a_row_of_the_long_layout(session, calculated, tmp_path):
    rows = rows_of(session, tmp_path, ExportRequest("tinh-xuat", layout="long"))
    assert [(r["value"], r["number"]) for r in rows if r["question"] == "older"] == [("yes", None), ("no", None)]
    assert [r["question"] for r in rows[:3]] == ["age", "older", "region"]


def test_labels_are_exported_without_their_markup(session, make_unit, make_version, tmp_path):
    unit = make_unit("AG-LX", "district", name="Long Xuyên")
    create_campaign(session, CampaignSpec(slug="dam-xuat", name="Xuất đậm", version=make_version(MARKED),
                                          targets=[Target(unit, 10, 100)], channels=("web",),
                                          opens_on=date(2026, 1, 1), closes_on=date(2099, 1, 1)))
    session.commit()
    out = tmp_path / "x.parquet"
    export(session, ExportRequest("dam-xuat", "parquet"), out)
    label = pq.read_schema(out).field("ok").metadata[b"label"].decode()
    assert label == "${name}, ông/bà hài lòng chứ?"
