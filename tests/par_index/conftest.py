"""The browser fixtures of tests/browser for the PAR index's page walks, imported once for the folder:
two modules importing the session's chromium each would start Playwright twice in one process."""
from tests.browser.conftest import artifacts, browser, live_server  # noqa: F401 (fixtures)
