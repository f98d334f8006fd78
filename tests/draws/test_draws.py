"""Random draws of dossiers (survey.draws): stratified by unit, reproducible from the seed, made into
invitations linked to the logged draw; replacement draws never repeat a dossier; bad lists refused
naming the row, with nothing written."""
import random

import pytest
from sqlalchemy import func, select

from survey import clock
from survey.accounts.models import AuditEntry
from survey.draws.operations import apply_draw, plan_draw, plan_sizes
from survey.errors import InvalidInput
from survey.invitations.models import Invitation
from survey.invitations.operations import create_invitations
from survey.responses.operations import record_response

SEED = 20261204


def dossier_list(counts: dict[str, int], shuffle: int | None = None) -> str:
    """A list of `count` dossiers per unit code (LX-001 ...), rows shuffled by `shuffle` if given."""
    rows = [f"{code[3:]}-{n:03},{code},2026-10-{1 + n % 28:02}," for code, count in counts.items()
            for n in range(1, count + 1)]
    if shuffle is not None:
        random.Random(shuffle).shuffle(rows)
    return "dossier_code,unit_code,date,field\n" + "\n".join(rows) + "\n"


@pytest.fixture
def campaign(make_unit, make_campaign, session):
    """Two districts: Long Xuyên with a quota of 3, Châu Đốc of 2 (both with N_h)."""
    made = make_campaign("sipas-2026", units=[make_unit("AG-LX"), make_unit("AG-CD")])
    for target, quota in zip(sorted(made.units, key=lambda t: t.unit.code != "AG-LX"), (3, 2), strict=True):
        target.quota = quota
    session.flush()
    return made


def drawn(plan) -> dict[str, list[str]]:
    return {stratum.code: [d.code for d in stratum.drawn] for stratum in plan.strata}


def draw(session, campaign, text, seed=SEED, sizes=None, replacement=False):
    plan = plan_draw(session, campaign, text, seed, sizes, replacement)
    return apply_draw(session, plan, None, clock.now(), None)


def test_each_unit_draws_its_quota_and_each_dossier_drawn_is_invited_by_the_logged_draw(session, campaign):
    text = dossier_list({"AG-LX": 20, "AG-CD": 10})
    logged, created = draw(session, campaign, text)
    by_unit = {code: [i.dossier_code for i in created if i.unit.code == code] for code in ("AG-LX", "AG-CD")}
    assert [len(by_unit["AG-LX"]), len(by_unit["AG-CD"])] == [3, 2]
    assert all(code.startswith("LX-") for code in by_unit["AG-LX"]) and all(i.draw_id == logged.id for i in created)
    assert (logged.seed, logged.list_rows, logged.replacement, logged.drawn_by_id) == (SEED, 30, False, None)
    assert len(logged.list_checksum) == 64 and logged.sizes == {
        "AG-CD": {"listed": 10, "excluded": 0, "drawn": 2}, "AG-LX": {"listed": 20, "excluded": 0, "drawn": 3}}
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "dossiers_drawn")).one()
    assert entry.subject == "campaign sipas-2026" and entry.details["seed"] == SEED
    assert entry.details["invitations"] == 5 and entry.details["list_rows"] == 30


def test_the_same_list_and_seed_give_the_same_draw_whatever_the_order_of_the_rows(session, campaign):
    counts = {"AG-LX": 40, "AG-CD": 30}
    first = plan_draw(session, campaign, dossier_list(counts), SEED, None)
    again = plan_draw(session, campaign, dossier_list(counts, shuffle=7).replace("\n", "\r\n"), SEED, None)
    other = plan_draw(session, campaign, dossier_list(counts), SEED + 1, None)
    assert drawn(first) == drawn(again) and first.listing.checksum != again.listing.checksum
    assert drawn(other) != drawn(first)


def test_a_draw_is_a_random_choice_every_dossier_may_be_drawn(session, campaign):
    text = dossier_list({"AG-LX": 10})
    chosen = {drawn(plan_draw(session, campaign, text, seed, 1))["AG-LX"][0] for seed in range(200)}
    assert len(chosen) == 10


def test_a_replacement_draw_never_repeats_a_dossier_of_an_earlier_draw_nor_one_invited(session, campaign):
    text = dossier_list({"AG-LX": 11, "AG-CD": 9})
    units = {target.unit.code: target.unit for target in campaign.units}
    create_invitations(session, campaign, units["AG-LX"], ["LX-001"], None, clock.now())
    _, first = draw(session, campaign, text, sizes=4)
    _, second = draw(session, campaign, text, sizes=3, replacement=True)  # the same seed: no help
    _, third = draw(session, campaign, text, seed=SEED + 9, sizes={"AG-LX": 3}, replacement=True)
    codes = [i.dossier_code for i in first + second + third]
    assert len(codes) == len(set(codes)) == 17 and "LX-001" not in codes
    invited = select(func.count()).select_from(Invitation).where(Invitation.dossier_code.like("LX-%"))
    assert session.scalar(invited) == 11
    with pytest.raises(InvalidInput) as refused:  # every dossier of Long Xuyên is invited now
        plan_draw(session, campaign, text, SEED, {"AG-LX": 1}, replacement=True)
    assert [str(p) for p in refused.value.problems] == [
        "unit 'AG-LX': a sample of 1 is larger than the 0 dossiers listed and not yet invited"]


def test_by_default_a_replacement_draw_replaces_each_unanswered_dossier_of_the_first_draw(session, campaign,
                                                                                         make_submission):
    text = dossier_list({"AG-LX": 20, "AG-CD": 10})
    _, created = draw(session, campaign, text)
    answered = next(i for i in created if i.unit.code == "AG-LX")
    response, _ = record_response(session, make_submission(campaign, unit=answered.unit), clock.today())
    answered.used_at, answered.response_id = clock.now(), response.id
    session.flush()
    replaced = plan_draw(session, campaign, text, SEED + 1, None, replacement=True)
    assert {code: len(codes) for code, codes in drawn(replaced).items()} == {"AG-LX": 2, "AG-CD": 2}


def test_a_unit_drawn_already_is_drawn_again_only_as_a_replacement(session, campaign):
    text = dossier_list({"AG-LX": 20, "AG-CD": 10})
    logged, _ = draw(session, campaign, text, sizes={"AG-LX": 3})
    with pytest.raises(InvalidInput) as refused:
        plan_draw(session, campaign, text, SEED, None)
    assert [str(p) for p in refused.value.problems] == [
        f"unit 'AG-LX' was drawn already (draw {logged.id}): a further draw is a replacement draw"]
    assert drawn(plan_draw(session, campaign, text, SEED, {"AG-CD": 2}))["AG-CD"]


def test_a_plan_gives_the_size_of_each_unit_its_invite_column_first(session, campaign):
    plan = "unit_code,transactions,rule_n,n,invite,margin\nAG-LX,1000,278,4,6,0.4\nAG-CD,500,218,1,2,0.9\n"
    assert plan_sizes(campaign, plan) == {"AG-LX": 6, "AG-CD": 2}
    assert plan_sizes(campaign, "unit_code,n\nAG-CD,5\n") == {"AG-CD": 5}


@pytest.mark.parametrize(("plan", "problem"), [
    ("unit_code,n\nAG-XX,5\n", "plan, row 2: unit 'AG-XX' is not surveyed by campaign 'sipas-2026'"),
    ("unit_code,n\nAG-CD,5\nAG-CD,6\n", "plan, row 3: unit 'AG-CD' repeats row 2"),
    ("unit_code,n\nAG-CD,-5\n", "plan, row 2, n: '-5' is not a whole number ≥ 0"),
    ("unit_code,size\nAG-CD,5\n", "plan, row 1: missing column 'n'"),
])
def test_a_bad_plan_is_refused_naming_its_row(session, campaign, plan, problem):
    with pytest.raises(InvalidInput) as refused:
        plan_sizes(campaign, plan)
    assert [str(p) for p in refused.value.problems] == [problem]


def test_a_plan_size_of_more_digits_than_int_reads_is_refused_naming_its_row(session, campaign):
    with pytest.raises(InvalidInput) as refused:
        plan_sizes(campaign, "unit_code,n\nAG-CD," + "9" * 5000 + "\n")
    assert [str(p) for p in refused.value.problems] == [f"plan, row 2, n: '{'9' * 20}' is not a whole number ≥ 0"]
