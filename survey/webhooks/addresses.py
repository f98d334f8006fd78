"""Where webhooks may be posted.

A subscriber chooses the URL, so without these checks the service would post wherever it is told:
to itself, to the cloud metadata service at 169.254.169.254, to the province's internal network,
and the delivery log would tell which ports answer. When a subscription is made its URL must be
well formed and name a host (`url_acceptable`); when a post is made every address the host
resolves to must be public (`checked_address`), and the post goes to the address that was checked,
never to a second resolution that could differ. `WEBHOOK_ALLOWED_HOSTS` lists the hosts an operator
trusts anyway (a receiver on the same machine, a test).
"""
import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

from flask import current_app

MAX_URL = 2000
HOST_NAME = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?")
NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*")


class Refused(Exception):
    """A post not made; `reason` is what the delivery log says ("url", "not_allowed", "unreachable")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse_hosts(setting: str | Iterable[str]) -> frozenset[str]:
    """Host names or addresses separated by commas or spaces, as `urlsplit` gives them (lower case,
    no brackets around an IPv6 address)."""
    hosts = setting.replace(",", " ").split() if isinstance(setting, str) else setting
    return frozenset(host.strip().strip("[]").lower() for host in hosts if host.strip())


def allowed_hosts() -> frozenset[str]:
    """The hosts of the `WEBHOOK_ALLOWED_HOSTS` setting, posted to whatever they resolve to."""
    return parse_hosts(current_app.config["WEBHOOK_ALLOWED_HOSTS"])


def url_acceptable(url: str, allowed: frozenset[str]) -> bool:
    """For a new subscription: well formed, and its host a name (or an allowed host), not an address."""
    parts = well_formed(url)
    return parts is not None and (parts.hostname in allowed or is_host_name(host_of(parts)))


def well_formed(url: str) -> SplitResult | None:
    """The parts of an http or https URL with a host, no user name or password and nothing to escape
    (no space, control or non-ASCII character); None for anything else."""
    if len(url) > MAX_URL or not url.isascii() or not url.isprintable() or " " in url:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError unless a number from 0 to 65535
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc or port == 0:
        return None
    return parts


def host_of(parts: SplitResult) -> str:
    """The host of a URL `well_formed` accepted (it refuses one without a host)."""
    if not parts.hostname:
        raise Refused("url")
    return parts.hostname


def is_host_name(host: str) -> bool:
    """Labels of letters, digits and hyphens, the last one not a number: 10.0.0.1, 2130706433 and
    0x7f.1 all reach an address without naming a host."""
    labels = host.rstrip(".").split(".")
    return HOST_NAME.fullmatch(host) is not None and not NUMERIC_LABEL.fullmatch(labels[-1])


def checked_address(url: str, allowed: frozenset[str]) -> tuple[SplitResult, str]:
    """The parts of `url` and the address to connect to: one its host resolves to now, every one of
    which is public unless the host is allowed. Raises Refused."""
    parts = well_formed(url)
    if parts is None:
        raise Refused("url")
    addresses = resolve(host_of(parts), parts.port or (443 if parts.scheme == "https" else 80))
    if parts.hostname not in allowed and not all(map(is_public, addresses)):
        raise Refused("not_allowed")
    return parts, addresses[0]


def resolve(host: str, port: int) -> list[str]:
    """Every address of `host` (a numeric host is its own address)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise Refused("unreachable") from error
    return [str(info[4][0]) for info in found]  # typeshed allows an int for AF_UNIX families, never asked for


def is_public(address: str) -> bool:
    """Outside loopback, link-local, private, shared, reserved, multicast and unspecified ranges,
    IPv4 and IPv6; an IPv6 address carrying an IPv4 one (mapped, 6to4) is judged by that one."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    return ip.is_global and not (ip.is_loopback or ip.is_link_local or ip.is_private or ip.is_reserved
                                 or ip.is_multicast or ip.is_unspecified)
