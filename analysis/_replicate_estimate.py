"""Estimates and variances of replicate-weight designs (R's svrepdesign estimators).

Every estimate theta is computed once with the full-sample weights and once with each
replicate's weights; its variance is R's svrVar() (Wolter 2007, "Introduction to Variance
Estimation", chapters 3-5; R survey's `?svrepdesign`):

    V = scale * sum_r rscales_r (theta_r - centre)^2,

centre = theta (mse = TRUE) or the mean of the replicates with rscales_r > 0 (mse = FALSE).
Replicates whose estimate is undefined (a domain left without weight) are left out, as R's
na.action does. The sums of all replicates come from one sparse (estimates x rows) by dense
(rows x replicates) product per block of rows, never a loop over replicates.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis import _estimate, _replicate_deff
from analysis._codes import chunks

if TYPE_CHECKING:
    from analysis.replicates import ReplicateDesign


@dataclass(frozen=True)
class Sums:
    """Per domain x category: sum(w y) for the full sample (column 0) and each replicate; per
    domain: sum(w) over valid rows likewise, and the number of valid rows."""

    weighted: np.ndarray
    weight: np.ndarray
    count: np.ndarray


def sums(design: "ReplicateDesign", var: _estimate.Variable, codes: np.ndarray, n_domains: int) -> Sums:
    """Sums of `var` over the valid rows of each domain, with every set of weights at once."""
    width, weights = var.width, design._all_weights
    weighted = np.zeros((n_domains * width, weights.shape[1]))
    weight = np.zeros((n_domains, weights.shape[1]))
    count = np.zeros(n_domains, np.int64)
    for rows in chunks(len(weights)):
        y, valid = var.read(rows)
        inside = np.flatnonzero(valid & (codes[rows] >= 0))
        domain = codes[rows][inside].astype(np.int64)
        block = weights[rows]
        weight += _select(domain, inside, np.ones(len(inside)), (n_domains, len(block))) @ block
        key = (domain[:, None] * width + np.arange(width)).ravel()
        weighted += _select(key, np.repeat(inside, width), y[inside].ravel(), (len(weighted), len(block))) @ block
        count += np.bincount(domain, minlength=n_domains)
    return Sums(weighted, weight, count)


def _select(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, shape: tuple[int, int]) -> sp.csr_array:
    return sp.csr_array((values, (rows, cols)), shape=shape)


def thetas(total: Sums, width: int, kind: str) -> np.ndarray:
    """Means sum(w y) / sum(w) or totals sum(w y): estimates x (1 + replicates)."""
    if kind == "total":
        return total.weighted
    with np.errstate(divide="ignore", invalid="ignore"):
        return total.weighted / np.repeat(total.weight, width, axis=0)


def variance(design: "ReplicateDesign", theta: np.ndarray) -> np.ndarray:
    """R's svrVar() of each row of `theta` (column 0 the estimate, then the replicates)."""
    estimate, replicates = theta[:, 0], theta[:, 1:]
    defined = ~np.isnan(replicates)
    rscales = np.where(defined, design.rscales, 0.0)
    if design.mse:
        centre = estimate
    else:
        used = defined & (design.rscales > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            centre = np.where(used, replicates, 0.0).sum(axis=1) / used.sum(axis=1)
    deviation = np.where(defined, replicates - centre[:, None], 0.0)
    v = design.scale * (rscales * deviation ** 2).sum(axis=1)
    return np.where(defined.any(axis=1), v, np.nan)


def covariance(design: "ReplicateDesign", theta: np.ndarray) -> np.ndarray:
    """R's svrVar() of a vector of estimates (rows of `theta`): their covariance matrix, over
    the replicates where every estimate is defined (R's na.omit drops a replicate giving any NaN)."""
    estimate, replicates = theta[:, 0], theta[:, 1:]
    kept = ~np.isnan(replicates).any(axis=0)
    if not kept.any():
        return np.full((len(theta), len(theta)), np.nan)
    replicates, rscales = replicates[:, kept], design.rscales[kept]
    centre = estimate if design.mse else replicates[:, rscales > 0].mean(axis=1)
    deviation = replicates - centre[:, None]
    return design.scale * (deviation * rscales) @ deviation.T


def table(design: "ReplicateDesign", var: _estimate.Variable, by, kind: str, deff: bool = False) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high (t with the design's df) and n per domain (and category);
    with `deff` R's design effect (`_replicate_deff`)."""
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    total = sums(design, var, codes, n_domains)
    theta = thetas(total, var.width, kind)
    v = variance(design, theta)
    frame = _estimate.interval_frame(theta[:, 0], np.sqrt(v), design.df)
    frame["n"] = np.repeat(total.count, var.width)
    if deff:
        frame["deff"] = _replicate_deff.deff(design, var, codes, total, kind, v)
    frame.index = _estimate._index(domains, var)
    return frame


def rank(matrix: np.ndarray, tol: float = 1e-5) -> int:
    """Numerical column rank as R's qr(x, tol)$rank (LINPACK dqrdc2): columns are taken in
    order, and one whose part orthogonal to the columns kept before it has a norm below `tol`
    times its own norm is left out.

    The rows are first reduced to the triangular factor of x = QR, block by block (the same
    norms and projections as x, on replicates x replicates); the Householder steps of dqrdc2
    then run on that small factor.
    """
    factor = np.zeros((0, matrix.shape[1]))
    for rows in chunks(len(matrix)):
        # numpy's stubs give every mode the (Q, R) pair; mode "r" returns R alone.
        factor = np.linalg.qr(np.vstack([factor, matrix[rows]]), mode="r")  # type: ignore[assignment]
    norms, kept = np.linalg.norm(factor, axis=0), 0
    for j in range(factor.shape[1]):
        if kept == len(factor):  # the rows are spanned: every later column is negligible
            break
        column = factor[kept:, j]
        length = np.linalg.norm(column)
        if length == 0 or length < tol * norms[j]:
            continue
        reflector = column.copy()
        reflector[0] += np.copysign(length, column[0])
        rest = factor[kept:, j + 1:]
        rest -= np.outer(reflector, reflector @ rest) * (2 / (reflector @ reflector))
        kept += 1
    return kept
