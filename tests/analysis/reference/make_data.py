"""Write the small synthetic data sets that make_reference.R and the tests share.

Run once from the repository root: `.venv/bin/python tests/analysis/reference/make_data.py`.
The values are invented (seeded, so the files are reproducible); they only need the shapes of a
provincial satisfaction survey: quota strata, clusters, unequal weights, a score with gaps, a
five-level item with "9 = don't know" and blanks, and census-like margins.
"""

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
AGES = ["18-34", "35-49", "50-64", "65+"]
REGIONS = ["urban", "rural", "mountain"]


def _answers(rng: np.random.Generator, n: int, shift: float) -> dict[str, np.ndarray]:
    """Respondent variables; `shift` moves satisfaction so domains differ."""
    score = np.round(rng.normal(6.5 + shift, 1.8, n), 1)
    score[rng.random(n) < 0.05] = np.nan
    probs = np.array([0.06, 0.10, 0.24, 0.38, 0.22]) + np.array([-1, -1, 0, 1, 1]) * shift / 40
    q1 = rng.choice(np.arange(1, 6), size=n, p=probs / probs.sum()).astype(float)
    q1[rng.random(n) < 0.06] = 9
    q1[rng.random(n) < 0.03] = np.nan
    return {
        "sex": rng.choice(["F", "M"], size=n, p=[0.55, 0.45]),
        "agegrp": rng.choice(AGES, size=n, p=[0.35, 0.3, 0.22, 0.13]),
        "region": rng.choice(REGIONS, size=n, p=[0.4, 0.4, 0.2]),
        "score": score,
        "q1": q1,
    }


def stratified(rng: np.random.Generator) -> pd.DataFrame:
    """Quota sample of four units (strata), weights N_h/n_h times a non-response factor."""
    quotas = {"A": (80, 2000), "B": (100, 5000), "C": (120, 1500), "D": (100, 8000)}
    parts = []
    for shift, (unit, (n, big_n)) in enumerate(quotas.items()):
        part = pd.DataFrame(_answers(rng, n, shift - 1.5))
        part.insert(0, "unit", unit)
        part["N_unit"] = big_n
        part["f_unit"] = n / big_n
        part["w"] = np.round(big_n / n * np.exp(rng.normal(0, 0.3, n)), 4)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def clustered(rng: np.random.Generator) -> pd.DataFrame:
    """Three strata of communes (PSUs) with 8-25 respondents each."""
    strata = {"prov": (5, 20), "dist": (7, 30), "comm": (6, 60)}
    parts, psu = [], 0
    for shift, (stratum, (n_psu, big_n)) in enumerate(strata.items()):
        for _ in range(n_psu):
            psu += 1
            m = int(rng.integers(8, 26))
            part = pd.DataFrame(_answers(rng, m, rng.normal(shift - 1, 0.8)))
            part.insert(0, "stratum", stratum)
            part.insert(1, "psu", f"c{psu:02d}")
            part["N_psu"] = big_n
            part["f_psu"] = n_psu / big_n
            part["w"] = np.round(big_n / n_psu * rng.uniform(50, 300) / m * np.exp(rng.normal(0, 0.2, m)), 4)
            parts.append(part)
    return pd.concat(parts, ignore_index=True)


# District (stratum) -> (communes in the district, communes sampled); D5 takes all its communes.
DISTRICTS = {"D1": (12, 4), "D2": (9, 3), "D3": (15, 5), "D4": (6, 2), "D5": (4, 4)}


def _commune(rng: np.random.Generator, district: str, n_communes: int, n_sampled: int,
             name: str, shift: float) -> pd.DataFrame:
    """Respondents of one sampled commune: a simple random sample of its population."""
    population = int(rng.integers(1500, 9000))
    m = int(rng.integers(10, 30))
    part = pd.DataFrame(_answers(rng, m, shift + rng.normal(0, 0.7)))
    part.insert(0, "district", district)
    part.insert(1, "commune", name)
    part["N_communes"] = n_communes
    part["N_pop"] = population
    part["f1"] = n_sampled / n_communes
    part["f2"] = m / population
    part["w"] = np.round(n_communes / n_sampled * population / m * np.exp(rng.normal(0, 0.25, m)), 4)
    return part


def twostage(rng: np.random.Generator) -> pd.DataFrame:
    """Stratified two-stage sample: districts (strata) -> communes (PSUs, fpc N_communes) ->
    respondents (fpc N_pop, the commune's population), weights N1/n1 * N2/m times a
    non-response factor, with missing scores and answers.

    `zone` is a second stratification of the same communes in which Z1x and Z3x hold a single
    commune each (lonely PSUs), for R's `survey.lonely.psu` options.
    """
    parts = []
    for shift, (district, (n_communes, n_sampled)) in enumerate(DISTRICTS.items()):
        for j in range(n_sampled):
            name = f"{district}-c{j + 1}"
            parts.append(_commune(rng, district, n_communes, n_sampled, name, (shift - 2) / 2))
    data = pd.concat(parts, ignore_index=True)
    zone = "Z" + data["district"].str[1]
    data.insert(2, "zone", zone.where(~data["commune"].isin(["D1-c1", "D3-c2"]), zone + "x"))
    return data


def main() -> None:
    rng = np.random.default_rng(20240611)
    stratified(rng).to_csv(HERE / "strat.csv", index_label="id", na_rep="NA")
    clustered(rng).to_csv(HERE / "clus.csv", index_label="id", na_rep="NA")
    # its own generator, so that adding it left the two files above unchanged
    twostage(np.random.default_rng(20250301)).to_csv(HERE / "twostage.csv", index_label="id", na_rep="NA")


if __name__ == "__main__":
    main()
