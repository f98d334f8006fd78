"""SPSS (.sav) and Stata (.dta) files through pyreadstat, with variable and value labels.

pyreadstat writes a whole DataFrame, so the rows are gathered first, but compactly: each
column is a typed numpy array allocated once for the known row count (8 bytes a number,
codes instead of choice texts, and text cells that repeat, like channels and unit names, share
one object: the driver makes a new string for every cell).
"""
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyreadstat

from survey.exports.variables import NAME_LIMITS, Variable, statistical_names

if TYPE_CHECKING:  # the type of a missing range in pyreadstat's hints, which its package does not export
    from pyreadstat.pyclasses import MissingRange

STATA_LABEL_LIMIT = 80
SHARED_TEXTS = 1000
"""Distinct texts a column may share; a column with more (ids, free text) keeps its cells as they come."""


def _empty(variable: Variable, rows: int) -> np.ndarray:
    if variable.kind == "datetime":
        return np.full(rows, np.datetime64("NaT"), dtype="datetime64[us]")
    if variable.kind == "text":
        return np.empty(rows, dtype=object)
    return np.full(rows, np.nan)


def _typed(variable: Variable, values: list, stata: bool) -> np.ndarray | list:
    if variable.kind == "datetime":
        return np.array(values, dtype="datetime64[us]")
    if variable.kind == "choice":
        codes = variable.codes()
        return [codes.get(v, np.nan) for v in values]
    if variable.kind == "number":
        return [np.nan if v is None else v for v in values]
    # Stata has no missing string (an empty one stands for it), and readstat refuses None in long strings.
    return ["" if v is None else v for v in values] if stata else values


class StatisticalWriter:
    """Gathers `rows` rows into typed arrays, then writes the labelled file on close."""

    def __init__(self, path: Path, variables: list[Variable], rows: int, file_format: str, language: str) -> None:
        self.path, self.variables, self.format, self.language = path, variables, file_format, language
        self.arrays = {v.name: _empty(v, rows) for v in variables}
        self.shared: dict[str, dict[str, str] | None] = {v.name: {} for v in variables if v.kind == "text"}
        self.rows = 0

    def write(self, columns: dict[str, list]) -> None:
        count = len(columns[self.variables[0].name])
        if self.rows + count > len(self.arrays[self.variables[0].name]):
            self._grow(self.rows + count)
        for variable in self.variables:
            values = self._shared(variable.name, columns[variable.name])
            self.arrays[variable.name][self.rows:self.rows + count] = _typed(variable, values, self.format == "dta")
        self.rows += count

    def _shared(self, name: str, values: list) -> list:
        """Equal texts as one object (about 200 MB less for a million rows), while the column has few."""
        seen = self.shared.get(name)
        if seen is None:
            return values
        values = [seen.setdefault(v, v) if v is not None else None for v in values]
        if len(seen) > SHARED_TEXTS:
            self.shared[name] = None
        return values

    def _grow(self, rows: int) -> None:
        # Responses stored after the rows were counted: make room for them too.
        for v in self.variables:
            self.arrays[v.name] = np.concatenate([self.arrays[v.name], _empty(v, rows - len(self.arrays[v.name]))])

    def discard(self) -> None:
        """Drop the gathered rows without writing the file."""
        self.arrays = {}

    def close(self) -> None:
        names = statistical_names([v.name for v in self.variables], NAME_LIMITS[self.format])
        frame = pd.DataFrame({names[name]: array[:self.rows] for name, array in self.arrays.items()}, copy=False)
        self.arrays = {}
        labels: dict[str, str | None] = {names[v.name]: self._label(v) for v in self.variables}
        coded = {names[v.name]: value_labels(v, self.language) for v in self.variables if v.value_labels}
        if self.format == "sav":
            missing: dict[str, list[int | float | str | MissingRange]] = {
                names[v.name]: list(v.missing) for v in self.variables if v.missing}
            pyreadstat.write_sav(frame, str(self.path), column_labels=labels, variable_value_labels=coded,
                                 missing_ranges=missing)
        else:
            pyreadstat.write_dta(frame, str(self.path), column_labels=labels, variable_value_labels=coded)

    def _label(self, variable: Variable) -> str:
        text = variable.label.text(self.language)
        if self.format == "dta" and len(text) > STATA_LABEL_LIMIT:
            return text[:STATA_LABEL_LIMIT - 1] + "…"
        return text


def value_labels(variable: Variable, language: str) -> dict[float, str]:
    """Numeric code -> label text (choice questions are coded, see Variable.codes)."""
    codes = variable.codes()
    return {codes[c.value]: c.label.text(language) for c in variable.value_labels}
