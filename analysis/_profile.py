"""The `likelihood` interval of a share: R's confint(svyglm(y ~ 1, family = quasibinomial),
method = "likelihood"), as svyciprop(method = "likelihood") computes it (survey 4.1).

For the intercept b of the quasi-binomial model, with weights W = w / mean(w) (svyglm's
rescaling over the rows of the design the domain is taken from):

- the deviance D(b) = 2 sum W [y log(1 / mu) + (1 - y) log(1 / (1 - mu))], mu = expit(b), is a
  function of the domain's sums of W y and W (1 - y) only;
- the dispersion phi is the design-weighted variance (svyvar, with its n / (n - 1)) of svyglm's
  Pearson residuals (y - p) sqrt(W / W') / sqrt(p (1 - p)), W' the weights rescaled over the rows
  left once blanks are dropped: for a 0/1 variable it is (mean w' / mean w) n / (n - 1);
- lambda = V_design(b) / V_model(b), the design effect of the intercept, gives the cut-off
  c = t(alpha', df) sqrt(lambda) with alpha' = Phi(c) / 2 (Rao-Scott scaling of the deviance);
- MASS's profile steps b = b_hat -/+ k (z_max / 5) se(b), k = 1..9, while |z| < z_max =
  sqrt(F(1 - alpha'; 1, n - 1)), with z = sign sqrt((D(b) - D(b_hat)) / phi);
- R's `spline` (Forsythe-Malcolm-Moler cubic, 3 x points) through (b, z), then linear
  interpolation (R's `approx`) of b at z = -/+ c; the bounds are expit of those b.
"""

import numpy as np
from scipy import special

from analysis.proportion import Shares, expit

_MAX_STEPS = 10
_THRESHOLD = 30.0  # R's binomial link clamps eta to [-30, 30]
_EPSILON = np.finfo(np.float64).eps


def likelihood_interval(shares: Shares) -> tuple[np.ndarray, np.ndarray]:
    """Bounds per domain; NaN where the profile is undefined (V = 0, p at 0 or 1, df <= 0)."""
    low, high = np.full(len(shares.p), np.nan), np.full(len(shares.p), np.nan)
    for d in range(len(shares.p)):
        p, v, df = shares.p[d], shares.variance[d], shares.df[d]
        if 0 < p < 1 and v > 0 and df > 0:
            low[d], high[d] = _bounds(p, v, df, {name: values[d] for name, values in shares.sums.items()})
    return low, high


def _bounds(p: float, variance: float, df: float, s: dict) -> tuple[float, float]:
    scale = s["weight_all"] / s["rows"]
    ones, zeros = s["wy"] / scale, (s["w"] - s["wy"]) / scale
    b0, q = np.log(p / (1 - p)), p * (1 - p)
    se = np.sqrt(variance) / q
    lam = se ** 2 * q * s["w"] / scale
    alpha = special.ndtr(special.stdtrit(df, 0.025) * np.sqrt(lam)) / 2
    z_max = -special.stdtrit(s["valid"] - 1, alpha / 2)
    deviance = lambda b: _deviance(b, ones, zeros)  # noqa: E731
    points = _profile(b0, se, z_max, deviance(b0), _dispersion(scale, s), deviance)
    cutoff = special.ndtri(2 * alpha)
    low, high = (float(expit(np.asarray(_read_off(points, c)))) for c in (cutoff, -cutoff))
    return low, high


def _deviance(b: float, ones: float, zeros: float) -> float:
    e = _EPSILON if b < -_THRESHOLD else (1 / _EPSILON if b > _THRESHOLD else np.exp(b))
    mu = e / (1 + e)
    return 2 * (ones * np.log(1 / mu) + zeros * np.log(1 / (1 - mu)))


def _dispersion(scale: float, s: dict) -> float:
    """svyvar of the Pearson residuals: sum w (y - p)^2 / (p (1 - p)) = sum w for 0/1 values."""
    n = s["positive"]
    return (s["w"] / s["pearson_rows"]) / scale * n / (n - 1)


def _profile(b0: float, se: float, z_max: float, d0: float, phi: float, deviance) -> tuple[np.ndarray, np.ndarray]:
    """(b, z) of MASS's profile, sorted by z."""
    zs, bs = [0.0], [b0]
    for sign in (-1, 1):
        step, z = 1, 0.0
        while step < _MAX_STEPS and abs(z) < z_max:
            b = b0 + sign * step * (z_max / 5) * se
            z = sign * np.sqrt(max((deviance(b) - d0) / phi, 0.0))
            zs.append(z)
            bs.append(b)
            step += 1
    order = np.argsort(zs, kind="stable")
    return np.array(bs)[order], np.array(zs)[order]


def _read_off(points: tuple[np.ndarray, np.ndarray], cutoff: float) -> float:
    """b where R's spline through (b, z) reaches z = cutoff (linear between its 3n points)."""
    x, y = _unique_mean(*points)
    grid = np.linspace(x[0], x[-1], 3 * len(x))
    curve = _fmm_evaluate(x, y, _fmm_coefficients(x, y), grid)
    z, b = _unique_mean(curve, grid)
    if not z[0] <= cutoff <= z[-1]:
        return np.nan
    return float(np.interp(cutoff, z, b))


def _unique_mean(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct x with the mean y of each (R's regularize.values, ties = mean)."""
    ux, position = np.unique(x, return_inverse=True)
    return ux, np.bincount(position, y) / np.bincount(position)


def _fmm_coefficients(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """b, c, d of the cubic y_i + b_i t + c_i t^2 + d_i t^3 on [x_i, x_i+1] (Forsythe, Malcolm and
    Moler 1977: end conditions matching the third derivative of the cubic through the end points)."""
    n = len(x)
    if n < 3:
        slope = (y[-1] - y[0]) / (x[-1] - x[0])
        return np.full(n, slope), np.zeros(n), np.zeros(n)
    h, slopes = np.diff(x), np.diff(y) / np.diff(x)
    diag, rhs = np.empty(n), np.zeros(n)
    diag[0], diag[-1] = -h[0], -h[-1]
    diag[1:-1] = 2 * (h[:-1] + h[1:])
    rhs[1:-1] = np.diff(slopes)
    if n > 3:
        second = np.diff(slopes) / (x[2:] - x[:-2])  # divided differences f[x_i, x_i+1, x_i+2]
        rhs[0] = (second[1] - second[0]) * h[0] ** 2 / (x[3] - x[0])
        rhs[-1] = -(second[-1] - second[-2]) * h[-1] ** 2 / (x[-1] - x[-4])
    sigma = _tridiagonal(diag, h, rhs)
    b = np.append(slopes - h * (sigma[1:] + 2 * sigma[:-1]), slopes[-1] + h[-1] * (sigma[-2] + 2 * sigma[-1]))
    d = np.append(np.diff(sigma) / h, np.diff(sigma)[-1] / h[-1])
    return b, 3 * sigma, d


def _tridiagonal(diag: np.ndarray, off: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve the symmetric tridiagonal system (diagonal `diag`, off-diagonal `off`) by elimination."""
    diag, rhs = diag.copy(), rhs.copy()
    for i in range(1, len(diag)):
        t = off[i - 1] / diag[i - 1]
        diag[i] -= t * off[i - 1]
        rhs[i] -= t * rhs[i - 1]
    sigma = np.empty(len(diag))
    sigma[-1] = rhs[-1] / diag[-1]
    for i in range(len(diag) - 2, -1, -1):
        sigma[i] = (rhs[i] - off[i] * sigma[i + 1]) / diag[i]
    return sigma


def _fmm_evaluate(x: np.ndarray, y: np.ndarray, coefficients, points: np.ndarray) -> np.ndarray:
    b, c, d = coefficients
    i = np.clip(np.searchsorted(x, points, side="right") - 1, 0, len(x) - 1)
    t = points - x[i]
    return y[i] + t * (b[i] + t * (c[i] + t * d[i]))
