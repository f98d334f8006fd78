"""The staff catalogues are complete; the migration gives existing accounts their own token."""
import re
from pathlib import Path

from alembic import command
from sqlalchemy import text

from survey.accounts import messages as accounts
from survey.accounts.models import AUDIT_ACTIONS, ROLES
from survey.admin import messages as admin
from survey.text import LANGUAGES
from survey.units.models import LEVELS
from tests.app.test_migrations import empty_database, run_on  # noqa: F401 (a fixture)

SURVEY = Path(__file__).resolve().parents[2] / "survey"


def test_every_staff_text_has_both_languages_and_every_key_used_exists():
    for catalogue in (accounts.MESSAGES, admin.MESSAGES):
        assert all(len(texts) == len(LANGUAGES) and all(t.strip() for t in texts) for texts in catalogue.values())
    used = set()
    for template in [*(SURVEY / "accounts").rglob("*.html"), *(SURVEY / "admin").rglob("*.html")]:
        used |= set(re.findall(r"\bsay\('([a-z0-9_]+)'[,)]", template.read_text(encoding="utf-8")))
    # keys made up in templates: 'role_' + role, 'action_' + action, 'level_' + level, 'confirm_' + action
    used |= {f"role_{r}" for r in ROLES} | {f"action_{a}" for a in AUDIT_ACTIONS} | {f"level_{v}" for v in LEVELS}
    used |= {f"confirm_{a}{end}" for a in ("disable", "reset") for end in ("", "_body")}
    assert not [key for key in used if not admin.known(key)]


def test_every_parameter_is_in_both_languages():
    for catalogue in (accounts.MESSAGES, admin.MESSAGES):
        for key, (vietnamese, english) in catalogue.items():
            assert set(re.findall(r"{(\w+)}", vietnamese)) == set(re.findall(r"{(\w+)}", english)), key


def test_existing_accounts_get_a_token_each(empty_database):
    url, schema = empty_database
    tokens = []

    def upgrade_with_users(config, connection):
        command.upgrade(config, "2026_11_26_web_survey")
        for name in ("lan", "hoa"):
            connection.execute(text("INSERT INTO users (username, full_name, role, password_hash, active, created_at) "
                                    "VALUES (:name, '', 'admin', 'x', true, CURRENT_TIMESTAMP)"), {"name": name})
        command.upgrade(config, "2026_11_26_accounts")
        tokens.extend(connection.execute(text("SELECT session_token, failed_logins, must_change_password FROM users")))

    run_on(url, schema, upgrade_with_users)
    assert len({token for token, _, _ in tokens}) == 2 and all(len(token) == 32 for token, _, _ in tokens)
    assert [(failed, bool(must)) for _, failed, must in tokens] == [(0, False), (0, False)]
