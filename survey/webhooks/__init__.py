"""Webhooks: subscribers are told of responses created, verified or rejected and of campaigns closed.

Events are written to an outbox table in the transaction that makes them happen (`events`), so an
acknowledged event is never lost; `flask webhooks deliver` fans them out to the subscriptions and
posts them, signed (`signing`), retrying with exponential backoff (`delivery`).
"""
