"""Results of a campaign: its responses as a DataFrame, weighting choices, index tables and reports."""
