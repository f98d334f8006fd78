"""Quarterly and yearly reports for the Department of Home Affairs (Sở Nội vụ), per unit and for the
province: `periods` maps a period to its campaigns, `gather` computes a period's results from the
database, `compose` (pure) turns two periods' results into a report (changes, tests, ranking,
flags), and `xlsx` / `html` render it. `cli` is `flask report quarterly|yearly`."""
