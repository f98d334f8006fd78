"""Supervisor pages: the campaigns of one's units, a campaign's progress against its quotas,
its flagged responses, and the exclusion log. Everything is limited to the units the reader may
see (`visible_unit_ids`); a campaign with none of them is refused (403). The review of one
response is in `survey.supervisor.review`."""
import math
from collections import Counter
from datetime import datetime

from flask import Blueprint, abort, current_app, render_template, request

from survey import clock, db
from survey.accounts.access import protect, signed_in, visible_unit_ids
from survey.campaigns.models import Campaign
from survey.campaigns.queries import campaign_or_404
from survey.errors import InvalidInput
from survey.params import bounded_int
from survey.quality.progress import (
    Tally,
    daily_counts,
    elapsed_share,
    stratum_progress,
    surveyor_progress,
    unit_progress,
    visible,
)
from survey.quality.queries import flagged_responses
from survey.quality.rules import FLAG_NAMES
from survey.responses.models import EXCLUSION_REASONS, STATUSES, Exclusion
from survey.responses.queries import campaigns_in_scope, exclusion_entries
from survey.sampling import messages as sample_messages
from survey.sampling.achieved import achieved
from survey.supervisor.answers import stratum_words
from survey.supervisor.charts import GUTTER, day_axis, day_columns, progress_bars
from survey.supervisor.messages import CATALOGUE, say, words
from survey.text import speaks
from survey.units.queries import unit_names

FLAGGED_PAGE = 50
EXCLUSIONS_PAGE = 100

blueprint = Blueprint("supervisor", __name__, url_prefix="/giam-sat", template_folder="templates")
protect(blueprint, "supervisor", "admin")
speaks(blueprint, CATALOGUE)


@blueprint.context_processor
def supervisor_helpers() -> dict:
    return {"local_time": local_time,
            "percent": lambda value: "–" if value is None else f"{value:.0f} %"}


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "–"
    return clock.day_and_time(moment)


@blueprint.get("/")
def home():
    return render_template("supervisor/home.html", campaigns=campaigns_in_scope(db.session(), scope()))


@blueprint.get("/<slug>")
def progress(slug: str):
    campaign, units = campaign_in_scope(slug)
    session = db.session()
    by_unit = unit_progress(session, campaign, units)
    days = daily_counts(session, campaign, units, current_app.config["TIMEZONE"])
    targets = {t.unit.code: t for t in campaign.units}
    sample = [achieved(row.detail, row.label, targets[row.detail].transactions, row.target, row.collected)
              for row in by_unit]
    return render_template("supervisor/progress.html", campaign=campaign, by_unit=by_unit, total=total(by_unit),
                           achieved=sample, sample_say=sample_messages.say, sample_percent=sample_messages.percent,
                           strata=stratum_progress(session, campaign, units, stratum_words(campaign)),
                           surveyors=surveyor_progress(session, campaign, units), days=days,
                           bars=progress_bars(by_unit, elapsed_share(campaign, clock.today())),
                           columns=day_columns(days, campaign.channel_names), ticks=day_axis(days)[1], gutter=GUTTER)


@blueprint.get("/<slug>/chat-luong")
def flags(slug: str):
    campaign, units = campaign_in_scope(slug)
    targets = {target.unit.code: target.unit for target in visible(campaign, units)}
    chosen = read_filters({"don_vi": list(targets), "loi": FLAG_NAMES, "trang_thai": STATUSES})
    unit = targets.get(chosen["don_vi"])
    found = flagged_responses(db.session(), campaign, units, rule=chosen["loi"], status=chosen["trang_thai"],
                              unit_id=unit.id if unit else None)
    pages = max(math.ceil(len(found) / FLAGGED_PAGE), 1)
    page = min(max(request.args.get("trang", 1, type=int), 1), pages)
    return render_template("supervisor/flags.html", campaign=campaign, targets=targets, chosen=chosen,
                           unit_names={code: unit.name for code, unit in targets.items()},
                           flagged=found[(page - 1) * FLAGGED_PAGE:page * FLAGGED_PAGE], count=len(found),
                           page=page, pages=pages, flag_names=FLAG_NAMES, statuses=STATUSES,
                           names={t.unit_id: t.unit.name for t in campaign.units})


@blueprint.get("/nhat-ky-loai-tru")
def exclusions():
    session, units = db.session(), scope()
    campaigns = {campaign.slug: campaign for campaign in campaigns_in_scope(session, units)}
    unit_list = {unit.code: unit for campaign in campaigns.values() for unit in
                 (target.unit for target in visible(campaign, units))}
    chosen = read_filters({"dot": list(campaigns), "don_vi": list(unit_list), "ly_do": EXCLUSION_REASONS})
    campaign, unit = campaigns.get(chosen["dot"] or ""), unit_list.get(chosen["don_vi"] or "")
    entries = exclusion_entries(session, units, campaign_id=campaign.id if campaign else None,
                                unit_id=unit.id if unit else None, reason=chosen["ly_do"],
                                before=request.args.get("truoc", type=bounded_int), limit=EXCLUSIONS_PAGE)
    return render_template("supervisor/exclusions.html", entries=entries, chosen=chosen, campaigns=campaigns,
                           units={code: unit.name for code, unit in unit_list.items()}, reasons=EXCLUSION_REASONS,
                           names=names_of(session, entries), campaign_names={c.id: c.name for c in campaigns.values()},
                           campaign_texts={slug: c.name for slug, c in campaigns.items()},
                           older=entries[-1].id if len(entries) == EXCLUSIONS_PAGE else None, detail_of=detail_of)


def detail_of(entry: Exclusion) -> str:
    """The entry's detail in the reader's words; one logged before details were stored as data
    holds English text, shown as it is (history)."""
    said = entry.said
    return (entry.detail or "") if said is None else words(said)


def scope() -> frozenset[int] | None:
    return visible_unit_ids(signed_in())


def campaign_in_scope(slug: str) -> tuple[Campaign, frozenset[int] | None]:
    """The campaign and the reader's units; 404 for an unknown campaign, 403 for one outside them."""
    campaign = campaign_or_404(slug)
    units = scope()
    if units is not None and not any(target.unit_id in units for target in campaign.units):
        abort(403)
    return campaign, units


def read_filters(allowed: dict[str, list[str] | tuple[str, ...]]) -> dict[str, str | None]:
    """The filters of the query string (empty: no filter); a value not offered is a 400."""
    chosen = {name: request.args.get(name) or None for name in allowed}
    problems = [CATALOGUE.problem("bad_filter", name, name=name, value=value) for name, value in chosen.items()
                if value is not None and value not in allowed[name]]
    if problems:
        raise InvalidInput(problems)
    return chosen


def total(rows: list[Tally]) -> Tally:
    counts = sum((Counter(row.counts) for row in rows), Counter())
    targets = [row.target for row in rows if row.target is not None]
    return Tally(say("total"), sum(targets) if targets else None, dict(counts),
                 screened=sum(row.screened for row in rows))


def names_of(session, entries) -> dict[int, str]:
    """Unit names of the log's entries."""
    return unit_names(session, {entry.unit_id for entry in entries if entry.unit_id is not None})
