"""Staff browsers and accounts (from tests/accounts), and the generated SIPAS campaign (from tests/results)."""
from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)


def signed_in(app, make_user, role: str, **fields) -> Staff:
    """A browser signed in as a new account of `role`."""
    make_user("phan-tich", role, **fields)
    browser = Staff(app.test_client())
    browser.sign_in("phan-tich")
    return browser
