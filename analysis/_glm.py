"""Design-based generalised linear models, as R's svyglm() (survey 4): gaussian and quasibinomial.

The coefficients solve the weighted score equations sum_i w_i x_i (y_i - mu_i) = 0 with mu = X b
(gaussian, identity link) or mu = 1 / (1 + exp(-X b)) (quasibinomial, logit link), found by
iteratively reweighted least squares (as R's glm.fit), iterated to convergence in double
precision. The covariance is the sandwich A^-1 V A^-1 with A = X' W X
(W = w mu (1 - mu) for the logit link, w for the identity) and V the design covariance of the
estimating functions w_i x_i (y_i - mu_i) (Binder 1983; Lumley 2010, "Complex Surveys",
section 5.2; R's svy.varcoef): the influence values of b are w_i (y_i - mu_i) x_i' A^-1,
whose variances are the design's (`_inference.covariance`, with calibration). t = b / SE with
R's df.residual = degf - rank + 1 (degf of the complete rows), two-sided p-values and
95 % Wald intervals b -/+ t(0.975, df) SE as confint.svyglm.
"""

import numpy as np
import pandas as pd
from scipy import special

from analysis._formula import ModelFrame, model_frame
from analysis._inference import covariance, subset_df
from analysis.replicates import ReplicateDesign

FAMILIES = ("gaussian", "quasibinomial")
_MAX_ITER = 100


def glm(design, formula: str, family: str = "gaussian") -> pd.DataFrame:
    """R's summary(svyglm(formula, design, family)) coefficients: one row per term with columns
    estimate, se, t, p_value, ci_low, ci_high and df. On a ReplicateDesign the SEs come from
    the model fitted with every replicate's weights (`_replicate_glm`)."""
    if isinstance(design, ReplicateDesign):
        from analysis import _replicate_glm  # imported here: it builds on this module
        return _replicate_glm.glm(design, formula, family)
    frame, w = model_rows(design, formula, family)
    beta, mu, a_inverse = _fit(frame.X, frame.y, w, family)
    mask = np.zeros(len(design.weights), dtype=bool)
    mask[frame.rows] = True
    se = np.sqrt(np.maximum(np.diag(covariance(design, _influence(frame, w * (frame.y - mu), a_inverse, mask),
                                               len(beta))), 0.0))
    df = float(subset_df(design, mask)[0] - len(beta) + 1)
    return _table(beta, se, df, frame.names)


def model_rows(design, formula: str, family: str) -> tuple[ModelFrame, np.ndarray]:
    """The model frame of `formula` and its rows' full-sample weights over their mean in the
    design (svyglm's rescaling: the coefficients do not depend on it, but R's starting values
    for the logit link do, and raw weights of hundreds start it too close to 0 and 1 to
    converge); ValueError for an unknown family or a quasibinomial response outside [0, 1]."""
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {', '.join(FAMILIES)}, got {family!r}")
    frame = model_frame(design.data, formula)
    if family == "quasibinomial" and ((frame.y < 0) | (frame.y > 1)).any():
        raise ValueError(f"formula {formula!r}: a quasibinomial response must lie between 0 and 1")
    return frame, design.weights[frame.rows] / design.weights.mean()


def _influence(frame, residual: np.ndarray, a_inverse: np.ndarray, mask: np.ndarray):
    """The coefficients' influence values w (y - mu) x' A^-1 of a block of rows (0 on rows left
    out), made block by block: the whole rows x terms matrix would cost as much as the fit."""
    position = np.cumsum(mask) - 1

    def influence(rows: slice) -> np.ndarray:
        kept = mask[rows]
        out = np.zeros((len(kept), a_inverse.shape[0]))
        at = position[rows][kept]
        out[kept] = (residual[at][:, None] * frame.X[at]) @ a_inverse
        return out
    return influence


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, family: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coefficients, fitted means and A^-1 = (X' W X)^-1."""
    if family == "gaussian":
        beta, r = _weighted_ls(X, y, w)
        return beta, X @ beta, _inverse(r)
    mu = (w * y + 0.5) / (w + 1)  # R's binomial()$initialize with prior weights w
    eta, settled = np.log(mu / (1 - mu)), 0
    previous: np.ndarray | None = None
    for _ in range(_MAX_ITER):
        mu = special.expit(eta)
        if not (mu * (1 - mu) > 0).all():  # fitted probabilities of exactly 0 or 1: separation
            break
        new = _weighted_ls(X, eta + (y - mu) / (mu * (1 - mu)), w * mu * (1 - mu))[0]
        eta = X @ new
        # Newton's steps shrink quadratically: one more after a step of 1e-10 reaches rounding
        close = previous is not None and np.abs(new - previous).max() <= 1e-10 * np.abs(new).max()
        settled = settled + 1 if close else 0
        previous = new
        if settled == 2:
            mu = special.expit(eta)
            return new, mu, _inverse(_weighted_ls(X, y, w * mu * (1 - mu))[1])
    raise ValueError("the logistic model does not converge (a term separates the outcomes?)")


def _weighted_ls(X: np.ndarray, z: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted least squares on A = sqrt(w) X: coefficients and the triangular R with R'R = A'A.

    R comes from the Cholesky factor of A'A (a Householder QR of A costs 20 times more on a
    million rows); one step of iterative refinement on the residuals (Bjorck 1987) brings the
    coefficients to the accuracy of a QR solution.
    """
    root = np.sqrt(w)
    a, y = X * root[:, None], z * root
    gram = a.T @ a
    scale = np.sqrt(np.diag(gram))
    if not (scale > 0).all() or np.linalg.eigvalsh(gram / np.outer(scale, scale)).min() <= 1e-12:
        raise ValueError("the model's terms are collinear (or a level has no weight): drop a term")
    r = np.linalg.cholesky(gram).T
    beta = _semi_normal(r, a.T @ y)
    return beta + _semi_normal(r, a.T @ (y - a @ beta)), r


def _semi_normal(r: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solves R'R x = rhs (R upper triangular, p x p)."""
    return np.linalg.solve(r, np.linalg.solve(r.T, rhs))


def _inverse(r: np.ndarray) -> np.ndarray:
    """(R' R)^-1 from the triangular factor."""
    r_inv = np.linalg.inv(r)
    return r_inv @ r_inv.T


def _table(beta: np.ndarray, se: np.ndarray, df: float, names: list[str]) -> pd.DataFrame:
    with np.errstate(divide="ignore", invalid="ignore"):
        t = beta / se
    p = 2 * special.stdtr(df, -np.abs(t)) if df > 0 else np.full(len(beta), np.nan)
    half = special.stdtrit(df, 0.975) * se if df > 0 else np.full(len(beta), np.nan)
    return pd.DataFrame({"estimate": beta, "se": se, "t": t, "p_value": p, "ci_low": beta - half,
                         "ci_high": beta + half, "df": df}, index=pd.Index(names, name="term"))
