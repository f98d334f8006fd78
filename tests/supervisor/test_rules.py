"""Each quality rule, with a case that trips it and one that does not, and its thresholds
changed per call."""
from datetime import UTC, datetime, timedelta

import pytest

import forms
from survey.quality.rules import Facts, Thresholds, context, findings, median_seconds, normal_serial, shared_serials
from tests.supervisor.conftest import ITEMS, REVIEW_FORM, VARIED

DEFINITION = forms.load_definition(REVIEW_FORM)
START = datetime(2027, 3, 1, 8, tzinfo=UTC)


def facts(seconds=600, channel="web", answers=None, **fields) -> Facts:
    return Facts(1, channel, START, START + timedelta(seconds=seconds), answers=VARIED if answers is None else answers,
                 **fields)


def rules_of(item: Facts, median: float | None = None, serials=frozenset(), **thresholds) -> dict[str, dict]:
    chosen = Thresholds(**thresholds)
    found = findings(item, context(DEFINITION, chosen, median, serials), chosen)
    return {finding.rule: dict(finding.figures) for finding in found}


def test_a_varied_timed_response_trips_nothing():
    assert rules_of(facts(), median=900) == {}


def test_too_short_against_a_third_of_the_median_and_the_absolute_minimum():
    assert rules_of(facts(seconds=299), 900) == {"too_short": {"seconds": 299, "limit": 300}}
    assert rules_of(facts(seconds=300), 900) == {}
    assert rules_of(facts(seconds=59)) == {"too_short": {"seconds": 59, "limit": 60}}  # no median yet
    assert rules_of(facts(seconds=400), 900, short_fraction=0.5) == {"too_short": {"seconds": 400, "limit": 450}}
    assert rules_of(facts(seconds=59), short_minimum_seconds=30) == {}


def test_too_short_reads_the_seconds_per_page_when_the_web_form_measured_them():
    found = rules_of(facts(seconds=600, page_seconds={"a": 20, "b": 25.5}))
    assert found == {"too_short": {"seconds": 45, "limit": 60}}


def test_too_short_never_shows_the_duration_equal_to_its_threshold():
    """170.6 s under a threshold of 171.3 s (a third of a 513.9 s median) read "171 giây, dưới ngưỡng 171"."""
    found = rules_of(facts(page_seconds={"a": 170.6}), median=513.9)["too_short"]
    assert found == {"seconds": 170, "limit": 172}


def test_paper_is_not_timed_unless_asked():
    assert rules_of(facts(seconds=5, channel="paper")) == {}
    assert "too_short" in rules_of(facts(seconds=5, channel="paper"), timed_channels=("paper",))


def test_the_median_needs_enough_timed_responses():
    assert median_seconds([100, 300, 200], Thresholds(median_minimum_responses=3)) == 200
    assert median_seconds([100, 300, 200], Thresholds(median_minimum_responses=4)) is None


def test_straight_lining_needs_the_same_answer_on_at_least_eight_answered_items():
    same = {key: value for key, value in VARIED.items() if key != "why"} | dict.fromkeys(ITEMS, "4")
    assert rules_of(facts(answers=same)) == {"straight_lining": {"items": 9, "value": "4"}}
    one_differs = same | {"hl_9": "5"}
    assert "straight_lining" not in rules_of(facts(answers=one_differs))
    seven = {key: value for key, value in same.items() if key not in ("hl_8", "hl_9")}
    assert "straight_lining" not in rules_of(facts(answers=seven))
    assert rules_of(facts(answers=seven), straight_minimum_items=7) == {"straight_lining": {"items": 7, "value": "4"}}
    dont_know_ignored = same | {"hl_9": "9"}  # 8 rated items, all 4
    assert rules_of(facts(answers=dont_know_ignored))["straight_lining"] == {"items": 8, "value": "4"}


def test_many_dont_know_above_the_share_of_the_items_offering_it():
    # ten items offer "không biết": posted (khong_biet) and the nine satisfaction items (9)
    three = VARIED | {"hl_2": "9", "hl_3": "9", "posted": "khong_biet"}
    assert "many_dont_know" not in rules_of(facts(answers=three))  # 3 of 10 is not above 30 %
    four = three | {"hl_4": "9"}
    assert rules_of(facts(answers=four)) == {"many_dont_know": {"count": 4, "items": 10, "percent": 40}}
    assert "many_dont_know" not in rules_of(facts(answers=four), dont_know_share=0.4)
    few = {"sex": "male", "hl_1": "9", "hl_2": "9"}
    assert "many_dont_know" not in rules_of(facts(answers=few))  # 2 items: too few to judge
    assert "many_dont_know" in rules_of(facts(answers=few), dont_know_minimum_items=2)


@pytest.mark.parametrize("a, b", [("A-0012", "a-12"), ("0012", "12"), ("12 34", "1234"), (" 7 ", "007")])
def test_serials_differing_by_spaces_leading_zeros_or_case_are_the_same(a, b):
    assert normal_serial(a) == normal_serial(b)
    assert shared_serials([a, b, "99"]) == {normal_serial(a)}


def test_duplicate_serial_trips_only_the_serials_held_twice():
    serials = shared_serials(["0012", "12", "13"])
    found = rules_of(facts(channel="paper", paper_serial="0012"), serials=serials)
    assert found == {"duplicate_serial": {"serial": "12"}}
    assert rules_of(facts(channel="paper", paper_serial="13"), serials=serials) == {}
    assert shared_serials(["12", "120", "1 2 0"]) == {"120"}


def test_the_stored_burst_flags_are_reported():
    assert rules_of(facts(flag="burst_device")) == {"burst_device": {}}
    assert rules_of(facts(flag="burst_unit")) == {"burst_unit": {}}
