"""A campaign's sample plan: the units with their N_h (typed in a table or
uploaded as CSV unit_code,transactions), the parameters, the plan computed (POST without
`confirm`), then written into the quotas and N_h after a confirmation (POST with `confirm`, the
same values posted again and the plan computed again from them). Percentages on the page;
`survey.sampling.operations` checks everything and writes."""
from collections.abc import Sequence

from flask import redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.admin.files import Refused, read_text, uploaded
from survey.campaigns.models import Campaign
from survey.campaigns.queries import TARGETS_LOADED, campaign_or_404
from survey.errors import InvalidInput, Problem
from survey.sampling import messages
from survey.sampling.operations import Typed, apply_plan, checked_units, read_parameters, units_from_csv
from survey.sampling.plan import ALLOCATIONS, Row, plan_rows

FIELDS = ("margin", "confidence", "eligibility", "response", "allocation", "budget")
DEFAULTS = {"margin": "5", "confidence": "95", "eligibility": "100", "response": "100", "allocation": "rule",
            "budget": ""}


def campaign_sample_plan(slug: str):
    """The endpoint starts with admin.campaign: an administrator limited to units reaches only their campaigns."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    if request.method != "POST":
        typed = {cu.unit.code: "" if cu.transactions is None else str(cu.transactions) for cu in campaign.units}
        return plan_page(campaign, DEFAULTS, typed)
    values = {name: request.form.get(name, "").strip()[:40] for name in FIELDS}
    typed = {cu.unit.code: request.form.get(f"n-{cu.unit.code}", "").strip()[:40] for cu in campaign.units}
    try:
        rows = computed(campaign, values, typed)
        if request.form.get("confirm") == "1":
            return confirmed(campaign, rows)
    except Refused as refused:
        return plan_page(campaign, values, typed, refusal=refused, status=refused.status)
    except InvalidInput as error:
        return plan_page(campaign, values, typed, problems=error.problems, status=400)
    return plan_page(campaign, values, typed, rows=rows)


def computed(campaign: Campaign, values: dict[str, str], typed: dict[str, str]) -> list[Row]:
    """The plan of the posted values: the uploaded file's units, or those typed in the table."""
    file = uploaded("units_file")
    entries = units_from_csv(read_text(file)) if file else [
        Typed(number, code, count) for number, (code, count) in enumerate(sorted(typed.items()), start=1)]
    populations = checked_units(db.session(), entries, campaign)
    if file:
        typed.update({code: str(count) for code, count in populations.items()})
    return plan_rows(populations, read_parameters(values, populations, scale=100))


def confirmed(campaign: Campaign, rows: list[Row]):
    with db.transaction() as session:
        apply_plan(session, campaign, rows, current_user())
    return redirect(url_for("admin.campaign", slug=campaign.slug, saved=1))


def plan_page(campaign: Campaign, values: dict[str, str], typed: dict[str, str], rows: Sequence[Row] = (),
              problems: Sequence[Problem] = (), refusal: Refused | None = None, status: int = 200):
    units = sorted(campaign.units, key=lambda cu: cu.unit.code)
    return render_template("admin/campaigns/sample_plan.html", campaign=campaign, values=values, typed=typed,
                           units=units, rows=list(rows), problems=list(problems), refusal=refusal,
                           allocations=ALLOCATIONS, text=messages.say, share=messages.percent,
                           names={cu.unit.code: cu.unit.name for cu in units},
                           about=lambda field: [p for p in problems if getattr(p, "key", "").startswith(field + "_")],
                           about_unit=lambda code: [p for p in problems if getattr(p, "params", {}).get("unit") == code]
                           ), status
