"""A report from two periods' results: pure functions, no database.

- Change since the previous period: the two periods are independent samples, so the change of a
  node is d = current - previous with SE sqrt(se_c^2 + se_p^2) and a two-sided t test with
  Satterthwaite's degrees of freedom, as `analysis.compare_designs` does for one item (it is
  that formula applied to the index estimates, which are combinations of items). A change is
  tested only when neither estimate is suppressed.
- Ranking (province report): units by their overall index, highest first, ties sharing the
  better rank (1, 2, 2, 4) where the estimates are equal to the shown decimal; units whose index
  is suppressed (too few answers) are not ranked. For each unit the ranks of the other units
  whose 95 % interval overlaps its own are listed: their order is not established by the data.
- The province report tests every unit's change at once: there the p-values of the units are
  adjusted by Holm's (1979) method across the units, per measure (`analysis.adjust_p`), and a
  change is significant when its adjusted p-value is below 0.05. A unit's own report tests one
  change per measure and is not adjusted.
"""
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import special  # the t distribution's functions; scipy.stats costs 0.7 s more to import

from analysis import adjust_p
from survey.reports.gather import PeriodResults
from survey.reports.periods import Period

ALPHA = 0.05
DECIMALS = 1
CHANNELS = ("web", "paper", "interviewer")


@dataclass(frozen=True)
class Report:
    period: Period
    previous_period: Period
    unit: str | None
    """A unit code, or None for the province report."""
    unit_name: str
    recipe: str
    weighting: str
    current: PeriodResults
    previous: PeriodResults | None
    indices: pd.DataFrame
    """The report's domain: a row per node with the estimates, the previous ones and the change."""
    counts: pd.DataFrame
    """Responses in scope by channel: a row per unit (the unit's only, in a unit report), then the total."""
    ranking: pd.DataFrame
    """`ranking` of the units: all of them (province report), or the unit's own row (unit report)."""
    ranked_units: int = 0
    flags: list[tuple[str, dict]] = field(default_factory=list)
    """(message key, parameters), rendered in the report's language."""
    units: pd.DataFrame | None = None
    """Province report: the overall index and elements of every unit, with intervals and changes."""


def changes(current: pd.DataFrame, previous: pd.DataFrame | None, df_current: float,
            df_previous: float | None) -> pd.DataFrame:
    """`current` rows (domain, node, estimates) with the previous estimate and the change's test.

    Added columns: previous, previous_low, previous_high, previous_suppressed, change, change_low,
    change_high, p_value, significant (True/False; None when not tested)."""
    table = current.copy()
    if previous is None or previous.empty:
        prior = pd.DataFrame(columns=["domain", "node", "estimate", "se", "ci_low", "ci_high", "suppressed"])
    else:
        prior = previous[["domain", "node", "estimate", "se", "ci_low", "ci_high", "suppressed"]]
    prior = prior.rename(columns={"estimate": "previous", "se": "previous_se", "ci_low": "previous_low",
                                  "ci_high": "previous_high", "suppressed": "previous_suppressed"})
    table = table.merge(prior, on=["domain", "node"], how="left", validate="one_to_one")
    tested = (table["previous"].notna() & ~table["suppressed"].astype(bool)
              & ~table["previous_suppressed"].astype("boolean").fillna(True).astype(bool)).to_numpy()
    d, se, df = _difference(table, df_current, df_previous or np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):  # no SE (an estimate of 0 or 100 twice): not tested
        half = special.stdtrit(df, 1 - ALPHA / 2) * se
        p = 2 * special.stdtr(df, -np.abs(d / se))
    table["change"] = np.where(tested, d, np.nan)
    table["change_low"], table["change_high"] = np.where(tested, d - half, np.nan), np.where(tested, d + half, np.nan)
    table["p_value"] = np.where(tested, p, np.nan)
    table["significant"] = [bool(v < ALPHA) if t and v == v else None for t, v in zip(tested, p, strict=True)]
    return table.drop(columns=["previous_se"])


def _difference(table: pd.DataFrame, df_current: float, df_previous: float) -> tuple[np.ndarray, ...]:
    """d, its SE and Satterthwaite's (1946) degrees of freedom (v1 + v2)^2 / (v1^2 / df1 + v2^2 / df2)."""
    v1, v2 = table["se"].to_numpy(float) ** 2, table["previous_se"].to_numpy(float) ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        df = (v1 + v2) ** 2 / (v1 ** 2 / df_current + v2 ** 2 / df_previous)
    d = table["estimate"].to_numpy(float) - table["previous"].to_numpy(float)
    return d, np.sqrt(v1 + v2), df


def across_units(table: pd.DataFrame) -> pd.DataFrame:
    """The unit rows of `changes` with p_value adjusted by Holm's method across the units (per
    node) and `significant` read on it: the province report compares every unit at once."""
    units = table[table["domain"] != ""].copy()
    units["p_value"] = units.groupby("node")["p_value"].transform(lambda p: adjust_p(p, "holm"))
    units["significant"] = [None if tested is None else bool(p < ALPHA)
                            for tested, p in zip(units["significant"], units["p_value"], strict=True)]
    return units


def ranking(overall: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Units ranked by their overall index (rows of `changes` for the overall node, one per unit).

    Columns: rank (None for suppressed units, listed last), unit, name, estimate, ci_low, ci_high,
    n, change, significant, suppressed, overlaps (ranks of units whose interval overlaps)."""
    table = overall.rename(columns={"domain": "unit"}).copy()
    table["name"] = table["unit"].map(names).fillna(table["unit"])
    ranked = ~table["suppressed"].astype(bool) & table["estimate"].notna()
    shown = table["estimate"].round(DECIMALS)
    table["rank"] = shown.where(ranked).rank(method="min", ascending=False)
    table = table.sort_values(["rank", "estimate", "unit"], ascending=[True, False, True], na_position="last")
    table["overlaps"] = [_overlaps(row, table) for row in table.itertuples()]
    table["rank"] = pd.Series([None if r != r else int(r) for r in table["rank"]], index=table.index, dtype=object)
    return table[["rank", "unit", "name", "estimate", "ci_low", "ci_high", "n", "change", "significant",
                  "suppressed", "overlaps"]].reset_index(drop=True)


def _overlaps(row, table: pd.DataFrame) -> list[int]:
    if row.rank != row.rank:
        return []
    others = table[(table["unit"] != row.unit) & table["rank"].notna()]
    touching = others[(others["ci_low"] <= row.ci_high) & (others["ci_high"] >= row.ci_low)]
    return sorted(int(r) for r in touching["rank"])


def compose(current: PeriodResults, previous: PeriodResults | None, unit: str | None, recipe: str,
            weighting: str, earlier: Period | None = None) -> Report:
    """The report of `unit` (a code) or, with None, of the province; `previous` is the results of
    `earlier`, by default the period before the current one."""
    earlier = earlier or current.period.previous()
    table = changes(current.table, previous.table if previous else None, current.df, previous.df if previous else None)
    compared = across_units(table)
    ranks = ranking(compared[compared["level"] == "overall"], current.units)
    mine = table[table["domain"] == (unit or "")].reset_index(drop=True)
    counts = _counts(current.counts, unit)
    flags, ranked = _flags(current, previous, earlier, mine, unit, ranks), int(ranks["rank"].notna().sum())
    if unit is not None:
        own_ranks = ranks[ranks["unit"] == unit].reset_index(drop=True)
        return Report(current.period, earlier, unit, current.units[unit], recipe, weighting,
                      current, previous, mine, counts, own_ranks, ranked, flags)
    units = compared[compared["level"].isin(["overall", "element"])].reset_index(drop=True)
    return Report(current.period, earlier, None, "", recipe, weighting, current, previous, mine,
                  counts, ranks, ranked, flags, units)


def _counts(counts: pd.DataFrame, unit: str | None) -> pd.DataFrame:
    table = counts.reindex(columns=[c for c in CHANNELS if c in counts.columns] or list(counts.columns))
    table = table.loc[[unit]] if unit is not None else table
    table = table.assign(total=table.sum(axis=1))
    if unit is None:
        table.loc["total"] = table.sum()
    return table.rename_axis("unit").reset_index()


def _flags(current: PeriodResults, previous: PeriodResults | None, earlier: Period, mine: pd.DataFrame,
           unit: str | None, ranks: pd.DataFrame) -> list[tuple[str, dict]]:
    flags: list[tuple[str, dict]] = []
    suppressed = mine[mine["suppressed"].astype(bool)]
    if len(suppressed):
        flags.append(("flag_suppressed", {"count": len(suppressed), "size": current.min_cell_size,
                                          "nodes": ", ".join(suppressed["node"])}))
    if previous is None:
        flags.append(("flag_no_previous", {"period": earlier.slug()}))
    elif mine["previous"].isna().all():
        flags.append(("flag_not_in_previous", {"period": earlier.slug()}))
    unranked = ranks[ranks["rank"].isna()]["unit"].tolist()
    if unit is None and unranked:
        flags.append(("flag_unranked", {"units": ", ".join(unranked), "size": current.min_cell_size}))
    rules: Counter = Counter()
    for code, counts in current.flagged.items():
        if unit is None or code == unit:
            rules.update(counts)
    if rules:
        flags.append(("flag_quality", {"counts": dict(rules)}))  # rules named in words when rendered
    flags += [("flag_skipped", {"campaign": slug, "why": why}) for slug, why in current.skipped]
    return flags
