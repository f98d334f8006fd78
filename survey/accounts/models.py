"""People who sign in, their role, the units their work is scoped to, and the audit log."""
import secrets
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Column, DateTime, ForeignKey, Integer, String, Table, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from survey.db import Base, Document, utcnow
from survey.units.models import Unit

ROLES = ("admin", "supervisor", "surveyor", "analyst", "agency_officer")
AUDIT_ACTIONS = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked", "webhook_added", "webhook_removed",
    "dossiers_drawn", "units_reorganised", "questionnaire_texts_edited", "campaign_version_moved",
    "par_round_opened", "par_self_assessed", "par_evidence_added", "par_evidence_removed", "par_submitted",
    "par_appraised", "par_answered", "par_finalised",
)

user_units = Table(
    "user_units",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id", ondelete="RESTRICT"), primary_key=True),
)


def new_session_token() -> str:
    return secrets.token_hex(16)


class User(Base):
    """An account. No scoped units means the whole province (for admins and analysts).

    `session_token` is copied into the signed session cookie at sign-in; replacing it ends every
    session of the account at once (signing out, password change or reset, disabling, a new role
    or new units), on every worker and host.
    """

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN {ROLES}", name="role_known"),
        CheckConstraint("username <> ''", name="username_not_empty"),
        CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    # Failed sign-ins in a row, and the lock they lead to: in the database, so every worker agrees.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when an administrator chose the password (a temporary one): the user must replace it.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    units: Mapped[list[Unit]] = relationship(secondary=user_units, order_by=Unit.code)

    def set_password(self, password: str) -> None:
        # Werkzeug's default is scrypt with a random salt.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def end_sessions(self) -> None:
        self.session_token = new_session_token()


class AuditEntry(Base):
    """One administrative action: who (NULL: the command line), when, what, on whom or on what, details.

    `target` is the account acted on; `subject` names anything else ("campaign sipas-2026").
    """

    __tablename__ = "audit_log"
    __table_args__ = (CheckConstraint(f"action IN {AUDIT_ACTIONS}", name="action_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    subject: Mapped[str | None] = mapped_column(String(160))
    details: Mapped[dict] = mapped_column(Document, default=dict)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    target: Mapped[User | None] = relationship(foreign_keys=[target_id])
