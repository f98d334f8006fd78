"""Parquet, the long layout, filters, several questionnaire versions, batches and design weights."""
import uuid
from datetime import UTC, datetime, timedelta

import pyarrow.parquet as pq
import pytest

from survey.errors import InvalidInput
from survey.exports import reading
from survey.exports.operations import ExportRequest, export
from tests.exports.conftest import EXPORT_FORM, LONG_NAME


def rows_of(session, tmp_path, request):
    out = tmp_path / "x.parquet"
    export(session, ExportRequest(request.slug, "parquet", request.layout, request.weighting,
                                  filters=request.filters), out)
    return pq.read_table(out).to_pylist()


def test_parquet_keeps_types_and_labels(session, answered, tmp_path):
    _, made = answered
    out = tmp_path / "x.parquet"
    export(session, ExportRequest("xuat-thu", "parquet", weighting="design"), out)
    table = pq.read_table(out)
    schema = table.schema
    assert str(schema.field("overall").type) == "double" and str(schema.field("age").type) == "string"
    assert str(schema.field("submitted_at").type) == "timestamp[us, tz=UTC]"
    assert schema.field("overall").metadata[b"label"] == "Hài lòng chung".encode()
    rows = table.to_pylist()
    assert [r["response_id"] for r in rows] == [str(r.uuid) for r in made]
    assert rows[0]["sources__zalo"] == 1.0 and rows[0]["age"] == "18-34" and rows[2]["visits"] is None
    assert rows[0]["submitted_at"] == made[0].submitted_at.astimezone(UTC)
    assert rows[3]["weight"] == 3000.0


def test_long_layout_has_a_row_per_answer_in_questionnaire_order(session, answered, tmp_path):
    _, made = answered
    rows = rows_of(session, tmp_path, ExportRequest("xuat-thu", layout="long"))
    assert len(rows) == 7 + 5 + 1 + 3
    first = [(r["question"], r["value"], r["number"]) for r in rows[:7]]
    assert first[:4] == [("overall", "1", 1.0), ("age", "18-34", None), ("sources", "tv zalo", None),
                         ("visits", "3", 3.0)]
    assert [q for q, _, _ in first[4:]] == ["online", LONG_NAME, "why"]
    assert {r["response_id"] for r in rows[:7]} == {str(made[0].uuid)}
    assert rows[12]["value"] == "9" and rows[12]["number"] is None


def test_filters_on_units_statuses_and_days(session, answered, respond, tmp_path):
    campaign, made = answered
    made[1].status = "verified"
    old = respond(campaign, "AG-CD", {"overall": "3"})
    old.submitted_at = datetime(2026, 3, 1, 18, 30, tzinfo=UTC)  # 2 March in Việt Nam
    old.started_at = old.submitted_at - timedelta(minutes=5)
    session.flush()

    def ids(**filters):
        selected = rows_of(session, tmp_path, ExportRequest("xuat-thu", filters=reading.Filters(**filters)))
        return [r["response_id"] for r in selected]

    assert ids(unit_codes=("AG-CD",)) == [str(made[3].uuid), str(old.uuid)]
    assert ids(statuses=("verified",)) == [str(made[1].uuid)]
    day = datetime(2026, 3, 2).date()
    assert ids(first_day=day, last_day=day) == [str(old.uuid)]
    assert ids(last_day=datetime(2026, 3, 1).date()) == []
    assert str(old.uuid) not in ids(first_day=datetime(2026, 3, 3).date())


def test_design_weights_count_the_respondents_in_scope(session, answered, tmp_path):
    rows = rows_of(session, tmp_path, ExportRequest("xuat-thu", weighting="design",
                                                    filters=reading.Filters(unit_codes=("AG-LX",))))
    assert [r["weight"] for r in rows] == [500.0, 500.0, None]  # the third answered only "don't know"
    assert [r["weight_note"] for r in rows] == ["in_scope", "in_scope", "not_rated"]


def test_a_status_the_analysis_leaves_out_has_no_weight(session, answered, respond, tmp_path):
    campaign, _ = answered
    rejected = respond(campaign, "AG-CD", {"overall": "4"})
    rejected.status, rejected.rejection_reason = "rejected", "duplicate"
    session.flush()
    rows = rows_of(session, tmp_path, ExportRequest("xuat-thu", weighting="design"))
    assert [r["weight"] for r in rows[3:]] == [3000.0, None]
    assert rows[4]["weight_note"] == "status_not_analysed"
    chosen = reading.Filters(statuses=("submitted", "rejected"))  # as analysis run --status submitted --status rejected
    rows = rows_of(session, tmp_path, ExportRequest("xuat-thu", weighting="design", filters=chosen))
    assert [r["weight"] for r in rows[3:]] == [1500.0, 1500.0]


def test_design_weights_need_transaction_counts(session, answered, respond, tmp_path):
    respond(answered[0], "AG-SNV", {"overall": "4"})
    with pytest.raises(InvalidInput, match=r"N_h.*AG-SNV"):
        export(session, ExportRequest("xuat-thu", weighting="design"), tmp_path / "x.csv")
    assert list(tmp_path.iterdir()) == []


def test_batches_page_through_every_response_once(session, answered):
    _, made = answered
    selection = reading.Filters().select(session, "xuat-thu")
    batches = list(reading.batches(session, selection, size=3))
    assert [len(b.rows) for b in batches] == [3, 1]
    assert [uuid.UUID(row[1]) for batch in batches for row in batch.rows] == [r.uuid for r in made]
    assert [len(b.answers) for b in batches] == [7 + 5 + 1, 3]
    values, numbers = batches[1].by_key()
    assert values["why"][0].startswith("Chờ lâu") and numbers["visits"] == [12.0]


def test_several_questionnaire_versions_give_the_union_of_questions(session, answered, respond, make_version,
                                                                    tmp_path):
    campaign, _ = answered
    wait = '      - {name: wait, type: integer, label: {vi: "Phút chờ", en: "Minutes waited"}}\n'
    second = make_version(EXPORT_FORM.replace("      - name: why", wait + "      - name: why"))
    campaign.questionnaire_version = second
    session.flush()
    respond(campaign, "AG-LX", {"overall": "4", "wait": "15"})
    rows = rows_of(session, tmp_path, ExportRequest("xuat-thu"))
    assert [r["questionnaire_version"] for r in rows] == [1.0] * 4 + [2.0]
    assert [r["wait"] for r in rows] == [None] * 4 + [15.0]
    assert list(rows[0]).index("wait") < list(rows[0]).index("why")
