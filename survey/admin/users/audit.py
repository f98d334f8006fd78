"""The audit log on the administration pages: every change made by an administrator or from the
command line, newest first, a page at a time (province-wide administrators only)."""
from flask import render_template, request

from survey import db
from survey.accounts.queries import audit_entries
from survey.params import bounded_int

AUDIT_PAGE = 100
"""Audit entries per page."""


def audit():
    before = request.args.get("truoc", type=bounded_int)
    entries = audit_entries(db.session(), before, AUDIT_PAGE)
    older = entries[-1].id if len(entries) == AUDIT_PAGE else None
    return render_template("admin/users/audit.html", entries=entries, older=older)
