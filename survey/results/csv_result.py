"""Results as a machine-readable CSV: one row per node and domain, the same numbers as the workbook.

    node,parent,level,domain,estimate,se,ci_low,ci_high,n,suppressed,points,dropped

level is the node's depth in the recipe's tree (0 the index, 1 its children...); domain is empty
for the whole campaign, else the domain's value (a unit code with `--by unit`); estimates are
0-100 with every digit Python keeps (repr), so another package can check them to 1e-9;
suppressed is true or false; points is empty for a node without PAR INDEX points; dropped lists
the suppressed children a node left out of its combination under the recipe's rule "drop".
"""
import csv
import io

import pandas as pd

from analysis.indices import estimate_indices
from survey.results.loading import META
from survey.results.report import Results

COLUMNS = ("node", "parent", "level", "domain", "estimate", "se", "ci_low", "ci_high", "n", "suppressed", "points",
           "dropped")


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in result_rows(results).itertuples(index=False):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(float(value)) if isinstance(value, float) else str(value)
