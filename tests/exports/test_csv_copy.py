"""CSV on PostgreSQL is written by the server (csv_copy.py): byte for byte the file the Python path
(Arrow) writes from the same responses, in every layout, weighting and filter, in batches."""
import pytest
from sqlalchemy import select

from survey.exports import csv_copy
from survey.exports.operations import ExportRequest, plan_export, write_batches, write_rows
from survey.exports.reading import Filters
from survey.responses.models import Response
from survey.results.weighting import Margins
from tests.clock import TODAY
from tests.exports.conftest import EXPORT_FORM, TRICKY_TEXTS


@pytest.fixture
def postgresql(session):
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("COPY is PostgreSQL's")


@pytest.fixture
def varied(session, answered, respond, make_version, set_answer):
    """The answered campaign, plus a second version with a new question, a paper response whose
    serial starts a formula, every tricky text and a don't-know."""
    campaign, _ = answered
    wait = '      - {name: wait, type: decimal, label: {vi: "Phút chờ", en: "Minutes waited"}}\n'
    second = make_version(EXPORT_FORM.replace("      - name: why", wait + "      - name: why"))
    campaign.questionnaire_version = second
    session.flush()
    respond(campaign, "AG-CD", {"overall": "1", "wait": "2.5", "age": "35-up", "sources": "web.portal zalo"},
            channel="paper", paper_serial="-0042")
    for number, text in enumerate(TRICKY_TEXTS):  # stored as old data or another entry path could have them
        response = respond(campaign, ("AG-LX", "AG-CD")[number % 2],
                           {"overall": "2", "why": "x", "wait": str(1000000 + number), "age": "18-34"})
        set_answer(response, "why", text)
    respond(campaign, "AG-SNV", {"overall": "9", "wait": "0.001"})
    return campaign


def both(session, tmp_path, request: ExportRequest, **bounds) -> tuple[bytes, bytes, int]:
    """The server's file and the Python path's, and the rows written."""
    plan = plan_export(session, request)
    rows = csv_copy.write_copy(plan, session, tmp_path / "copy.csv", **bounds)
    assert write_batches(plan, session, tmp_path / "arrow.csv", **bounds) == rows
    return (tmp_path / "copy.csv").read_bytes(), (tmp_path / "arrow.csv").read_bytes(), rows


@pytest.mark.parametrize("layout", ["wide", "long"])
@pytest.mark.parametrize("weighting, filters", [
    ("none", Filters()),
    ("none", Filters(unit_codes=("AG-CD", "AG-SNV"), first_day=TODAY)),
    ("design", Filters(unit_codes=("AG-LX", "AG-CD"), statuses=("submitted",))),
])
def test_the_server_writes_the_file_python_writes(session, postgresql, varied, tmp_path, layout, weighting, filters):
    request = ExportRequest("xuat-thu", "csv", layout, weighting, bom=True, filters=filters)
    server, python, rows = both(session, tmp_path, request)
    assert server == python and rows >= 5
    assert b"\r\n" not in server
    if filters == Filters():
        assert "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"".encode() in server and b"\"'-0042\"" in server


def test_raked_weights_are_the_same_per_response(session, postgresql, varied, tmp_path):
    margins = Margins({"unit": {"AG-LX": 1200.0, "AG-CD": 2800.0}, "channel": {"web": 3500.0, "paper": 500.0}}, "test")
    request = ExportRequest("xuat-thu", "csv", weighting="raked", margins=margins,
                            filters=Filters(unit_codes=("AG-LX", "AG-CD")))
    server, python, rows = both(session, tmp_path, request)
    assert server == python and rows == 12


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_the_server_says_why_a_response_has_no_weight(session, postgresql, varied, tmp_path, layout):
    rejected = session.scalars(select(Response).where(Response.campaign_id == varied.id).order_by(Response.id)).first()
    rejected.status, rejected.rejection_reason = "rejected", "duplicate"
    session.flush()
    server, python, _ = both(session, tmp_path, ExportRequest("xuat-thu", "csv", layout, "design"))
    assert server == python
    assert all(f'"{note}"'.encode() in server for note in ("in_scope", "not_rated", "status_not_analysed"))


def response_ids(session, campaign) -> list[int]:
    return session.scalars(select(Response.id).where(Response.campaign_id == campaign.id).order_by(Response.id)).all()


def test_batches_and_bounds_give_the_same_rows_and_report_progress(session, postgresql, varied, tmp_path,
                                                                    monkeypatch):
    request = ExportRequest("xuat-thu", "csv")
    whole, _, total = both(session, tmp_path, request)
    monkeypatch.setattr(csv_copy, "BATCH_SIZE", 3)
    seen = []
    assert write_rows(plan_export(session, request), session, tmp_path / "batched.csv", progress=seen.append) == 13
    assert (tmp_path / "batched.csv").read_bytes() == whole and seen == [3, 6, 9, 12, 13]
    fourth = response_ids(session, varied)[3]
    head, _, first = both(session, tmp_path, request, upto=fourth)
    tail, _, rest = both(session, tmp_path, request, header=False, after=fourth)
    assert (first, first + rest) == (4, total) and head + tail == whole


def test_ranges_cover_the_selection_in_batches(session, varied, monkeypatch):
    monkeypatch.setattr(csv_copy, "BATCH_SIZE", 4)
    plan = plan_export(session, ExportRequest("xuat-thu", "csv"))
    ids = response_ids(session, varied)
    assert len(ids) == 13
    assert list(csv_copy.ranges(session, plan, 0, None)) == [(0, ids[3]), (ids[3], ids[7]), (ids[7], ids[11]),
                                                              (ids[11], None)]
    assert list(csv_copy.ranges(session, plan, ids[1], ids[6])) == [(ids[1], ids[5]), (ids[5], ids[6])]


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_negative_numbers_stay_plain_and_full_width_starts_are_quoted(session, postgresql, answered, set_answer,
                                                                      tmp_path, layout):
    first, second = answered[1][0], answered[1][3]
    set_answer(first, "visits", "-3", -3.0)
    set_answer(first, "why", "＝1+1")
    set_answer(second, "visits", "-2.5", -2.5)
    set_answer(second, "why", "＠SUM(A1)")
    server, python, _ = both(session, tmp_path, ExportRequest("xuat-thu", "csv", layout))
    assert server == python
    assert "\"'＝1+1\"".encode() in server and "\"'＠SUM(A1)\"".encode() in server
    negative = (b'"visits",0,"-3"', b'"visits",0,"-2.5"') if layout == "long" else (b",-3,", b",-2.5,")
    assert all(cell in server for cell in negative), server.decode()
