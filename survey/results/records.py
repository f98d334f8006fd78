"""Rows of a results table read by column name."""
from collections.abc import Iterator
from typing import Any

import pandas as pd


def records(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of `frame` as named tuples, without the index. Typed Any: a row's fields are the
    frame's columns, which pandas' hints cannot know (they give every field the union of all cell
    types, so `row.label.split` would not check)."""
    return frame.itertuples(index=False)
