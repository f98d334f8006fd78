"""A campaign's responses as a DataFrame: one query, one row per response, typed answer columns."""
import numpy as np
import pandas as pd
import pytest
from sqlalchemy import event, select

from survey import db
from survey.errors import InvalidInput
from survey.responses.models import Answer, Response
from survey.results.loading import load_campaign
from tests.results.conftest import SCREENED_OUT, UNITS


def test_one_row_per_response_with_unit_level_district_and_channel(session, sipas_campaign):
    frame = load_campaign(session, sipas_campaign).frame
    assert len(frame) == sum(count for *_, count, _ in UNITS) == session.query(Response).count()
    assert frame.index.is_unique and frame.index.name == "response_id"
    by_unit = frame.groupby("_unit")[["_level", "_district"]].first()
    assert by_unit.to_dict("index") == {
        "AG-LX": {"_level": "district", "_district": "AG-LX"},
        "AG-CD": {"_level": "district", "_district": "AG-CD"},
        "AG-LX-MB": {"_level": "commune", "_district": "AG-LX"},   # a commune: its district
        "AG-SNV": {"_level": "department", "_district": "AG-SNV"},  # a department: itself
    }
    assert set(frame["_channel"]) == {"web", "paper"} and set(frame["_status"]) == {"submitted"}


def test_answer_columns_equal_the_stored_answers(session, sipas_campaign):
    frame = load_campaign(session, sipas_campaign).frame
    stored = pd.DataFrame(session.execute(select(Answer.response_id, Answer.question_key, Answer.value,
                                                 Answer.number)).all(), columns=["id", "key", "value", "number"])
    for key in ("hl_tc", "hl_chung", "tt_so_lan_di_lai"):
        numbers = stored[stored.key == key].set_index("id")["number"]
        assert frame[key].dtype == np.float64
        assert frame[key].reindex(numbers.index).equals(numbers.astype("float64"))
    nine = stored[(stored.key == "hl_kq") & (stored.value == "9")].id
    assert len(nine) and frame.loc[nine, "hl_kq"].isna().all()  # don't know is blank
    for key in ("tt_4", "tc_1", "kv_cai_thien"):
        values = stored[stored.key == key].set_index("id")["value"]
        assert isinstance(frame[key].dtype, pd.CategoricalDtype)
        assert frame[key].reindex(values.index).astype(object).tolist() == values.tolist()
    assert list(frame["tt_4"].cat.categories) == ["dung", "khong_dung", "khong_phai_nop", "khong_biet"]
    screened = frame["da_nhan_ket_qua"] == "no"
    assert 0 < screened.mean() < 3 * SCREENED_OUT and frame.loc[screened, "hl_chung"].isna().all()


def test_only_the_questions_asked_for(session, sipas_campaign):
    frame = load_campaign(session, sipas_campaign, keys=["hl_chung", "gioi_tinh"]).frame
    assert list(frame.columns) == ["_unit", "_level", "_district", "_channel", "_status", "hl_chung", "gioi_tinh"]
    assert len(frame) == session.query(Response).count()  # responses without those answers stay


def test_statuses_filter_and_rejected_are_left_out_by_default(session, sipas_campaign):
    first, second = session.scalars(select(Response).order_by(Response.id).limit(2))
    first.status, second.status, second.rejection_reason = "verified", "rejected", "duplicate"
    session.flush()
    everyone = session.query(Response).count()
    assert len(load_campaign(session, sipas_campaign).frame) == everyone - 1
    assert list(load_campaign(session, sipas_campaign, statuses=["verified"]).frame.index) == [first.id]
    assert len(load_campaign(session, sipas_campaign, statuses=["rejected", "submitted"]).frame) == everyone - 1


def test_one_sql_query(session, sipas_campaign):
    _ = sipas_campaign.questionnaire_version.definition  # loaded beforehand: the parsed form is cached
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine(), "before_cursor_execute", listener)
    try:
        load_campaign(session, sipas_campaign)
    finally:
        event.remove(db.engine(), "before_cursor_execute", listener)
    assert len(statements) == 1 and "answers" in statements[0]


def test_a_campaign_without_responses_is_an_empty_frame(session, make_campaign, make_version):
    frame = load_campaign(session, make_campaign()).frame
    assert frame.empty and list(frame.columns) == ["_unit", "_level", "_district", "_channel", "_status",
                                                   "overall", "sex", "visits", "why"]


def test_bad_statuses_and_keys_are_listed_together(session, empty_sipas_campaign):
    with pytest.raises(InvalidInput) as caught:
        load_campaign(session, empty_sipas_campaign, keys=["hl_chung", "hl_typo", "loi_chao"], statuses=["sent"])
    assert [str(p) for p in caught.value.problems] == [
        "unknown status 'sent' (one of submitted, verified, rejected)",
        "'hl_typo' is not a question of questionnaire 'sipas'",
        "'loi_chao' is not a question of questionnaire 'sipas'",  # a note has no answer
    ]
    with pytest.raises(InvalidInput, match="at least one status"):
        load_campaign(session, empty_sipas_campaign, statuses=[])
