"""The small reference data sets (see reference/make_data.py) as DataFrames."""

from pathlib import Path

import pandas as pd
import pytest

REFERENCE = Path(__file__).parent / "reference"


def read_reference(name: str) -> pd.DataFrame:
    """A reference CSV with q1f: q1 as a Categorical 1..5 where 9 (don't know) is missing."""
    data = pd.read_csv(REFERENCE / name)
    data["q1f"] = pd.Categorical(data["q1"].where(data["q1"] != 9), categories=[1.0, 2.0, 3.0, 4.0, 5.0])
    data["q1f"] = data["q1f"].cat.rename_categories([1, 2, 3, 4, 5])
    return data


@pytest.fixture(scope="session")
def strat() -> pd.DataFrame:
    return read_reference("strat.csv")


@pytest.fixture(scope="session")
def clus() -> pd.DataFrame:
    return read_reference("clus.csv")
