"""Expectations beside the index: the share of respondents choosing each answer of a recipe's
expectation questions, with logit intervals, never mixed into the index.

    from analysis.expectations import estimate_expectations
    table = estimate_expectations(design, recipe, questionnaire, by="unit", min_cell_size=30)
    shares = choice_shares(design, questionnaire.question("kv_cai_thien"))   # one question, as the reports do

A select_multiple question (sipas-2017's areas to improve, answers stored as values separated by
spaces) gives, per area, the share of those who answered the question choosing it (the shares
add up to more than 100); a select_one question (sipas-2023's needs, three levels) gives its
distribution over its choices. Each share is `Design.proportion` (R's svyciprop, logit interval,
per-domain degrees of freedom as svyby) on the 0-100 scale; a share over fewer than
`min_cell_size` answers is marked suppressed, as an index node is.
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.design import By, Design
from analysis.recipes import Questionnaire, Recipe

COLUMNS = ("expectation", "question", "answer", "estimate", "se", "ci_low", "ci_high", "n", "suppressed")
FIGURES = ("estimate", "se", "ci_low", "ci_high")


def estimate_expectations(design: Design, recipe: Recipe, questionnaire: Questionnaire, by: By = None,
                          min_cell_size: int = 30) -> pd.DataFrame:
    """A row per expectation and answer (in the recipe's and the choices' order), then per `by`
    domain (its column named as `by`); columns COLUMNS, figures 0-100."""
    parts = [choice_shares(design, questionnaire.question(wanted.question), by).assign(expectation=wanted.id)
             for wanted in recipe.expectations]
    if not parts:
        return pd.DataFrame(columns=[*COLUMNS[:3], *([by] if isinstance(by, str) else []), *COLUMNS[3:]])
    table = pd.concat(parts, ignore_index=True)
    table["suppressed"] = table["n"] < min_cell_size
    domains = [column for column in table.columns if column not in COLUMNS]
    return table[[*COLUMNS[:3], *domains, *COLUMNS[3:]]]


def choice_shares(design: Design, question, by: By = None) -> pd.DataFrame:
    """The share (0-100) of those who answered `question` (a select_one or select_multiple with
    `name`, `type` and `choices`) choosing each of its choices: columns question, answer, [by],
    estimate, se, ci_low, ci_high, n (those who answered, in the domain)."""
    values = [choice.value for choice in question.choices]
    if question.type == "select_multiple":
        design = design.with_columns(_chosen(design.data[question.name], values))
        parts = [design.proportion(_column(value), 1.0, by) for value in values]
    else:
        parts = [design.proportion(question.name, value, by) for value in values]
    rows = [_rows(part, question.name, value, by) for part, value in zip(parts, values, strict=True)]
    return pd.concat(rows, ignore_index=True)


def _chosen(answers: pd.Series, values: Sequence[str]) -> dict[str, pd.Series]:
    """Per value, 1.0 where the answer lists it, 0.0 where it does not, NaN where blank."""
    picked = answers.dropna().astype(str).str.split()
    return {_column(value): picked.map(lambda listed, value=value: float(value in listed)).reindex(answers.index)
            for value in values}


def _column(value: str) -> str:
    return f"\x1fchosen\x1f{value}"


def _rows(part: pd.DataFrame, name: str, value: str, by: By) -> pd.DataFrame:
    rows = part.reset_index() if by is not None else part.reset_index(drop=True)
    rows[list(FIGURES)] = rows[list(FIGURES)] * 100.0
    rows["n"] = rows["n"].astype(np.int64)
    rows.insert(0, "question", name)
    rows.insert(1, "answer", value)
    return rows.drop(columns=["df"])
