"""What a reader needs to judge the results: sample, weighting, estimation and the recipe used.

Sections are (title, DataFrame) pairs, written one under the other in the XLSX methodology sheet
and shown on the analyst pages.
"""
import numpy as np
import pandas as pd

from survey.results.loading import META
from survey.results.report import Results
from survey.results.weighting import Margins

ESTIMATION = (
    ("Scores", "top_box: 100 x share of valid answers 4-5 (9 'don't know' is not valid); share: 100 x share of valid "
               "answers in the positive set (the recipe's 'missing' answers are not valid); mean_score: "
               "100 x (mean - low) / (high - low)."),
    ("Combined indices", "A mean or weighted mean of scores is a linear combination of ratio estimators: its SE "
                         "comes from the combined linearised influence values, so covariances between items count."),
    ("Standard errors", "Taylor linearisation with the units as strata, finite population correction 1 - n_h / N_h "
                        "and the calibration adjustment of R's survey package (Lumley 2010)."),
    ("Intervals", "95 % logit intervals (R's svyciprop, method 'logit'): 100 expit(logit p -/+ t se_p / (p (1 - p))) "
                  "with p = index / 100 and Student t with the design's degrees of freedom (respondents - strata); "
                  "for a combined index the delta method on its 0-1 scale. They stay within [0, 100]."),
    ("n, n_min, effective_n", "n: respondents with a valid answer to some item of the node; n_min: valid answers "
                              "of its least answered item; effective_n: Kish (sum w)^2 / sum w^2 over the n "
                              "respondents."),
    ("deff", "Design effect (R's svymean with deff = TRUE): the variance of the estimate under the design over the "
             "variance of a simple random sample of the same size, without replacement (Kish 1965)."),
    ("Scope", "Responses with at least one non-blank answer to a question of the recipe; respondents screened out "
              "before the assessment have none."),
)
WEIGHTING = {
    "none": "Equal weights; a simple random sample (no strata).",
    "design": "w_h = N_h / n_h: N_h the unit's transactions in the campaign targets, n_h its respondents in scope.",
    "poststratify": "Design weights post-stratified to the margins below (R's postStratify).",
    "rake": "Design weights raked to the margins below (iterative proportional fitting, R's rake).",
    "calibrate": "Design weights calibrated to the margins below by raking with the GREG variance of all margins "
                 "jointly (Deville & Särndal 1992, R's calibrate(calfun = \"raking\")).",
}


def methodology(results: Results) -> list[tuple[str, pd.DataFrame]]:
    sections = [("Campaign", _campaign(results)),
                ("Responses in scope by channel", _counts(results.scope, "_channel", "channel")),
                ("Responses in scope by status", _counts(results.scope, "_status", "status")),
                ("Sample by unit", _units(results)), ("Weighting", _weighting(results))]
    if results.weighting.margins is not None:
        sections.append(("Margins", _margins(results, results.weighting.margins)))
    sections += [("Estimation", _pairs(ESTIMATION)), ("Recipe", _recipe(results)),
                 ("Recipe file", pd.DataFrame({"line": results.recipe.source.splitlines()}))]
    return sections


def _pairs(rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["item", "value"])


def _campaign(results: Results) -> pd.DataFrame:
    campaign, version = results.campaign, results.campaign.questionnaire_version
    loaded = len(results.data.frame)
    return _pairs([("campaign", campaign.slug), ("name", campaign.name),
                   ("questionnaire", f"{results.data.definition.id} version {version.number} ({version.content_hash})"),
                   ("statuses", ", ".join(results.data.statuses)), ("responses", loaded),
                   ("responses in scope", len(results.scope)), ("responses out of scope", loaded - len(results.scope)),
                   ("minimum cell size", campaign.min_cell_size),
                   ("suppressed", f"cells whose least answered item has fewer than {campaign.min_cell_size} valid "
                                  "answers are marked suppressed: not for publication")])


def _counts(scope: pd.DataFrame, column: str, name: str) -> pd.DataFrame:
    counts = scope[column].value_counts().sort_index()
    return pd.DataFrame({name: counts.index, "responses": counts.to_numpy()})


def _units(results: Results) -> pd.DataFrame:
    scope, design = results.scope, results.weighting.design
    weights = pd.Series(design.weights, index=scope.index)
    rows = []
    for target in sorted(results.campaign.units, key=lambda t: t.unit.code):
        mine = scope["_unit"] == target.unit.code
        rows.append((target.unit.code, target.unit.name, target.unit.level, target.quota, target.transactions,
                     int(mine.sum()), float(weights[mine].mean()) if mine.any() else np.nan,
                     float(weights[mine].sum())))
    return pd.DataFrame(rows, columns=["unit", "name", "level", "quota", "N_h (transactions)", "n_h (in scope)",
                                       "mean weight", "sum of weights"])


def _weighting(results: Results) -> pd.DataFrame:
    weighting = results.weighting
    design, w = weighting.design, weighting.design.weights
    rows = [("method", weighting.method), ("rule", WEIGHTING[weighting.method]),
            ("effective n (Kish)", design.effective_n()),
            ("design effect of weighting (Kish)", design.deff_weighting()),
            ("weights: min, mean, max", f"{w.min():.4g}, {w.mean():.4g}, {w.max():.4g}"), ("sum of weights", w.sum()),
            ("degrees of freedom", design.df)]
    rows += [("variance strata pooled (a unit with one respondent)", " + ".join(pool)) for pool in weighting.collapsed]
    if weighting.without_respondents:
        rows.append(("target units without respondents (their N_h is not represented)",
                     ", ".join(weighting.without_respondents)))
    return _pairs(rows)


def _margins(results: Results, margins: Margins) -> pd.DataFrame:
    table = margins.table()
    weights = pd.Series(results.weighting.design.weights, index=results.scope.index)
    achieved = []
    for variable, level in zip(table["variable"], table["level"], strict=True):
        column = results.scope[META.get(variable, variable)]
        achieved.append(float(weights[column.astype(object) == level].sum()))
    return table.assign(weighted=achieved, file=margins.source)


def _recipe(results: Results) -> pd.DataFrame:
    recipe, language = results.recipe, results.language
    text = lambda label: label.get(language) or next(iter(label.values()), "")  # noqa: E731
    return _pairs([("id", recipe.id), ("title", text(recipe.title)), ("description", text(recipe.description)),
                   ("PAR INDEX points", text(recipe.points_note)), ("content hash (sha256)", recipe.content_hash)])
