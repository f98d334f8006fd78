"""One set of weights: from an exported CSV alone, an independent pandas computation of the shipped
recipe (weighted shares of each item, criteria and elements as means of their parts, the overall
index the mean of its elements) gives the service's own results to 1e-9, design-weighted, raked and
unweighted, campaign-wide and per unit. On PostgreSQL the CSV is written by COPY (csv_copy.py)."""
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest

import forms
from analysis.recipes import load_recipe
from survey import clock
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.exports.operations import ExportRequest, export
from survey.quality.eligibility import eligible
from survey.responses.models import Response
from survey.results import scope
from survey.results.loading import load_campaign, load_subset
from survey.results.report import compute_results
from survey.results.scope import UnitWeights, Weights, analysis_weights, in_scope
from survey.results.weighting import Margins
from tests.results.conftest import ROOT, UNITS, WARDS, answers_for, submit

FORM_TEXT = (ROOT / "forms" / "sipas-2017.yaml").read_text(encoding="utf-8")
FORM = forms.load_definition(FORM_TEXT)
RECIPE = load_recipe("sipas-2017")
MARGINS = Margins({"unit": {"AG-LX": 5000.0, "AG-CD": 2500.0, "AG-LX-MB": 1000.0, "AG-SNV": 2900.0},
                   "doi_tuong": {"ca_nhan": 9000.0, "to_chuc": 2400.0}}, "margins.csv")
RATED = [q.name for q in FORM.questions if q.type == "satisfaction"]
FEEDBACK = [name for name in RATED if name.startswith("gy_")]
"""Element 5 (feedback): answered by those who gave feedback, about 15 %; "không áp dụng" (9) for the others."""


def demo_like_answers(rng: np.random.Generator, latent: float) -> dict[str, str]:
    answers = answers_for(FORM, rng, latent, list(WARDS))
    if rng.random() > 0.15:
        answers |= {name: "9" for name in FEEDBACK if name in answers}
    return answers


@pytest.fixture
def campaign(session, make_unit, make_version):
    """A campaign on the shipped sipas-2017 form, demo-like: unequal N_h and quotas, some respondents
    screened out, feedback rated by a minority, plus a verified response, a rejected one and one
    rating nothing but "don't know"; cells of one response are shown, so nothing is suppressed."""
    units = {"AG": make_unit("AG", "province", name="An Giang")}
    for code, level, parent, *_ in UNITS:
        units[code] = make_unit(code, level, name=f"Đơn vị {code}", parent=units[parent])
    today = clock.today()
    campaign = create_campaign(session, CampaignSpec(
        slug="sipas-test", name="SIPAS 2017", version=make_version(FORM_TEXT), channels=("web", "paper"),
        targets=[Target(units[code], quota=count, transactions=n_h) for code, _, _, n_h, count, _ in UNITS],
        opens_on=today - timedelta(days=10), closes_on=today + timedelta(days=10)))
    rng = np.random.default_rng(20270302)
    for code, _, _, _, count, mean in UNITS:
        for _ in range(count):
            submit(session, campaign, units[code], demo_like_answers(rng, mean + rng.normal(0, 1)))
    rated = next(a for a in iter(lambda: demo_like_answers(rng, 1.0), None) if a["da_nhan_ket_qua"] == "yes")
    _out_of_scope(session, campaign, units, rated)
    campaign.min_cell_size = 1
    session.flush()
    return campaign


def _out_of_scope(session, campaign, units, rated: dict[str, str]) -> None:
    """A verified response (in scope), a rejected one and one answering only "don't know" (both out)."""
    submit(session, campaign, units["AG-CD"], rated).status = "verified"
    rejected = submit(session, campaign, units["AG-LX"], rated)
    rejected.status, rejected.rejection_reason = "rejected", "duplicate"
    submit(session, campaign, units["AG-SNV"], {**rated, **{key: "9" for key in RATED if key in rated}})


def exported(session, tmp_path, weighting: str, margins: Margins | None = None) -> pd.DataFrame:
    """The export as text cells ("" when empty), as any statistics package reads the CSV."""
    out = tmp_path / f"{weighting}.csv"
    export(session, ExportRequest("sipas-test", "csv", weighting=weighting, margins=margins), out)
    return pd.read_csv(out, dtype=str, keep_default_na=False)


def item_score(measure, rows: pd.DataFrame, weights: pd.Series) -> float:
    """0-100 score of one item: the weighted share of positive among valid answers (or the mean score)."""
    cells = rows[measure.question]
    if measure.rule == "share":
        valid = (cells != "") & ~cells.isin(measure.missing)
        return 100 * np.average(cells.isin(measure.positive), weights=weights * valid)
    numbers = pd.to_numeric(cells.replace("", np.nan))
    low, high = measure.bounds
    valid = numbers.between(low, high)
    if measure.rule == "top_box":
        return 100 * np.average(numbers.isin(measure.positive), weights=weights * valid)
    return 100 * (np.average(numbers.fillna(0), weights=weights * valid) - low) / (high - low)


def node_score(node, rows: pd.DataFrame, weights: pd.Series) -> float:
    """A node's score from its own items or from its children's scores, as its `combine` says."""
    if node.combine == "own_item":
        return item_score(node.items[0], rows, weights)
    parts = node.items or node.children
    scores = [item_score(p, rows, weights) if node.items else node_score(p, rows, weights) for p in parts]
    if node.combine == "weighted_mean":
        return float(np.average(scores, weights=[p.weight for p in parts]))
    return float(np.mean(scores))


def in_scope_by_rule(rows: pd.DataFrame) -> pd.Series:
    """The scope written out: analysed status and at least one rating 1-5."""
    ratings = rows[RATED].apply(lambda column: pd.to_numeric(column.replace("", np.nan)).between(1, 5))
    return rows["status"].isin(["submitted", "verified"]) & ratings.any(axis=1)


@pytest.mark.parametrize("weighting, method, margins", [("design", "design", None), ("raked", "rake", MARGINS)])
def test_an_export_reproduces_the_service_results(session, campaign, tmp_path, weighting, method, margins):
    rows = exported(session, tmp_path, weighting, margins)
    weighted = rows["weight"] != ""
    assert weighted.tolist() == in_scope_by_rule(rows).tolist() and 0 < weighted.sum() < len(rows) - 2
    assert set(rows.loc[~weighted, "weight_note"]) == {"not_rated", "status_not_analysed"}
    scope = rows[weighted]
    weights, ones = scope["weight"].astype(float), pd.Series(1.0, index=scope.index)
    results = compute_results(session, campaign, RECIPE, method, margins, by=["unit"]).table
    service = results[results["by"] == "all"].set_index("node")
    for node in RECIPE.nodes():
        assert node_score(node, scope, weights) == pytest.approx(service.loc[node.id, "estimate"], abs=1e-9)
        assert node_score(node, scope, ones) == pytest.approx(service.loc[node.id, "estimate_unweighted"], abs=1e-9)
    units = results[(results["by"] == "unit") & (results["node"] == RECIPE.overall.id)].set_index("domain")
    for code, mine in scope.groupby("unit_code"):
        assert node_score(RECIPE.overall, mine, weights[mine.index]) == pytest.approx(units.loc[code, "estimate"],
                                                                                     abs=1e-9)


def test_weights_sum_to_the_transactions_of_the_units(session, campaign, tmp_path):
    rows = exported(session, tmp_path, "design")
    totals = rows[rows["weight"] != ""].assign(w=lambda f: f["weight"].astype(float)).groupby("unit_code")["w"].sum()
    assert totals.to_dict() == pytest.approx({t.unit.code: float(t.transactions) for t in campaign.units}, rel=1e-12)


@pytest.mark.parametrize("keys, statuses", [([], ("submitted", "verified")), (["doi_tuong", RATED[0]], ("verified",)),
                                            (["doi_tuong"], ("submitted", "verified", "rejected"))])
def test_the_scope_read_alone_is_the_campaigns_frame_in_scope(session, campaign, keys, statuses):
    """Weighing an export reads only the responses in scope and the margins' questions (a million
    responses in tens of megabytes), into the very frame the analysis weighs."""
    expected = in_scope(session, load_campaign(session, campaign, keys=keys, statuses=statuses))
    found = load_subset(session, campaign, keys, statuses, eligible(campaign))
    pd.testing.assert_frame_equal(found, expected)
    assert 0 < len(found) < session.query(Response).count()


def test_weights_are_looked_up_by_response_id():
    weights = Weights(np.array([2, 5, 9]), np.array([1.5, 2.0, 3.25]))
    assert weights.of([1, 2, 5, 6, 9, 10]) == [None, 1.5, 2.0, None, 3.25, None]
    assert weights.within(2, 9) == ([5, 9], [2.0, 3.25]) and weights.within(0, None) == ([2, 5, 9], [1.5, 2.0, 3.25])
    assert Weights(np.array([], np.int64), np.array([])).of([1]) == [None]


def test_design_weights_are_counted_per_unit_in_sql_not_read_per_response(session, campaign, monkeypatch):
    """n_h by one GROUP BY over the scope: nothing is loaded per response, and the weights are the analysis'."""
    frame = in_scope(session, load_campaign(session, campaign, keys=[]))
    expected = frame["_unit"].map(lambda unit: {t.unit.code: t.transactions for t in campaign.units}[unit]
                                  / (frame["_unit"] == unit).sum())
    monkeypatch.setattr(scope, "load_subset", lambda *arguments: pytest.fail("the scope's frame was read"))
    weights = analysis_weights(session, campaign, "design")
    codes = {t.unit.id: t.unit.code for t in campaign.units}
    assert isinstance(weights, UnitWeights)
    assert {codes[unit]: w for unit, w in weights.by_unit.items()} == dict(zip(frame["_unit"], expected, strict=True))
    unit = next(iter(weights.by_unit))
    assert weights.of([unit, unit], [True, False]) == [weights.by_unit[unit], None]
