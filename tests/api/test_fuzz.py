"""Schemathesis against /api/v1/openapi.json over the WSGI app: generated requests for every
operation, valid and invalid ones, must never meet a 5xx, and every answer must match the document
(status codes, content type, schemas), invalid data must be refused, and authentication must not
be ignored. Bounded and deterministic (derandomized hypothesis).

Left out: positive_data_acceptance (every schema-valid request answered 2xx). A document that fits
the schema can still name a campaign or unit that does not exist, or answers that break the
questionnaire's rules; no schema can say so, and the API answers 400 naming the field."""
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from survey.api.openapi import document
from survey.db import utcnow
from survey.tokens.operations import issue_token
from tests.api.conftest import ALL_SCOPES

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "20"))
"""Examples per operation (the suite's default keeps it under a minute; bench/README.md reports a
longer run with API_FUZZ_EXAMPLES=200)."""


@pytest.fixture
def token(session, make_campaign, make_unit, make_submission):
    """A province-wide token with every scope, over a campaign with one stored response."""
    from survey.responses.operations import record_response

    campaign = make_campaign()
    make_unit("AG-LX-MB", "commune", parent=make_unit("AG-LX"))
    record_response(session, make_submission(campaign), campaign.opens_on)
    _, secret = issue_token(session, "fuzz", list(ALL_SCOPES), None, None, utcnow())
    session.commit()
    return secret


@pytest.fixture
def served(app, token, settings):
    """The app, with a rate limit the fuzzer (one very busy client) does not reach."""
    settings["LIMIT_API_PER_TOKEN"] = "100000 per minute"
    return app


def test_the_document_is_the_one_served(client):
    assert client.get("/api/v1/openapi.json").get_json() == document()


# The document is built from the declared endpoints, without an app (schemathesis' lazy fixture
# loader does not work with this pytest); each case is sent to the test app over WSGI.
schema = schemathesis.openapi.from_dict(document())


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_as_documented(case, served, token):
    case.operation.app = case.operation.schema.app = served  # as from_wsgi: every request (probes too) over WSGI
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, excluded_checks=[positive_data_acceptance])
