"""Answers beyond the index: the five levels of satisfaction per element with the dissatisfied
share, and the index by field of procedure and by level of government. Shares are weighted as
the report is (design weights N_h / n_h, or none) over the valid answers ("don't know" is not
one)."""
import pandas as pd

from analysis.indices import estimate_indices
from analysis.recipes import Recipe
from survey.reports.document import Section, Table
from survey.reports.fieldwork import SEPARATOR, UNIT_FIELD, Fieldwork
from survey.reports.numbers import decimal, interval, whole
from survey.reports.roles import FIELD, present, satisfaction
from survey.reports.words import say

LEVELS = ("1", "2", "3", "4", "5")


def distribution(work: Fieldwork, recipe: Recipe, language: str) -> Section | None:
    questions = satisfaction(work.definition)
    if not questions:
        return None
    element_of = {m.question: node.text(language) for node in recipe.nodes() for m in node.items}
    labels = {c.value: c.label[language] for c in questions[0].choices}
    headers = [say("node", language), *(labels[v] for v in LEVELS), say("n", language), say("dissatisfied", language)]
    rows = [_levels_row(work.answers, q, element_of.get(q.name, q.label[language]), language) for q in questions]
    return Section("distribution", say("distribution", language), [Table(say("distribution_table", language),
                                                                         headers, rows)])


def _levels_row(answers: pd.DataFrame, question, label: str, language: str) -> list[str]:
    valid = answers[answers[question.name].isin(range(1, 6))]
    weights = valid.groupby(valid[question.name].astype(int))["_weight"].sum()
    shares = weights.reindex(range(1, 6), fill_value=0) / weights.sum() * 100 if len(valid) else None
    cells = [decimal(None if shares is None else shares[level], 1, language) for level in range(1, 6)]
    dissatisfied = None if shares is None else shares[1] + shares[2]
    return [label, *cells, whole(len(valid), language), decimal(dissatisfied, 1, language)]


def by_field(work: Fieldwork, recipe: Recipe, min_cell: int, language: str, unit: str | None = None) -> Section | None:
    """The index by field of procedure, of the province or of `unit` (its fields domains of the
    whole design)."""
    questions = present(work.definition, (FIELD,))
    if not questions or work.answers[questions[0].name].notna().sum() == 0:
        return None
    names = {c.value: c.label[language] for c in questions[0].choices}
    if unit is not None:
        names = {f"{unit}{SEPARATOR}{value}": label for value, label in names.items()}
    column = questions[0].name if unit is None else UNIT_FIELD
    table = _by(work, recipe, column, min_cell, names, say("field", language), language)
    return Section("by_field", say("by_field", language), [table])


def by_level(work: Fieldwork, recipe: Recipe, min_cell: int, language: str) -> Section:
    names = {level: say(f"level_{level}", language) for level in ("province", "department", "district", "commune")}
    return Section("by_level", say("by_level", language),
                   [_by(work, recipe, "_level", min_cell, names, say("level", language), language)])


def _by(work: Fieldwork, recipe: Recipe, column: str, min_cell: int, names: dict, title: str, language: str) -> Table:
    """Domains of `column` named in `names` (the others left out) x the overall index and the
    elements (index, interval, n)."""
    estimates = estimate_indices(work.design, recipe, by=column, min_cell_size=min_cell).reset_index()
    estimates = estimates[estimates["level"].isin(["overall", "element"]) & estimates[column].isin(list(names))]
    nodes = list(dict.fromkeys(estimates["node"]))
    labels = {node.id: node.text(language) for node in recipe.nodes()}
    headers = [title, say("n", language), *(labels[n] for n in nodes)]
    rows = []
    for domain, group in estimates.groupby(column, sort=False, observed=True):
        cells = group.set_index("node")
        rows.append([names[domain], whole(cells.loc[nodes[0]]["n"], language),
                     *(_cell(cells.loc[n], language) for n in nodes)])
    return Table(title, headers, rows, say("suppressed_mark", language, size=min_cell))


def _cell(row, language: str) -> str:
    mark = "*" if row["suppressed"] else ""
    return f"{decimal(row['estimate'], 1, language)}{mark} {interval(row['ci_low'], row['ci_high'], language)}"
