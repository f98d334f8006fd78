"""An administrator signed in; the staff fixtures of tests/accounts."""
import pytest

from tests.accounts.conftest import fresh_limits, make_user, new_browser, settings, staff  # noqa: F401 (fixtures)


@pytest.fixture
def admin(staff, make_user):
    """A browser signed in as the administrator 'quantri'."""
    make_user("quantri", "admin", full_name="Lê Văn Quản")
    staff.sign_in("quantri")
    return staff
