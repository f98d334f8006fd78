"""The respondent and campaigns of tests/public, and the staff of tests/accounts."""
from tests.accounts.conftest import make_user, settings, staff  # noqa: F401 (fixtures)
from tests.public.conftest import fresh_limits, respondent, three_pages  # noqa: F401 (fixtures)
