"""How often the estimators read the rows: a pass over a million rows costs tenths of a second,
so each estimate reads its rows once for the sums and once for the variance (no timing here)."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, _estimate


@pytest.fixture()
def reads(monkeypatch) -> list:
    """Each block of rows read by a share's indicator variable, in order."""
    seen, original = [], _estimate.indicator

    def counting(*args, **kwargs):
        var = original(*args, **kwargs)

        def read(rows: slice):
            seen.append(rows)
            return var.read(rows)
        return _estimate.Variable(var.name, read, var.width, var.categories)
    monkeypatch.setattr(_estimate, "indicator", counting)
    return seen


def _design() -> Design:
    rng = np.random.default_rng(7)
    data = pd.DataFrame({"unit": rng.integers(0, 4, 300), "q": rng.integers(1, 6, 300),
                         "w": rng.uniform(1, 5, 300)})
    return Design(data, weights="w", strata="unit")


@pytest.mark.parametrize("method", ["logit", "mean", "asin"])
def test_a_share_by_domain_reads_the_rows_twice(reads, method) -> None:
    _design().top_box("q", by="unit", method=method)
    assert len(reads) == 2  # the estimates' pass and the variance's; the df come from the design


def test_the_beta_interval_reads_them_once_more_for_its_counts(reads) -> None:
    _design().top_box("q", by="unit", method="beta")
    assert len(reads) == 3
