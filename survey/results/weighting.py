"""Weighting choices for a campaign's responses, each giving an `analysis.Design`.

- none: equal weights, a simple random sample (the unweighted results);
- design: w_h = N_h / n_h (Kish 1965, 11.7), N_h the unit's transactions in the campaign
  targets and n_h its respondents; units are strata, with the finite population correction
  1 - n_h / N_h. A unit with a single respondent has no within-unit variance: such units are
  pooled into one variance stratum (collapsed strata, Wolter 2007, 2.5), a single one with the
  smallest other unit, and the methodology lists them;
- poststratify / rake: the design weights calibrated to population margins read from a CSV
  file (variable, level, population), as R's postStratify() and rake();
- calibrate: the same margins by R's calibrate(calfun = "raking"): the same weights as rake,
  with the GREG (Deville-Särndal) standard errors on all margins jointly.
"""
import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from analysis import Design, calibrate, poststratify, rake
from analysis.weights import stratum_weights
from survey.errors import InvalidInput, Problem
from survey.results.loading import META
from survey.results.messages import CATALOGUE

METHODS = ("none", "design", "poststratify", "rake", "calibrate")
CALIBRATIONS = METHODS[2:]
Built = TypeVar("Built")
"""What `_design` builds: a design, or the design weights of its units."""


@dataclass(frozen=True)
class Margins:
    """Population counts: variable (a question key, or unit / level / district / channel) -> level -> count."""

    counts: Mapping[str, Mapping[str, float]]
    source: str

    def table(self) -> pd.DataFrame:
        return pd.DataFrame([(v, level, n) for v, levels in self.counts.items() for level, n in levels.items()],
                            columns=["variable", "level", "population"])


@dataclass(frozen=True)
class Weighting:
    """The design of one weighting choice, and what the methodology reports about it."""

    method: str
    design: Design
    margins: Margins | None = None
    collapsed: tuple[tuple[str, ...], ...] = ()
    """Units pooled into one variance stratum because a unit had a single respondent."""
    without_respondents: tuple[str, ...] = field(default=())
    """Target units with no respondent: their N_h is not represented by anyone."""


def read_margins(text: str, source: str) -> Margins:
    """Margins from CSV text with columns variable, level, population; InvalidInput lists every problem."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or sorted(reader.fieldnames) != ["level", "population", "variable"]:
        raise InvalidInput(CATALOGUE.problem("margins_columns", "margins", source=source,
                                             got=", ".join(reader.fieldnames or ["nothing"])))
    counts: dict[str, dict[str, float]] = {}
    problems = [problem for row, line in enumerate(reader, start=2)
                for problem in _margin_row(line, partial(CATALOGUE.problem, field="margins", source=source, row=row),
                                           counts)]
    if not counts and not problems:
        problems.append(CATALOGUE.problem("margins_empty", "margins", source=source))
    if problems:
        raise InvalidInput(problems)
    return Margins(counts, source)


def margins_file(path: Path | None) -> Margins | None:
    """The margins CSV a command's --margins names (`read_margins`), or None without one; InvalidInput
    when the file cannot be read or is not UTF-8 text (`flask export`, `flask analysis run`)."""
    if path is None:
        return None
    try:
        return read_margins(path.read_text(encoding="utf-8"), path.name)
    except OSError as error:
        raise InvalidInput(CATALOGUE.problem("results_margins_unreadable", "margins", path=str(path),
                                             reason=error.strerror)) from None
    except UnicodeDecodeError:
        raise InvalidInput(CATALOGUE.problem("results_margins_not_text", "margins", path=str(path))) from None


def _margin_row(line: dict, refuse: Callable[..., Problem], counts: dict[str, dict[str, float]]) -> list[Problem]:
    """The problems of one row (`refuse` makes one naming the file and the row), its count kept in `counts`."""
    variable, level = (line.get("variable") or "").strip(), (line.get("level") or "").strip()
    if not variable or not level:
        return [refuse("margin_blank")]
    try:
        population = float((line.get("population") or "").strip())
    except ValueError:
        return [refuse("margin_not_number", value=line.get("population"))]
    if not (np.isfinite(population) and population > 0):
        return [refuse("margin_not_positive", variable=variable, level=level)]
    if level in counts.setdefault(variable, {}):
        return [refuse("margin_twice", variable=variable, level=level)]
    counts[variable][level] = population
    return []


def margin_columns(margins: Margins | None) -> list[str]:
    """The question keys the margins refer to (the other variables are columns about responses)."""
    return [] if margins is None else [v for v in margins.counts if v not in META]


def weigh(frame: pd.DataFrame, method: str, transactions: Mapping[str, int | None],
          margins: Margins | None = None) -> Weighting:
    """The design of `method` on `frame` (from `load_campaign`; it gains its weight columns).

    `transactions`: every target unit's N_h. InvalidInput for what cannot be weighted.
    """
    check_weighting(method, margins, len(frame))
    if method == "none":
        return Weighting("none", _design(lambda: Design(frame)))
    base, collapsed, absent = _design_weighted(frame, transactions)
    if margins is None:
        return Weighting("design", base, None, collapsed, absent)
    calibrated = _calibrated(base, frame, method, margins)
    return Weighting(method, calibrated, margins, collapsed, absent)


def check_weighting(method: str, margins: Margins | None, responses: int) -> None:
    """InvalidInput unless `method` can weigh `responses` responses in scope with these margins."""
    if method not in METHODS:
        raise InvalidInput(CATALOGUE.problem("weighting_unknown", "weighting", method=method, known=", ".join(METHODS)))
    if (method in CALIBRATIONS) != (margins is not None):
        raise InvalidInput(CATALOGUE.problem("margins_mismatch", "margins"))
    if responses < 2:
        raise InvalidInput(CATALOGUE.problem("too_few_responses", responses=responses))


def unit_weights(respondents: Mapping[str, int], transactions: Mapping[str, int | None]) -> dict[str, float]:
    """The design weight N_h / n_h of each unit (code -> n_h > 0 respondents in scope), from
    analysis.stratum_weights; InvalidInput for a unit without N_h or with more respondents than N_h
    (in the words the Design uses for the fpc column weigh gives it)."""
    lacking = sorted(u for u in respondents if not transactions.get(u))
    if lacking:
        raise InvalidInput(CATALOGUE.problem("design_transactions_missing", "weighting", units=", ".join(lacking)))
    return _design(lambda: stratum_weights(respondents, {u: transactions[u] for u in respondents}, "_population"))


def _design_weighted(frame: pd.DataFrame, transactions: Mapping[str, int | None]):
    units = frame["_unit"].value_counts()
    respondents = {str(unit): int(count) for unit, count in units.items()}
    frame["_weight"] = frame["_unit"].map(unit_weights(respondents, transactions)).astype("float64")
    sizes = {unit: transactions[unit] or 0 for unit in respondents}  # each > 0: unit_weights refuses the others
    stratum_of, collapsed = _strata(units)
    frame["_stratum"] = frame["_unit"].map(stratum_of)
    population = {s: sum(n for u, n in sizes.items() if stratum_of[u] == s) for s in set(stratum_of.values())}
    frame["_population"] = frame["_stratum"].map(population).astype("float64")
    absent = tuple(sorted(u for u, n in transactions.items() if n and u not in units.index))
    design = _design(lambda: Design(frame, weights="_weight", strata="_stratum", fpc="_population"))
    return design, collapsed, absent


def _strata(units: pd.Series) -> tuple[dict[str, str], tuple[tuple[str, ...], ...]]:
    """Unit -> variance stratum: itself, or a pool of the units with a single respondent."""
    single = sorted(units.index[units == 1])
    if not single or len(units) == 1:
        return {u: u for u in units.index}, ()
    pool = single if len(single) > 1 else [*single, units[units > 1].sort_values(kind="stable").index[0]]
    name = "+".join(sorted(pool))
    return {u: name if u in pool else u for u in units.index}, (tuple(sorted(pool)),)


def _calibrated(base: Design, frame: pd.DataFrame, method: str, margins: Margins) -> Design:
    columns = {META.get(v, v): levels for v, levels in margins.counts.items()}
    problems = [CATALOGUE.problem("margins_variable_unknown", "margins", variable=v, known=", ".join(META))
                for v in margins.counts if META.get(v, v) not in frame.columns]
    if method == "poststratify" and len(columns) != 1:
        problems.append(CATALOGUE.problem("poststratify_one_variable", "margins", source=margins.source,
                                          count=len(columns)))
    problems += [CATALOGUE.problem("margins_unanswered", "margins", count=int(frame[c].isna().sum()), column=c)
                 for c in columns if c in frame.columns and frame[c].isna().any()]
    if problems:
        raise InvalidInput(problems)
    for column in columns:  # calibration refuses levels without respondents: keep only those seen
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].cat.remove_unused_categories()
    if method == "poststratify":
        ((column, population),) = columns.items()
        return _design(lambda: poststratify(base, column, population))
    if method == "calibrate":
        return _design(lambda: calibrate(base, columns, calfun="raking"))
    return _design(lambda: rake(base, columns))


def _design(build: Callable[[], Built]) -> Built:
    """build() (a design, or the design weights), its ValueError as InvalidInput in the names
    analysts use (unit, not _unit)."""
    try:
        return build()
    except ValueError as error:
        message = str(error)
        for name, column in META.items():
            message = message.replace(repr(column), repr(name))
        raise InvalidInput(CATALOGUE.problem("design_refused", "weighting", message=message)) from None
