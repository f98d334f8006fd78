"""A subscription's URL is refused unless it is well formed and names a host: a space, credentials,
another scheme or a numeric address (loopback, the metadata service, a private network) are refused
with the catalogue's message, on the command line and the admin page, and nothing is stored."""
import pytest
from sqlalchemy import select

from survey.webhooks.addresses import is_public, parse_hosts, url_acceptable
from survey.webhooks.models import WebhookSubscription

REFUSED = ["http://exa mple.vn/hook", "https://mot-cua.example.vn/ho ok", "ftp://mot-cua.example.vn/hook",
           "https://user:secret@mot-cua.example.vn/hook", "https://@mot-cua.example.vn/hook",
           "https://mot-cua.example.vn:99999/hook", "https://mot-cua.example.vn:0/hook", "https://sở.vn/hook",
           "https://mot-cua.example.vn/\x00", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
           "http://[::1]:8080/hook", "http://[::ffff:127.0.0.1]/hook", "http://2130706433/", "http://0x7f.1/",
           "http://127.1/", "http:///hook", "https://-bad-.example.vn/"]
ACCEPTED = ["https://mot-cua.example.vn/hook", "http://receiver.example.vn:8080/a?b=c", "https://xn--s-9ua.vn/",
            "https://hook.example.vn./x"]


@pytest.mark.parametrize("url", REFUSED)
def test_a_url_that_is_not_a_named_http_address_is_refused(url):
    assert not url_acceptable(url, frozenset())


@pytest.mark.parametrize("url", ACCEPTED)
def test_a_named_http_address_is_accepted(url):
    assert url_acceptable(url, frozenset())


def test_the_setting_allows_named_hosts_and_addresses():
    allowed = parse_hosts("127.0.0.1, [::1] Receiver.Local")
    assert allowed == {"127.0.0.1", "::1", "receiver.local"}
    assert all(url_acceptable(url, allowed) for url in ("http://127.0.0.1:9/hook", "http://[::1]:9/hook",
                                                        "http://receiver.local/hook"))
    assert not url_acceptable("http://10.0.0.1/hook", allowed)


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1",
                                     "::", "fe80::1%eth0", "fc00::1", "ff02::1", "::ffff:127.0.0.1",
                                     "::ffff:169.254.169.254", "2002:7f00:1::", "2001:db8::1", "::127.0.0.1"])
def test_internal_and_reserved_addresses_are_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])
def test_public_addresses_are_public(address):
    assert is_public(address)


def test_the_command_refuses_a_numeric_or_spaced_url(cli, session):
    for url in ("http://169.254.169.254/latest/meta-data/", "https://mot-cua.example.vn/ho ok"):
        result = cli("webhooks", "add", url)
        assert result.exit_code == 1 and "url: an http:// or https:// address naming a host" in result.output
    assert session.scalars(select(WebhookSubscription)).all() == []


def test_the_admin_page_refuses_a_url_with_a_space_in_both_languages(staff, make_user, session):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    event = ["response.created"]
    spaced = staff.post("/quan-tri/webhook", {"url": "https://mot-cua.example.vn/ho ok", "event": event})
    assert spaced.status_code == 400
    assert "Địa chỉ nhận (URL): cần một địa chỉ bắt đầu bằng http:// hoặc https:// rồi đến tên máy chủ" in staff.text()
    staff.get("/quan-tri/webhook?lang=en")
    assert staff.post("/quan-tri/webhook", {"url": "http://10.0.0.1/hook", "event": event}).status_code == 400
    assert "url: an http:// or https:// address naming a host (not a numeric address)" in staff.text()
    assert session.scalars(select(WebhookSubscription)).all() == []
