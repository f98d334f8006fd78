"""The t test and the Rao-Scott test of association on a replicate-weight design, as R's svyttest
and svychisq on an svyrep.design (survey 4.1).

- t test: R fits svyglm(var ~ group) with every replicate's weights. The group's coefficient is
  mean(second level) - mean(first level) over the rows with both values, so each replicate's
  coefficient is the difference of that replicate's two means; its SE is svrVar of those
  differences (a replicate leaving a group without weight gives none and is left out, as R's
  NA coefficient is). df = degf - 1, the model's df.residual with R's degf of the whole design
  (rank of the replicate weights - 1): svyglm on replicates takes degf before dropping
  incomplete rows. t, p-value and interval as `_ttest`.
- Chi-squared: the cell proportions p of the rows with both values and their covariance V =
  svrVar of the replicates' proportions (R's svymean(mm, design, na.rm = TRUE)); Pearson's X^2
  on the table scaled to the design's row count, the generalised design effects Delta from V
  and the F or Chisq statistic as `_chisq`, with nu = degf of the design.
"""

import numpy as np

from analysis import _chisq, _estimate, _ttest
from analysis import _replicate_estimate as rep


def ttest(design, var: str, group: str) -> _ttest.TTest:
    """R's svyttest(var ~ group, design) on replicates: second level's mean minus the first's."""
    item = _ttest.numeric(design, var)
    codes, levels = design.domain_codes(group)
    _ttest.two_levels(group, levels)
    means = rep.thetas(rep.sums(design, item, codes, 2), 1, "mean")
    se = float(np.sqrt(rep.variance(design, (means[1] - means[0])[None, :])[0]))
    return _ttest._result(levels, float(means[0, 0]), float(means[1, 0]), se, float(design.df - 1))


def chisq(design, a: str, b: str, statistic: str = "F") -> _chisq.ChisqTest:
    """R's svychisq(~a + b, design, statistic) on replicates, statistic "F" or "Chisq"."""
    cell, table, nr, nc = _chisq.cross_table(design, a, b, statistic)
    k, n = nr * nc, len(design.weights)

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        c = cell[rows]
        return (c[:, None] == np.arange(k)[None, :]).astype(np.float64), c < k
    item = _estimate.Variable("cells", read, k, None)
    shares = rep.thetas(rep.sums(design, item, np.zeros(n, np.int8), 1), k, "mean")
    delta = _chisq.generalised_deffs(rep.covariance(design, shares), shares[:, 0], nr, nc, n)
    return _chisq.result(statistic, _chisq._pearson(table / table.sum() * n, nr, nc), delta, design.df, nr, nc)
