"""Webhook subscriptions on the administration pages: list, add (the secret shown once), remove, and
the delivery log."""
