"""A campaign's expectations (what respondents want improved) as its results show them: the
recipe's expectation questions, the share choosing each answer with its logit interval,
campaign-wide and per domain, on the weighted design of the index and never in the index
(`analysis.expectations`, the computation the reports use too)."""
import pandas as pd

from analysis.expectations import estimate_expectations
from analysis.recipes import Recipe

COLUMNS = ("by", "domain", "domain_name", "expectation", "label", "question", "answer", "answer_label", "estimate",
           "ci_low", "ci_high", "se", "n", "suppressed")


def expectation_table(design, recipe: Recipe, definition, by: dict[str, str | None], min_cell: int,
                      names: dict[str, str], language: str) -> pd.DataFrame:
    """A row per (by, domain, expectation, answer); `by` maps each breakdown ("all" first) to its
    column (None for the whole campaign)."""
    parts = [_part(design, recipe, definition, name, column, min_cell) for name, column in by.items()]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    labels = {wanted.id: wanted.text(language) for wanted in recipe.expectations}
    answers = {(wanted.id, choice.value): choice.label.get(language) or choice.value
               for wanted in recipe.expectations for choice in definition.question(wanted.question).choices}
    table["label"] = table["expectation"].map(labels)
    keys = zip(table["expectation"], table["answer"], strict=True)
    table["answer_label"] = [answers.get(key, key[1]) for key in keys]
    table["domain_name"] = table["domain"].map(names).fillna(table["domain"])
    return table[list(COLUMNS)]


def _part(design, recipe: Recipe, definition, name: str, column: str | None, min_cell: int) -> pd.DataFrame:
    table = estimate_expectations(design, recipe, definition, column, min_cell)
    table = table.rename(columns={column: "domain"}) if column else table.assign(domain="")
    return table.assign(by=name, domain=table["domain"].astype(str))
