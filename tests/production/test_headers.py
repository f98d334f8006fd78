"""Security headers on pages, redirects, errors and static files; HSTS only over TLS."""
import pytest

from survey import create_app

PATHS = ["/", "/tiep-tuc", "/khong-co", "/healthz", "/static/site.css"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_headers(client, path):
    with client.get(path) as response:
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_redirects_and_refusals_carry_them_too(client):
    refused = client.post("/tiep-tuc", data={"code": "X"})  # no CSRF token
    assert refused.status_code == 400 and "Content-Security-Policy" in refused.headers


def test_no_hsts_over_plain_http(client):
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_hsts_over_tls(client):
    headers = client.get("/", base_url="https://survey.example").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def proxied_app(hops: int):
    return create_app({"SURVEY_ENV": "testing", "DATABASE_URL": "sqlite://", "TRUSTED_PROXIES": hops})


def test_hsts_behind_a_trusted_proxy_that_terminated_tls():
    headers = proxied_app(1).test_client().get("/healthz", headers={"X-Forwarded-Proto": "https"}).headers
    assert "Strict-Transport-Security" in headers


def test_a_forwarded_proto_without_trusted_proxies_is_ignored():
    headers = proxied_app(0).test_client().get("/healthz", headers={"X-Forwarded-Proto": "https"}).headers
    assert "Strict-Transport-Security" not in headers


def test_pages_have_no_inline_script_or_style(client, make_campaign, session):
    make_campaign("open-web")
    session.commit()
    for path in ("/", "/k/open-web/AG-LX", "/k/open-web/AG-LX/ap-phich", "/tiep-tuc"):
        html = client.get(path).get_data(as_text=True)
        assert "<script" not in html and "<style" not in html and " style=" not in html, path
