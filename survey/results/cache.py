"""Results kept between views: what the analysis page shows of one campaign, recipe, weighting
(with its margins), breakdown and language, computed once and reused until the responses change.

Entries are files in a folder shared by the workers of a host (RESULTS_CACHE_FOLDER, by default
the instance folder's `results-cache/`; in tests a folder of the process). An entry's name is a
digest of the choice and of the campaign's version stamp: the count and largest id of its
responses, the latest submission, the count and largest id of their review changes, the targets'
N_h and the minimum cell size. A new response, a status or answer corrected by a review, or a
changed N_h gives a new stamp, hence a recomputation; the entries of older stamps are removed.

Entries are pickles written by this module only, into a folder of the service (never uploaded).
"""
import atexit
import functools
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.responses.models import Response, ResponseChange

Kept = TypeVar("Kept")
"""What a cache entry holds: a results page's summary, a frequency table..."""


def stamp(session: Session, campaign: Campaign) -> str:
    """A short digest that changes whenever the campaign's results may change."""
    ids = select(Response.id).where(Response.campaign_id == campaign.id).scalar_subquery()
    responses = session.execute(select(func.count(Response.id), func.max(Response.id), func.max(Response.submitted_at))
                                .where(Response.campaign_id == campaign.id)).one()
    changes = session.execute(select(func.count(ResponseChange.id), func.max(ResponseChange.id))
                              .where(ResponseChange.response_id.in_(ids))).one()
    latest = session.scalar(select(Response.uuid).where(Response.id == responses[1])) if responses[1] else None
    targets = sorted((t.unit.code, t.transactions) for t in campaign.units)
    return digest(campaign.id, tuple(responses), tuple(changes), latest, targets, campaign.min_cell_size,
                  campaign.questionnaire_version_id)[:16]


def digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def cached(choice_key: str, version: str, compute: Callable[[], Kept]) -> Kept:
    """The entry of `choice_key` at `version`, computed (and kept) when missing; a key names what
    `compute` makes (the callers digest its kind and arguments into it), so a kept entry is one."""
    folder = cache_folder()
    path = folder / f"{choice_key}-{version}.pickle"
    try:
        with path.open("rb") as entry:
            return pickle.load(entry)
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        pass
    value = compute()
    _write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for older in folder.glob(f"{choice_key}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)
    return value


def keep_text(text: str) -> str:
    """Keep `text` (an uploaded margins file) under its digest, for the chart URLs to name it."""
    name = digest(text)[:32]
    path = cache_folder() / f"margins-{name}.csv"
    if not path.exists():
        _write(path, text.encode("utf-8"))
    return name


def kept_text(name: str) -> str | None:
    """The text kept under `name`, None when unknown (or `name` is not a digest)."""
    if len(name) != 32 or not all(c in "0123456789abcdef" for c in name):
        return None
    path = cache_folder() / f"margins-{name}.csv"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _write(path: Path, data: bytes) -> None:
    # Written aside, then renamed: a worker reading at the same time sees the whole entry or none.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def cache_folder() -> Path:
    configured = current_app.config["RESULTS_CACHE_FOLDER"]
    folder = Path(configured) if configured else _test_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@functools.cache
def _test_folder() -> Path:
    """One folder per test process, removed at its end: tests never share the instance's entries."""
    folder = Path(tempfile.mkdtemp(prefix="survey-results-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder
