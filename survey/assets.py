"""Static files under versioned URLs: `url_for('static', ...)` adds a hash of the file, and a
request carrying the current hash may be cached for a year (a new file gets a new URL)."""
import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, request
from werkzeug.wrappers import Response

ONE_YEAR = 365 * 24 * 3600


def register(app: Flask) -> None:
    app.url_defaults(add_version)
    app.after_request(cache_versioned)


def add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values:
        values.setdefault("v", version(values["filename"]))


def version(filename: str) -> str:
    if current_app.static_folder is None:  # no static files to version
        return ""
    path = Path(current_app.static_folder, filename)
    try:
        return content_hash(str(path), path.stat().st_mtime_ns)
    except OSError:  # a missing file: Flask answers 404 anyway
        return ""


@lru_cache(maxsize=64)
def content_hash(path: str, _mtime_ns: int) -> str:
    """Keyed by modification time too, so an edited file gets a new URL without a restart."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def cache_versioned(response: Response) -> Response:
    filename = (request.view_args or {}).get("filename")
    if request.endpoint == "static" and response.status_code == 200 and filename \
            and request.args.get("v") == version(filename):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    return response
