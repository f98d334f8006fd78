"""What the analysis page shows of a `Results`, small enough to keep (`survey.results.cache`): the
table of every node x domain, the figures of the weighting, the charts and what they say."""
from dataclasses import dataclass, field

import pandas as pd

from survey.results.records import records
from survey.results.report import Results


@dataclass(frozen=True)
class Summary:
    table: pd.DataFrame
    method: str
    compared: bool
    """Whether unweighted results stand beside the weighted ones."""
    scope_n: int
    loaded_n: int
    statuses: tuple[str, ...]
    effective_n: float
    deff_weighting: float
    charts: dict[str, bytes] = field(default_factory=dict)
    alts: dict[str, str] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)
    """Other figures of the page computed from the same responses (the achieved sample)."""
    expectations: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The recipe's expectations (`Results.expectations`), beside the index."""

    def level(self, level: str, by: str | None = None) -> pd.DataFrame:
        """The rows of one node level (overall, element, criterion), optionally of one `by` only."""
        rows = self.table[(self.table["level"] == level) & ((self.table["by"] == by) if by else True)]
        return rows.reset_index(drop=True)

    def dropped(self) -> list[tuple[str, str, str]]:
        """(domain name, node label, labels of the children it left out) of every node that left
        suppressed children out under the recipe's rule "drop"; domain name "" campaign-wide."""
        labels = dict(zip(self.table["node"], self.table["label"], strict=True))
        rows = self.table[self.table["dropped"].fillna("") != ""] if "dropped" in self.table else self.table[:0]
        return [(row.domain_name if row.by != "all" else "", row.label,
                 ", ".join(labels[child] for child in row.dropped.split(","))) for row in records(rows)]


def summarise(results: Results) -> Summary:
    design = results.weighting.design
    return Summary(results.table, results.weighting.method, results.unweighted is not None, len(results.scope),
                   len(results.data.frame), results.data.statuses, float(design.effective_n()),
                   float(design.deff_weighting()), expectations=results.expectations)
