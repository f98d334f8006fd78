"""Data exports of a campaign's responses for analysts: CSV, XLSX, SPSS, Stata, Parquet, and codebooks."""
