"""The previous period on today's units: after a reorganisation, the earlier domain of a unit is the
earlier responses of every unit it came from (`survey.units.successions.Lineage`).

The responses keep their own strata and weights (each old unit's N_h / n_h in its campaign), so the
units merged into one are pooled with their weights; a unit split into several gives each of them
its whole earlier domain. A response can belong to several earlier domains (a split unit), so the
domains are estimated in passes, each a column in which every response names at most one new unit.
The report says which units were compared so ("gộp từ ..." / "merged from ...").
"""
import pandas as pd

from analysis.indices import estimate_indices
from analysis.recipes import Recipe
from survey.units.successions import Lineage

PASS = "_successor{}"


def domain_passes(frame: pd.DataFrame, lineage: Lineage | None) -> list[str]:
    """Adds to `frame` (unit codes in `_code`) a column per pass naming each response's new unit;
    the names of those columns, none when no unit of the frame was reorganised."""
    if lineage is None:
        return []
    codes = set(frame["_code"].unique())
    formed = lineage.predecessors(codes)
    if not formed:
        return []
    sources = {code: (code,) for code in codes if code in lineage.of(code)} | formed  # ceased units: no domain
    return [_add_pass(frame, number, group) for number, group in enumerate(_passes(sources))]


def _passes(sources: dict[str, tuple[str, ...]]) -> list[dict[str, str]]:
    """Old code -> new code maps, each old code at most once per map."""
    passes: list[dict[str, str]] = []
    for new, olds in sorted(sources.items()):
        free = next((p for p in passes if not set(olds) & p.keys()), None)
        if free is None:
            free = {}
            passes.append(free)
        free.update(dict.fromkeys(olds, new))
    return passes


def _add_pass(frame: pd.DataFrame, number: int, mapping: dict[str, str]) -> str:
    column = PASS.format(number)
    frame[column] = frame["_code"].map(mapping)
    return column


def successor_rows(table: pd.DataFrame, design, recipe: Recipe, min_cell: int, columns: list[str]) -> pd.DataFrame:
    """`table` (rows of `gather._table`) with its unit rows estimated on the new units' domains."""
    deff = "deff" in table.columns
    parts = [estimate_indices(design, recipe, by=column, min_cell_size=min_cell, deff=deff).reset_index()
             .rename(columns={column: "domain"}) for column in columns]
    units = pd.concat(parts, ignore_index=True)
    province = table[table["domain"] == ""]
    units["label"] = units["node"].map(dict(zip(province["node"], province["label"], strict=True)))
    return pd.concat([province, units[table.columns]], ignore_index=True)


def lineage_flags(lineage: Lineage, earlier: list[str], now: list[str]) -> list[tuple[str, dict]]:
    """A flag for each unit of `now` compared with units of `earlier` it came from."""
    formed = lineage.predecessors(earlier)
    flags = []
    for new in sorted(set(now) & formed.keys()):
        olds = formed[new]
        kind = "merged" if len(olds) > 1 else "split" if len(lineage.of(olds[0])) > 1 else "replaced"
        flags.append((f"flag_{kind}_from", {"unit": new, "units": ", ".join(olds)}))
    return flags
