"""Accounts on the administration pages (`views`) and the audit log (`audit`)."""
