"""Results as a machine-readable CSV: one row per node and domain, the same numbers as the workbook.

    node,parent,level,domain,estimate,se,ci_low,ci_high,n,suppressed,points,dropped

level is the node's depth in the recipe's tree (0 the index, 1 its children...); domain is empty
for the whole campaign, else the domain's value (a unit code with `--by unit`); estimates are
0-100 with every digit Python keeps (repr), so another package can check them to 1e-9;
suppressed is true or false; points is empty for a node without PAR INDEX points; dropped lists
the suppressed children a node left out of its combination under the recipe's rule "drop".

The recipe's expectations, never in the index, are a CSV of their own (`write_expectations_csv`):

    expectation,question,answer,domain,estimate,se,ci_low,ci_high,n,suppressed

a row per expectation, answer and domain: the share (0-100) of those who answered the question
choosing the answer, with its logit interval (`analysis.expectations`).
"""
import csv
import io

import pandas as pd

from analysis.indices import estimate_indices
from survey.results.loading import META
from survey.results.report import Results

COLUMNS = ("node", "parent", "level", "domain", "estimate", "se", "ci_low", "ci_high", "n", "suppressed", "points",
           "dropped")
EXPECTATION_COLUMNS = ("expectation", "question", "answer", "domain", "estimate", "se", "ci_low", "ci_high", "n",
                       "suppressed")


def result_rows(results: Results) -> pd.DataFrame:
    """Every node campaign-wide, then per domain of each `by`, as the CSV's columns."""
    design, recipe = results.weighting.design, results.recipe
    parts = [estimate_indices(design, recipe, None, results.campaign.min_cell_size).reset_index().assign(domain="")]
    for by in results.by:
        table = estimate_indices(design, recipe, META[by], results.campaign.min_cell_size)
        parts.append(table.rename_axis(["node", "domain"]).reset_index())
    table = pd.concat(parts, ignore_index=True)
    table["level"] = table["depth"]
    return table[list(COLUMNS)]


def write_csv(results: Results) -> str:
    """The CSV text (UTF-8, LF line ends)."""
    return _text(COLUMNS, result_rows(results))


def write_expectations_csv(results: Results) -> str:
    """The expectations' CSV text: campaign-wide, then per domain of each `by`, as `results` has them."""
    return _text(EXPECTATION_COLUMNS, results.expectations)


def _text(columns: tuple[str, ...], table: pd.DataFrame) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in table[list(columns)].itertuples(index=False):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(float(value)) if isinstance(value, float) else str(value)
