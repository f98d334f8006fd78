"""Parquet through pyarrow: a fixed schema for every batch, one row group per batch."""
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from survey.exports.variables import Variable

ARROW_TYPES = {"text": pa.string(), "choice": pa.string(), "number": pa.float64(),
               "datetime": pa.timestamp("us", tz="UTC")}


def arrow_schema(variables: list[Variable], language: str) -> pa.Schema:
    """Fixed types for every batch; each field keeps its variable label as metadata."""
    return pa.schema([pa.field(v.name, ARROW_TYPES[v.kind], metadata={"label": v.label.text(language)})
                      for v in variables])


class ParquetWriter:
    """Parquet, one row group per batch."""

    def __init__(self, path: Path, variables: list[Variable], language: str) -> None:
        self.schema = arrow_schema(variables, language)
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, columns: dict[str, list]) -> None:
        self.writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=self.schema))

    def close(self) -> None:
        self.writer.close()

    def discard(self) -> None:
        self.writer.close()
