"""Background exports: a job per export an analyst asks for on the analysis pages.

A job is claimed by one worker with an atomic UPDATE (see `survey.exports.jobs`), reports its
progress and a heartbeat while it runs, and ends done (its file in the instance folder) or failed
(with the problems of the analyst's choices, or the reference of an unexpected error).
"""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.db import Base, Document, utcnow

JOB_STATES = ("queued", "running", "done", "failed")
JOB_FORMATS = ("csv", "xlsx", "sav", "dta", "parquet")
JOB_LAYOUTS = ("wide", "long")
JOB_WEIGHTINGS = ("none", "design", "raked")


class ExportJob(Base):
    __tablename__ = "export_jobs"
    __table_args__ = (
        CheckConstraint(f"state IN {JOB_STATES}", name="state_known"),
        CheckConstraint(f"file_format IN {JOB_FORMATS}", name="format_known"),
        CheckConstraint(f"layout IN {JOB_LAYOUTS}", name="layout_known"),
        CheckConstraint(f"weighting IN {JOB_WEIGHTINGS}", name="weighting_known"),
        CheckConstraint("(weighting = 'raked') = (margins IS NOT NULL)", name="margins_for_raked"),
        CheckConstraint("rows_done >= 0", name="rows_done_not_negative"),
        CheckConstraint("(state = 'done') = (file_name IS NOT NULL)", name="done_has_file"),
        CheckConstraint("state <> 'failed' OR error IS NOT NULL", name="failed_has_error"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    file_format: Mapped[str] = mapped_column(String(8))
    layout: Mapped[str] = mapped_column(String(8), default="wide")
    weighting: Mapped[str] = mapped_column(String(8), default="none")
    margins: Mapped[str | None] = mapped_column(Text)
    """The margins CSV as uploaded (weighting raked)."""
    filters: Mapped[dict] = mapped_column(Document, default=dict)
    """{"units": [codes], "statuses": [...], "from": "YYYY-MM-DD" | None, "to": ..., "language": "vi",
    "bom": false}."""
    state: Mapped[str] = mapped_column(String(8), default="queued", index=True)
    rows_done: Mapped[int] = mapped_column(default=0)
    rows_total: Mapped[int | None]
    file_name: Mapped[str | None] = mapped_column(String(200))
    """The finished file, in the export folder of the instance."""
    error: Mapped[str | None] = mapped_column(Text)
    """Why the job failed, as problems (keys and parameters, `survey.exports.failures`, said in the
    reader's language): those of its choices (shown to the analyst), or, with `error_reference`, a
    note for operators. Rows from before hold English text, shown as it is."""
    error_reference: Mapped[str | None] = mapped_column(String(16))
    """An unexpected error's reference, logged with its trace: the analyst is told only this."""
    worker: Mapped[str | None] = mapped_column(String(120))
    """Who claimed the job (host, process, thread): only that worker may report on it."""
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    user: Mapped[User] = relationship()
    campaign: Mapped[Campaign] = relationship()
