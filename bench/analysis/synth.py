"""Deterministic synthetic SIPAS survey for the analysis benchmark.

Every number here is illustrative (shaped like An Giang: 11 districts, about 1.9 million adults),
not an official statistic. For a given size the output is always the same (fixed seed).

    .venv/bin/python bench/analysis/synth.py 10000 100000 --csv

writes data/rows-N.parquet (and rows-N.csv for R with --csv) and data/margins.csv.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from common import DATA, ITEMS, data_path, margins_path

SEED = 20270301
POPULATION = 1_900_000
UNITS = 60
# Relative adult populations of the 11 districts (illustrative).
DISTRICTS = {"LX": 272, "CD": 161, "TC": 140, "AP": 160, "PT": 190, "CP": 212,
             "TB": 122, "TT": 120, "CT": 170, "CM": 305, "TS": 178}
SEX = {"M": 0.494, "F": 0.506}
AGE = {"18-29": 0.24, "30-39": 0.22, "40-49": 0.21, "50-59": 0.18, "60+": 0.15}
EDU = {"primary": 0.38, "lower-secondary": 0.30, "upper-secondary": 0.20, "tertiary": 0.12}
# Who comes to a one-stop desk: more people aged 30-49 and more schooling than the population.
SAMPLE_AGE = [0.17, 0.27, 0.26, 0.18, 0.12]
SAMPLE_EDU = [0.26, 0.30, 0.26, 0.18]
CUTS = np.array([-1.7, -1.0, -0.2, 0.9])  # latent satisfaction -> answers 1..5


def allocate(total: int, shares: np.ndarray) -> np.ndarray:
    """Integers proportional to `shares` that add up to `total` (largest remainder)."""
    exact = total * shares / shares.sum()
    counts = np.floor(exact).astype(np.int64)
    leftover = np.argsort(counts - exact, kind="stable")[: total - counts.sum()]
    counts[leftover] += 1
    return counts


def unit_frame(rng: np.random.Generator) -> pd.DataFrame:
    """60 units, each in one district, with yearly transaction counts N_h and a quality effect."""
    sizes = np.array(list(DISTRICTS.values()), dtype=float)
    per_district = 3 + allocate(UNITS - 3 * len(DISTRICTS), sizes)
    district = np.repeat(list(DISTRICTS), per_district)
    ordinal = np.concatenate([np.arange(1, k + 1) for k in per_district])
    return pd.DataFrame({
        "unit": [f"{d}-{k:02d}" for d, k in zip(district, ordinal)],
        "district": district,
        "transactions": np.round(rng.lognormal(np.log(25_000), 0.7, UNITS)).astype(np.int64),
        "effect": rng.normal(0.5, 0.45, UNITS),
    })


def quotas(units: pd.DataFrame, rows: int) -> np.ndarray:
    """Unequal quotas n_h: half spread evenly over the units, half in proportion to N_h."""
    transactions = units["transactions"].to_numpy(dtype=float)
    return allocate(rows, 0.5 / UNITS + 0.5 * transactions / transactions.sum())


def profile(rng: np.random.Generator, base: list[float], n: int) -> np.ndarray:
    """n draws of category codes from `base`, tilted at random for one unit."""
    tilted = rng.dirichlet(np.asarray(base) * 40)
    return rng.choice(len(base), size=n, p=tilted)


def respondents(rng: np.random.Generator, units: pd.DataFrame, n: np.ndarray) -> pd.DataFrame:
    """Unit, sex, age and education codes for every respondent, unit by unit."""
    parts = [
        pd.DataFrame({
            "unit": np.full(k, h, dtype=np.int16),
            "sex": profile(rng, list(SEX.values()), k),
            "age": profile(rng, SAMPLE_AGE, k),
            "edu": profile(rng, SAMPLE_EDU, k),
        })
        for h, k in enumerate(n)
    ]
    return pd.concat(parts, ignore_index=True)


def answers(rng: np.random.Generator, people: pd.DataFrame, effect: np.ndarray) -> pd.DataFrame:
    """Items q01..q20 coded 1-5, with 9 for "don't know" at an item-specific rate."""
    base = effect[people["unit"]] + 0.12 * people["age"] - 0.15 * people["edu"]
    person = base.to_numpy() + rng.normal(0.0, 0.6, len(people))
    columns = {}
    for item in ITEMS:
        latent = person + rng.normal(rng.normal(0.0, 0.3), 1.0, len(people))
        coded = (np.searchsorted(CUTS, latent) + 1).astype(np.int8)
        coded[rng.random(len(people)) < rng.uniform(0.01, 0.08)] = 9
        columns[item] = coded
    return pd.DataFrame(columns)


def labelled(people: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Replace the codes by categorical labels and add the district of each unit."""
    def categorical(codes: pd.Series, labels: list[str]) -> pd.Categorical:
        return pd.Categorical.from_codes(codes.to_numpy(), categories=labels)
    unit_district = units["district"].to_numpy()[people["unit"]]
    return pd.DataFrame({
        "unit": categorical(people["unit"], list(units["unit"])),
        "district": pd.Categorical(unit_district, categories=list(DISTRICTS)),
        "sex": categorical(people["sex"], list(SEX)),
        "age": categorical(people["age"], list(AGE)),
        "edu": categorical(people["edu"], list(EDU)),
    })


def survey(rows: int) -> pd.DataFrame:
    """The whole survey of `rows` respondents, rows shuffled, with design weights w = N_h / n_h."""
    rng = np.random.default_rng(SEED)
    units = unit_frame(rng)
    n = quotas(units, rows)
    people = respondents(rng, units, n)
    weights = (units["transactions"] / n).to_numpy()[people["unit"]]
    items = answers(rng, people, units["effect"].to_numpy())
    frame = pd.concat([labelled(people, units), items], axis=1).assign(w=weights)
    return frame.iloc[rng.permutation(rows)].reset_index(drop=True)


def margins() -> pd.DataFrame:
    """Population totals of the four raking variables, each adding up to POPULATION."""
    sets = {"district": DISTRICTS, "sex": SEX, "age": AGE, "edu": EDU}
    parts = [
        pd.DataFrame({"variable": name, "level": list(shares),
                      "total": allocate(POPULATION, np.array(list(shares.values()), float))})
        for name, shares in sets.items()
    ]
    return pd.concat(parts, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="+", help="sizes to write, e.g. 10000 1000000")
    parser.add_argument("--csv", action="store_true", help="also write CSV (what R reads)")
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    margins().to_csv(margins_path(), index=False)
    for rows in args.rows:
        frame = survey(rows)
        frame.to_parquet(data_path(rows), index=False)
        if args.csv:
            frame.to_csv(data_path(rows, "csv"), index=False)
        print(f"wrote {rows} rows to {data_path(rows).name}", flush=True)


if __name__ == "__main__":
    main()
