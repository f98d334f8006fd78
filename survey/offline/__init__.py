"""Offline paper entry: the service worker that keeps the entry pages and their assets on the
device, and the queue (IndexedDB, static/offline.js) of forms keyed while the network is down."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.offline import messages, views

    app.register_blueprint(views.blueprint)
    app.add_template_global(messages.say, "offline_say")
