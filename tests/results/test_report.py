"""Results of a generated SIPAS campaign, checked against the library applied by hand."""
import numpy as np
import pandas as pd
import pytest

from analysis import Design, rake
from analysis.indices import estimate_indices
from analysis.recipes import load_recipe, recipe_from_text
from survey.errors import InvalidInput
from survey.results.loading import load_campaign
from survey.results.report import compute_results
from survey.results.weighting import Margins
from tests.results.conftest import UNITS

SIPAS, CRITERIA = load_recipe("sipas-local"), load_recipe("sipas-local-criteria")
N_H = {code: n_h for code, _, _, n_h, _, _ in UNITS}


def by_hand(session, campaign) -> pd.DataFrame:
    """The in-scope responses with w_h = N_h / n_h and N_h, built without survey.results.weighting."""
    frame = load_campaign(session, campaign).frame
    scope = frame[frame["da_nhan_ket_qua"] == "yes"].copy()  # the generated screened-out have no assessment
    n_h = scope["_unit"].value_counts()
    scope["w"] = scope["_unit"].map(lambda u: N_H[u] / n_h[u])
    scope["N"] = scope["_unit"].map(N_H).astype(float)
    return scope


def test_design_weighted_and_unweighted_results_equal_the_library_by_hand(session, sipas_campaign):
    results = compute_results(session, sipas_campaign, SIPAS, "design", by=["unit"])
    scope = by_hand(session, sipas_campaign)
    assert list(results.scope.index) == list(scope.index)
    weighted = estimate_indices(Design(scope, weights="w", strata="_unit", fpc="N"), SIPAS, by="_unit", deff=True)
    plain = estimate_indices(Design(scope), SIPAS, by="_unit")
    table = results.table[results.table["by"] == "unit"].set_index(["node", "domain"])
    for column in ("estimate", "se", "ci_low", "ci_high", "n", "n_min", "effective_n", "points"):
        assert table[column].to_numpy() == pytest.approx(weighted[column].to_numpy(), nan_ok=True), column
    assert table["estimate_unweighted"].to_numpy() == pytest.approx(plain["estimate"].to_numpy(), nan_ok=True)
    assert table["deff"].to_numpy() == pytest.approx(weighted["deff"].to_numpy(), nan_ok=True)  # R's deff
    overall = results.table[results.table["by"] == "all"].set_index("node")
    shares = [np.average(scope[q].isin([4, 5]), weights=scope.w * scope[q].between(1, 5))
              for q in ("hl_tc", "hl_tt", "hl_cc", "hl_kq", "hl_gy")]
    assert overall.loc["sipas", "estimate"] == pytest.approx(100 * np.mean(shares), rel=1e-12)
    unweighted = [scope[q].dropna().isin([4, 5]).mean() for q in ("hl_tc", "hl_tt", "hl_cc", "hl_kq", "hl_gy")]
    assert overall.loc["sipas", "estimate_unweighted"] == pytest.approx(100 * np.mean(unweighted), rel=1e-12)


def test_districts_take_their_communes_and_levels_are_named(session, sipas_campaign):
    results = compute_results(session, sipas_campaign, CRITERIA, "design", by=["district", "level"])
    scope = results.scope
    district = results.level("overall", "district").set_index("domain")
    assert district.loc["AG-LX", "n"] == scope["_unit"].isin(["AG-LX", "AG-LX-MB"]).sum() - \
        scope.loc[scope["_unit"].isin(["AG-LX", "AG-LX-MB"]), "hl_chung"].isna().sum()
    assert set(district.index) == {"AG-LX", "AG-CD", "AG-SNV"}
    level = results.level("element", "level")
    assert set(level["domain"]) == {"district", "commune", "department"}
    assert set(level["domain_name"]) == {"Cấp huyện", "Cấp xã", "Sở, ban, ngành"}
    assert results.level("criterion", "level")["label"].iloc[0] == "Có khu vực ngồi chờ"


def test_cells_below_the_campaigns_minimum_are_suppressed(session, sipas_campaign):
    sipas_campaign.min_cell_size = 45
    results = compute_results(session, sipas_campaign, SIPAS, "none", by=["unit"])
    table = results.table
    assert (table["suppressed"] == (table["n_min"] < 45)).all()
    assert table["suppressed"].any() and not table["suppressed"].all()
    assert "estimate_unweighted" not in table.columns and results.unweighted is None


def test_raked_results_equal_rake_by_hand(session, sipas_campaign):
    sex = {"nam": 6000.0, "nu": 5400.0}
    levels = {"district": 7500.0, "commune": 900.0, "department": 3000.0}
    margins = Margins({"gioi_tinh": sex, "level": levels}, "margins.csv")
    results = compute_results(session, sipas_campaign, SIPAS, "rake", margins=margins)
    scope = by_hand(session, sipas_campaign)
    scope["gioi_tinh"] = scope["gioi_tinh"].cat.remove_unused_categories()
    raked = rake(Design(scope, weights="w", strata="_unit", fpc="N"), {"gioi_tinh": sex, "_level": levels})
    expected = estimate_indices(raked, SIPAS)
    assert results.table["estimate"].to_numpy() == pytest.approx(expected["estimate"].to_numpy(), rel=1e-9)
    assert results.table["se"].to_numpy() == pytest.approx(expected["se"].to_numpy(), rel=1e-9)
    assert results.weighting.design.weights.sum() == pytest.approx(11400.0)


def test_what_does_not_fit_the_campaign_is_listed(session, sipas_campaign):
    other = recipe_from_text(SIPAS.source.replace("form: sipas", "form: other")
                             .replace("question: hl_tc", "question: hl_x"))
    with pytest.raises(InvalidInput) as caught:
        compute_results(session, sipas_campaign, other, "design", by=["province"], language="fr")
    problems = [str(p) for p in caught.value.problems]
    assert problems[:2] == ["unknown --by 'province' (one of unit, district, level)",
                            "unknown language 'fr' (vi or en)"]
    assert any("[form_mismatch]" in p for p in problems) and any("no question named 'hl_x'" in p for p in problems)
