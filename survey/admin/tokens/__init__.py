"""API tokens on the administration pages: list, issue (the token shown once), revoke."""
