"""The province's internal PAR index: its definitions (fields → criteria → sub-criteria with their
points and sources) stored as drafts and immutable published documents, imported and exported as
XLSX. The rules and the scoring are analysis.par_index's."""
