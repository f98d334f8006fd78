"""Generalised linear models on a replicate-weight design, as R's svyglm on an svyrep.design
(survey 4.1): gaussian (identity link) and quasibinomial (logit link).

R fits the model with the full-sample weights (the coefficients, as `_glm`), then once more with
each replicate's weights, starting from those coefficients (glm.fit(start = beta)); the
covariance of the coefficients is svrVar of the replicates' coefficients (centred on their mean,
or on the estimate with mse), no sandwich. A replicate whose fit is singular (a level left
without weight) gives R an NA coefficient and is left out, as here. df = degf + 1 - rank, with
degf of the whole design (R computes it before dropping incomplete rows), t, p-value and
interval as `_glm`.

The replicates are fitted together: each step of Newton's method (IRLS's fixed point) sums
X' W_r (y - mu_r) and X' diag(W_r mu_r (1 - mu_r)) X for every replicate r in one product per
block of rows, then solves the replicates' small systems at once. Steps are repeated until a
step twice changes no coefficient by more than 1e-10 of the largest (the identity link needs
one step and checks it with two more): the fixed point R reaches with a tight glm.control.
"""

import numpy as np
import pandas as pd
from scipy import special

from analysis import _glm
from analysis import _replicate_estimate as rep
from analysis._codes import chunks

_MAX_ITER = 100
_SETTLED = 1e-10


def glm(design, formula: str, family: str = "gaussian") -> pd.DataFrame:
    """R's summary(svyglm(formula, design, family)) coefficients on replicates (as `_glm.glm`)."""
    frame, w = _glm.model_rows(design, formula, family)
    beta = _glm._fit(frame.X, frame.y, w, family)[0]
    replicates = _fits(frame.X, frame.y, design.repweights[frame.rows], beta, family)
    variance = np.diag(rep.covariance(design, np.column_stack([beta, replicates.T])))
    return _glm._table(beta, np.sqrt(np.maximum(variance, 0.0)), float(design.df + 1 - len(beta)), frame.names)


def _fits(X: np.ndarray, y: np.ndarray, weights: np.ndarray, start: np.ndarray, family: str) -> np.ndarray:
    """Coefficients of every replicate (replicates x terms), NaN where a replicate's fit is singular."""
    betas = np.tile(start, (weights.shape[1], 1))
    settled = np.zeros(len(betas), np.int64)
    for _ in range(_MAX_ITER):
        step = _newton_steps(X, y, weights, betas, family)
        betas = betas + step
        moving = np.abs(step).max(axis=1) > _SETTLED * np.abs(betas).max(axis=1)  # NaN: never moving
        settled = np.where(moving, 0, settled + 1)
        if (settled >= 2).all():
            return betas
    raise ValueError(f"the logistic model does not converge on replicate {int(np.argmin(settled)) + 1} "
                     "(a term separates the outcomes there?)")


def _newton_steps(X: np.ndarray, y: np.ndarray, weights: np.ndarray, betas: np.ndarray, family: str) -> np.ndarray:
    """One Newton step per replicate (replicates x terms): H_r^-1 X' W_r (y - mu_r)."""
    p, n_rep = X.shape[1], len(betas)
    gradient, hessian = np.zeros((p, n_rep)), np.zeros((p * p, n_rep))
    for rows in chunks(len(X)):
        x, w = X[rows], weights[rows]
        eta = x @ betas.T
        mu = eta if family == "gaussian" else special.expit(eta)
        gradient += x.T @ (w * (y[rows, None] - mu))
        curvature = w if family == "gaussian" else w * mu * (1 - mu)
        hessian += (x[:, :, None] * x[:, None, :]).reshape(len(x), p * p).T @ curvature
    return _solve(hessian.T.reshape(n_rep, p, p), gradient.T)


def _solve(hessians: np.ndarray, gradients: np.ndarray) -> np.ndarray:
    """H_r^-1 g_r for each replicate; NaN where H_r is singular (as `_glm._weighted_ls` judges)."""
    diagonal = np.diagonal(hessians, axis1=1, axis2=2)
    candidates = np.flatnonzero((diagonal > 0).all(axis=1))
    scale = np.sqrt(diagonal[candidates])
    correlation = hessians[candidates] / (scale[:, :, None] * scale[:, None, :])
    regular = candidates[np.linalg.eigvalsh(correlation).min(axis=1) > 1e-12]
    steps = np.full(gradients.shape, np.nan)
    steps[regular] = np.linalg.solve(hessians[regular], gradients[regular][:, :, None])[:, :, 0]
    return steps
