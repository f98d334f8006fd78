"""Export pages on the analysis blueprint (/phan-tich/xuat-du-lieu): ask for an export, follow its
progress, download it when done.

An export is a job (survey.exports.jobs) run in the background by a thread of the web process or
by `flask exports work`. The list shows each job's progress; a small script (static/export-jobs.js)
polls the JSON status and refreshes it, and without JavaScript the page's reload link does. Only
the analyst who asked, or an administrator, sees a job's status and downloads its file.
"""

from flask import abort, current_app, jsonify, redirect, render_template, request, send_file, url_for

from survey import clock, db
from survey.accounts.access import signed_in
from survey.analyst.exports_messages import say
from survey.analyst.views import blueprint, uploaded_margins
from survey.campaigns.queries import all_campaigns
from survey.exports import jobs
from survey.exports.failures import said
from survey.exports.models import JOB_FORMATS, JOB_LAYOUTS, JOB_WEIGHTINGS, ExportJob
from survey.exports.requests import JobChoice, job_by_id, jobs_of, queue_job, surveyed_units
from survey.responses.models import STATUSES
from survey.responses.queries import latest_campaign_id
from survey.text import language

MIMETYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "sav": "application/x-spss-sav", "dta": "application/x-stata-dta",
             "parquet": "application/vnd.apache.parquet"}


@blueprint.get("/xuat-du-lieu")
def exports():
    user = signed_in()
    listed = jobs_of(db.session(), user, user.role == "admin")
    return render_template("analyst/exports/index.html", campaigns=all_campaigns(db.session()),
                           jobs=listed, formats=JOB_FORMATS,
                           layouts=JOB_LAYOUTS, weightings=JOB_WEIGHTINGS, statuses=STATUSES, say=say,
                           units=surveyed_units(db.session()), failure=failure, local=clock.day_and_time,
                           keep_days=current_app.config["EXPORT_KEEP_DAYS"],
                           chosen=latest_campaign_id(db.session()),
                           busy=any(job.state in ("queued", "running") for job in listed))


@blueprint.post("/xuat-du-lieu")
def request_export():
    with db.transaction() as session:
        job = queue_job(session, signed_in(), posted_choice())
    start_worker()
    return redirect(url_for("analyst.exports", _anchor=f"job-{job.id}"), 303)


@blueprint.get("/xuat-du-lieu/<int:job_id>.json")
def export_status(job_id: int):
    job = own_job(job_id)
    if job.state == "queued":
        start_worker()  # also recovers the jobs of a worker that died
    download = url_for("analyst.export_download", job_id=job.id) if job.state == "done" else None
    return jsonify(id=job.id, state=job.state, state_text=say(f"state_{job.state}"), rows_done=job.rows_done,
                   rows_total=job.rows_total, error=failure(job), download=download)


@blueprint.get("/xuat-du-lieu/<int:job_id>/tai-ve")
def export_download(job_id: int):
    job = own_job(job_id)
    path = jobs.export_folder() / job.file_name if job.state == "done" and job.file_name else None
    if path is None or not path.is_file():
        abort(404)
    zipped = path.suffix == ".zip"  # a wide export with repeats: its files in one ZIP (jobs._bundle)
    return send_file(path, mimetype="application/zip" if zipped else MIMETYPES[job.file_format], as_attachment=True,
                     download_name=job.file_name)


def failure(job: ExportJob) -> str | None:
    """What the analyst is told of a failed job, in the reader's language: the problems of the choices,
    or for an unexpected error the catalogue's message with its reference (the exception itself is in
    the log)."""
    if job.state != "failed":
        return None
    if job.error_reference:
        return say("export_failed", reference=job.error_reference)
    return said(job.error or "", language())


def own_job(job_id: int) -> ExportJob:
    """The job, if the signed-in user asked for it or is an administrator: else 404 or 403."""
    job = job_by_id(db.session(), job_id) or abort(404)
    user = signed_in()
    if job.user_id != user.id and user.role != "admin":
        abort(403)
    return job


def posted_choice() -> JobChoice:
    form = request.form
    return JobChoice(form.get("campaign", ""), form.get("file_format", ""), form.get("layout", "wide"),
                     form.get("weighting", "none"), uploaded_margins(), tuple(form.getlist("unit")),
                     tuple(form.getlist("status")), form.get("from", ""), form.get("to", ""),
                     form.get("language", language()), form.get("bom") == "1", current_app.config["TIMEZONE"])


def start_worker() -> None:
    """A background thread runs the queue in this process (EXPORT_THREADS; off in tests, which run
    `flask exports work`)."""
    if current_app.config["EXPORT_THREADS"]:
        # the app behind the proxy, for the thread; Flask's hints type current_app as the app itself
        jobs.start_thread(current_app._get_current_object())  # type: ignore[attr-defined]
