"""A calculate is stored as the server computes it, whatever an API client sent for it (issue 17)."""
import pytest

from tests.api.test_responses import body
from tests.public.test_calculate_pages import CASCADE


@pytest.fixture
def cascade(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("tang", units=[make_unit("AG-LX")], version=make_version(CASCADE))
    session.commit()
    return campaign


def test_the_server_computes_the_calculate_of_an_api_response(api, cascade):
    answers = {"age": "70", "region": "north", "pension": "yes", "province": "hn"}
    stored = api.post("/responses", body(campaign="tang", answers=answers))
    assert stored.status_code == 201, stored.get_json()
    assert stored.get_json()["answers"] == answers | {"older": "yes"}


def test_a_calculate_sent_by_the_client_is_replaced_by_the_servers(api, cascade):
    answers = {"age": "30", "region": "south", "province": "ag", "older": "yes"}
    stored = api.post("/responses", body(campaign="tang", answers=answers))
    assert stored.status_code == 201, stored.get_json()
    assert stored.get_json()["answers"]["older"] == "no"

