"""Every refusal under /api/ is JSON with a code, a message and the field; the rest of the site keeps
its HTML error pages. A token over its rate limit gets 429; made-up tokens count as their address."""
import pytest

from tests.api.conftest import Api


def error_of(response) -> dict:
    assert response.is_json, response.get_data(as_text=True)[:200]
    return response.get_json()["error"]


@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/api/v1/khong-co", 404, "not_found"),
    ("GET", "/api/khong-co", 404, "not_found"),
    ("DELETE", "/api/v1/units", 405, "method_not_allowed"),
    ("PUT", "/api/v1/responses", 405, "method_not_allowed"),
    ("GET", "/api/v1/responses/not-a-uuid", 404, "not_found"),
])
def test_routing_errors_are_json(api, method, path, status, code):
    response = api.client.open(path, method=method, headers=api.headers())
    assert response.status_code == status and error_of(response)["code"] == code


def test_bodies_that_are_not_json(api):
    post = lambda **kwargs: api.client.post("/api/v1/responses", headers=api.headers(), **kwargs)  # noqa: E731
    assert error_of(post(data="{", content_type="application/json"))["code"] == "malformed_json"
    assert error_of(post(data=b"\xff\xfe", content_type="application/json"))["code"] == "malformed_json"
    assert post(data="a=1", content_type="application/x-www-form-urlencoded").status_code == 415
    assert post(json=[1, 2]).status_code == 400
    assert post(json="text").status_code == 400
    too_large = post(data=b"[" + b"0," * 600_000 + b"0]", content_type="application/json")
    assert too_large.status_code == 413 and error_of(too_large)["code"] == "payload_too_large"


def test_nul_and_lone_surrogates_are_refused_not_stored(api):
    assert api.get("/units/AG%00LX").status_code == 400
    assert api.get("/responses", campaign="a\x00b").status_code == 400
    refused = api.client.post("/api/v1/invitations", headers=api.headers(), content_type="application/json",
                              data='{"campaign": "\\ud800", "unit": "x", "dossier_codes": ["a"]}')
    assert refused.status_code == 400 and error_of(refused)["field"] == "campaign"


def test_the_rest_of_the_site_keeps_html_errors(client):
    response = client.get("/khong-co")
    assert response.status_code == 404 and response.mimetype == "text/html"


def test_a_token_over_its_rate_limit_gets_429(api, settings):
    settings["LIMIT_API_PER_TOKEN"] = "3 per minute"
    statuses = [api.get("/units").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert error_of(api.get("/units"))["code"] == "rate_limited"


def test_made_up_tokens_share_the_counter_of_their_address(client, api, settings):
    settings["LIMIT_API_PER_TOKEN"] = "3 per minute"
    made_up = [Api(client, f"sv_made-up-{n}").get("/units").status_code for n in range(4)]
    assert made_up == [401, 401, 401, 429]
    assert Api(client, None).get("/units").status_code == 429  # no token at all: the same counter
    assert api.get("/units").status_code == 200  # an issued token counts on its own


def test_unknown_query_parameters_are_refused_not_ignored(api):
    misspelt = api.get("/responses", stauts="verified")
    assert misspelt.status_code == 400 and error_of(misspelt)["field"] == "stauts"
    assert error_of(api.get("/units", page="2"))["field"] == "page"
