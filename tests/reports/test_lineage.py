"""Reports across a reorganisation: two communes merged (and one split) between Q2 and Q3 2026; the
comparison of the new units pools the old units' earlier responses with their own weights, the report
says so, and nothing about the Q2 campaign changes."""
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select

from analysis.indices import estimate_indices
from analysis.recipes import load_recipe
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.reports.build import build_report
from survey.reports.gather import _pooled, gather
from survey.reports.periods import Period
from survey.reports.text import flag_texts
from survey.results.weighting import weigh
from survey.units.models import Unit
from survey.units.reorganise import apply_reorganisation
from tests.reports.conftest import quarter_dates
from tests.results.conftest import SIPAS, SIPAS_TEXT, add_wards, answers_for, submit

Q2, Q3 = Period("quarterly", 2026, 2), Period("quarterly", 2026, 3)
RECIPE = load_recipe("sipas-local")
# quarter -> (unit code, respondents, latent mean, N_h)
PLAN = {2: (("OLD-A", 30, 1.0, 4000), ("OLD-B", 30, -0.8, 1000), ("OLD-S", 30, 0.2, 2000), ("AG-LX", 30, 0.0, 3000)),
        3: (("NEW-C", 40, 0.0, 5000), ("NEW-S1", 30, 0.0, 1200), ("NEW-S2", 30, 0.0, 800), ("AG-LX", 30, 0.0, 3000))}
MOVES = "kind,old,new,effective_on,shares\nmerge,OLD-A OLD-B,NEW-C,2026-07-01,\nsplit,OLD-S,NEW-S1 NEW-S2,2026-07-01,\n"


@pytest.fixture
def reorganised(session, make_unit, make_version):
    province = make_unit("AG", "province")
    district = make_unit("AG-LX", "district", parent=province)
    residence = [add_wards(session, province)[0].code]  # where every respondent lives
    units = {code: make_unit(code, "commune", parent=district if code.startswith("OLD") else province)
             for plan in PLAN.values() for code, *_ in plan if code != "AG-LX"} | {"AG-LX": district}
    version = make_version(SIPAS_TEXT)
    rng = np.random.default_rng(14)
    for quarter, plan in PLAN.items():
        first, last = quarter_dates(quarter)
        campaign = create_campaign(session, CampaignSpec(
            slug=f"q{quarter}", name=f"Quý {quarter}", version=version, channels=("web",), opens_on=first,
            closes_on=last, min_cell_size=10,
            targets=[Target(units[c], quota=n, transactions=t) for c, n, _, t in plan]))
        for code, count, mean, _ in plan:
            for _ in range(count):
                submit(session, campaign, units[code], answers_for(SIPAS, rng, mean + rng.normal(0, 1), residence),
                       "web", last)
    session.commit()  # as tests/reports/conftest.py: read back in full on both databases
    return session


def test_the_merged_unit_is_compared_with_its_old_units_pooled(reorganised):
    session = reorganised
    before = gather(session, Q2, RECIPE)
    apply_reorganisation(session, MOVES, date(2026, 11, 17), None)
    report = build_report(session, Q3, None, RECIPE)
    previous = report.previous.table.set_index(["domain", "node"])
    frame, transactions = _pooled(session, list(_campaigns(session, "q2")), RECIPE, ("submitted",))
    frame["pooled"] = frame["_code"].map({"OLD-A": "NEW-C", "OLD-B": "NEW-C"})
    expected = estimate_indices(weigh(frame, "design", transactions).design, RECIPE, by="pooled", min_cell_size=10)
    assert previous.loc[("NEW-C", "sipas"), "estimate"] == pytest.approx(expected.loc[("sipas", "NEW-C"), "estimate"],
                                                                        abs=1e-9)
    assert previous.loc[("NEW-C", "sipas"), "n"] == expected.loc[("sipas", "NEW-C"), "n"] > 50
    assert ("OLD-A", "sipas") not in previous.index
    for part in ("NEW-S1", "NEW-S2"):  # each part of a split is compared with the whole old unit
        assert previous.loc[(part, "sipas"), "estimate"] == pytest.approx(  # the same sums in another order
            before.table.set_index(["domain", "node"]).loc[("OLD-S", "sipas"), "estimate"], abs=1e-9)
    unchanged = report.indices  # the province row is the same with or without the mapping
    assert unchanged.set_index("node").loc["sipas", "previous"] == pytest.approx(
        before.table.set_index(["domain", "node"]).loc[("", "sipas"), "estimate"], abs=1e-12)
    ranked = report.ranking.set_index("unit")
    assert ranked.loc["NEW-C", "change"] == pytest.approx(
        ranked.loc["NEW-C", "estimate"] - previous.loc[("NEW-C", "sipas"), "estimate"], abs=1e-9)
    assert ("flag_merged_from", {"unit": "NEW-C", "units": "OLD-A, OLD-B"}) in report.flags
    assert ("flag_split_from", {"unit": "NEW-S1", "units": "OLD-S"}) in report.flags
    texts = flag_texts(report, "vi") + flag_texts(report, "en")
    assert any("gộp từ OLD-A, OLD-B" in text for text in texts)
    assert any("merged from OLD-A, OLD-B" in text for text in texts)


def test_a_unit_report_says_where_its_comparison_comes_from(reorganised):
    apply_reorganisation(reorganised, MOVES, date(2026, 11, 17), None)
    report = build_report(reorganised, Q3, "NEW-C", RECIPE, language="en")
    assert report.indices.set_index("node").loc["sipas", "previous"] == report.indices.set_index("node").loc[
        "sipas", "previous"]  # compared, not NaN
    assert [key for key, _ in report.flags if key.endswith("_from")] == ["flag_merged_from"]
    assert not any(key == "flag_not_in_previous" for key, _ in report.flags)


def test_without_the_reorganisation_the_new_unit_has_no_previous_period(reorganised):
    report = build_report(reorganised, Q3, "NEW-C", RECIPE)
    assert any(key == "flag_not_in_previous" for key, _ in report.flags)


def test_the_old_campaign_is_untouched(reorganised):
    session = reorganised
    before = gather(session, Q2, RECIPE)
    apply_reorganisation(session, MOVES, date(2026, 11, 17), None)
    session.expire_all()
    after = gather(session, Q2, RECIPE)
    assert after.table.equals(before.table) and after.counts.equals(before.counts)
    (old,) = _campaigns(session, "q2")
    assert sorted(target.unit.code for target in old.units) == ["AG-LX", "OLD-A", "OLD-B", "OLD-S"]
    assert not session.scalar(select(Unit).where(Unit.code == "OLD-A")).active


def _campaigns(session, slug):
    from survey.campaigns.models import Campaign
    return list(session.scalars(select(Campaign).where(Campaign.slug == slug)))
