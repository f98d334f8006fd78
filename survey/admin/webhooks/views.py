"""Webhook subscriptions on the administration pages: list, add (the secret shown once), remove,
and the delivery log (status code, attempts, next attempt, last error)."""
from flask import abort, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.errors import InvalidInput
from survey.webhooks.models import EVENTS, WebhookSubscription
from survey.webhooks.operations import (
    add_subscription,
    all_subscriptions,
    recent_deliveries,
    remove_subscription,
    subscription_by_id,
)


def webhooks():
    return webhooks_page({}, [])


def add_webhook():
    url, events = request.form.get("url", "").strip()[:2100], request.form.getlist("event")
    form = {"url": url, "events": events}
    try:
        with db.transaction() as session:
            subscription = add_subscription(session, url, events, current_user())
    except InvalidInput as error:
        return webhooks_page(form, error.problems), 400
    return render_template("admin/webhooks/webhook_created.html", subscription=subscription)


def webhook(subscription_id: int):
    found = subscription_or_404(subscription_id)
    return render_template("admin/webhooks/webhook.html", subscription=found,
                           deliveries=recent_deliveries(db.session(), found))


def remove_webhook(subscription_id: int):
    with db.transaction() as session:
        remove_subscription(session, subscription_or_404(subscription_id), current_user())
    return redirect(url_for("admin.webhooks"))


def subscription_or_404(subscription_id: int) -> WebhookSubscription:
    try:
        return subscription_by_id(db.session(), subscription_id)
    except InvalidInput:
        abort(404)


def webhooks_page(form: dict, problems: list):
    return render_template("admin/webhooks/webhooks.html", subscriptions=all_subscriptions(db.session()), form=form,
                           problems=problems, events=EVENTS, deliveries=recent_deliveries(db.session(), limit=50))
