"""Drawing dossiers (flush only; the caller commits): a stratified simple random sample by unit from a
dossier list, reproducible from its seed, made into single-use invitations linked to the logged draw.

Within a unit, every dossier gets the key SHA-256("seed\\nunit code\\ndossier code"); the dossiers with
the smallest keys are drawn. The keys order the unit's dossiers at random for a given seed, so the
same list and seed give the same draw whatever the order of the rows, on any machine and any Python
version, and anyone can redo it from the seed and the list. Dossiers already invited in the campaign
(by any earlier draw, or typed in) are left out of the frame: a replacement draw never repeats one.
"""
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.campaigns.models import Campaign, CampaignUnit
from survey.draws.listing import Dossier, DossierList, read_list, read_plan
from survey.draws.messages import CATALOGUE
from survey.draws.models import DossierDraw
from survey.errors import InvalidInput, Problem
from survey.invitations.models import Invitation
from survey.invitations.operations import create_invitations

LARGEST_SEED = 2**63 - 1
"""Seeds are stored in a BIGINT."""

Sizes = int | dict[str, int] | None
"""Dossiers to draw: None for the default (the unit's quota; for a replacement draw, the responses its
earlier draws still lack), a number for every unit, or a number per unit code (a plan)."""


@dataclass
class Stratum:
    """A unit of the draw: its dossiers in the list, those left out as already invited, those drawn."""

    target: CampaignUnit
    listed: list[Dossier]
    available: list[Dossier]
    size: int = 0
    drawn: list[Dossier] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.target.unit.code


@dataclass
class DrawPlan:
    """What a draw will do, before anything is written: shown by the dry run, applied by `apply_draw`."""

    campaign: Campaign
    seed: int
    replacement: bool
    listing: DossierList
    strata: list[Stratum]

    def sizes(self) -> dict[str, dict[str, int]]:
        return {s.code: {"listed": len(s.listed), "excluded": len(s.listed) - len(s.available), "drawn": len(s.drawn)}
                for s in self.strata}

    def digest(self) -> str:
        """Changes when the draw would differ (another invitation meanwhile, another list or seed)."""
        drawn = "\n".join(f"{s.code}:{','.join(d.code for d in s.drawn)}" for s in self.strata)
        return hashlib.sha256(f"{self.seed}\n{self.replacement}\n{self.listing.checksum}\n{drawn}".encode()).hexdigest()


def new_seed() -> int:
    return secrets.randbelow(LARGEST_SEED + 1)


def plan_draw(session: Session, campaign: Campaign, text: str, seed: int, sizes: Sizes,
              replacement: bool = False) -> DrawPlan:
    """The draw of `text` (a dossier list) for `campaign`; InvalidInput naming every problem."""
    listing = read_list(text)
    targets = {target.unit.code: target for target in campaign.units}
    strata = strata_of(session, campaign, listing, targets)
    wanted = wanted_sizes(session, campaign, strata, sizes, replacement)
    problems = size_problems(session, campaign, strata, wanted, replacement)
    if problems:
        raise InvalidInput(problems)
    for stratum in strata:
        stratum.size = wanted.get(stratum.code) or 0  # a None size was refused above
        stratum.drawn = sorted(stratum.available, key=lambda d: draw_key(seed, stratum.code, d.code))[:stratum.size]
    if not any(stratum.drawn for stratum in strata):
        raise InvalidInput(CATALOGUE.problem("nothing_drawn"))
    return DrawPlan(campaign, seed, replacement, listing, strata)


def draw_key(seed: int, unit_code: str, dossier_code: str) -> bytes:
    return hashlib.sha256(f"{seed}\n{unit_code}\n{dossier_code}".encode()).digest()


def strata_of(session: Session, campaign: Campaign, listing: DossierList,
              targets: dict[str, CampaignUnit]) -> list[Stratum]:
    """The list's dossiers by unit (units by code); every unit a target of the campaign with its N_h."""
    by_unit: dict[str, list[Dossier]] = {}
    for item in listing.dossiers:
        by_unit.setdefault(item.unit_code, []).append(item)
    problems = [unit_problem(campaign, targets.get(code), code, rows[0].row) for code, rows in by_unit.items()]
    if any(problems):
        raise InvalidInput([problem for problem in problems if problem])
    taken = invited(session, campaign, [item.code for item in listing.dossiers])
    return [Stratum(targets[code], rows, [d for d in rows if d.code not in taken])
            for code, rows in sorted(by_unit.items())]


def unit_problem(campaign: Campaign, target: CampaignUnit | None, code: str, row: int) -> Problem | None:
    if target is None:
        return CATALOGUE.problem("listing_unit_not_surveyed", row=row, unit=code, slug=campaign.slug)
    if target.transactions is None:
        return CATALOGUE.problem("unit_without_transactions", row=row, unit=code)
    return None


def invited(session: Session, campaign: Campaign, codes: list[str]) -> set[str]:
    """The codes among `codes` that already have an invitation in the campaign."""
    found: set[str] = set()
    for start in range(0, len(codes), 5000):  # bound the parameters of one statement
        found.update(session.scalars(select(Invitation.dossier_code).where(
            Invitation.campaign_id == campaign.id, Invitation.dossier_code.in_(codes[start:start + 5000]))))
    return found


def wanted_sizes(session: Session, campaign: Campaign, strata: list[Stratum], sizes: Sizes,
                 replacement: bool) -> Mapping[str, int | None]:
    """Unit code -> dossiers to draw (None: the unit has no quota to default to)."""
    if isinstance(sizes, dict):
        return dict(sizes)
    if isinstance(sizes, int):
        return {stratum.code: sizes for stratum in strata}
    if replacement:
        return outstanding(session, campaign)
    return {stratum.code: stratum.target.quota for stratum in strata}


def outstanding(session: Session, campaign: Campaign) -> dict[str, int]:
    """Per unit, one replacement for each dossier of its first draws still unanswered: the dossiers those
    draws chose, less the invitations of all its draws already used."""
    chosen: dict[str, int] = {}
    for draw in earlier_draws(session, campaign, replacement=False):
        for code, counts in draw.sizes.items():
            chosen[code] = chosen.get(code, 0) + counts["drawn"]
    used = dict(session.execute(
        select(CampaignUnit.unit_id, func.count()).select_from(Invitation)
        .join(CampaignUnit, (CampaignUnit.unit_id == Invitation.unit_id) & (CampaignUnit.campaign_id == campaign.id))
        .where(Invitation.campaign_id == campaign.id, Invitation.draw_id.is_not(None),
               Invitation.response_id.is_not(None))
        .group_by(CampaignUnit.unit_id)).all())
    codes = {target.unit_id: target.unit.code for target in campaign.units}
    answered = {codes[unit_id]: count for unit_id, count in used.items()}
    return {code: max(0, count - answered.get(code, 0)) for code, count in chosen.items()}


def earlier_draws(session: Session, campaign: Campaign, replacement: bool) -> list[DossierDraw]:
    return list(session.scalars(select(DossierDraw).where(
        DossierDraw.campaign_id == campaign.id, DossierDraw.replacement.is_(replacement)).order_by(DossierDraw.id)))


def size_problems(session: Session, campaign: Campaign, strata: list[Stratum], wanted: Mapping[str, int | None],
                  replacement: bool) -> list[Problem]:
    """Units without a quota to default to, units of a plan that the list lacks, samples larger than what
    the list leaves, and units a first draw has already drawn (a further draw must be a replacement)."""
    listed = {stratum.code: len(stratum.available) for stratum in strata}
    problems = [CATALOGUE.problem("unit_without_quota", unit=code) for code, size in wanted.items() if size is None]
    problems += [CATALOGUE.problem("sample_too_large", unit=code, size=size, available=listed.get(code, 0))
                 for code, size in sorted(wanted.items()) if size is not None and size > listed.get(code, 0)]
    if not replacement:
        drawn_by = {code: draw.id for draw in earlier_draws(session, campaign, replacement=False)
                    for code, counts in draw.sizes.items() if counts["drawn"]}
        problems += [CATALOGUE.problem("unit_drawn_before", unit=code, draw=drawn_by[code])
                     for code, size in sorted(wanted.items()) if size and code in drawn_by]
    return problems


def apply_draw(session: Session, plan: DrawPlan, expires_at: datetime | None, now: datetime,
               actor: User | None) -> tuple[DossierDraw, list[Invitation]]:
    """The draw logged, its dossiers invited (one invitation each, linked to it) and audited."""
    draw = DossierDraw(campaign_id=plan.campaign.id, replacement=plan.replacement, seed=plan.seed,
                       list_checksum=plan.listing.checksum, list_rows=len(plan.listing.dossiers),
                       sizes=plan.sizes(), drawn_at=now, drawn_by_id=actor.id if actor else None)
    session.add(draw)
    session.flush()
    created = [invitation for stratum in plan.strata if stratum.drawn
               for invitation in create_invitations(session, plan.campaign, stratum.target.unit,
                                                    [d.code for d in stratum.drawn], expires_at, now, draw_id=draw.id)]
    audit(session, actor, "dossiers_drawn", subject=f"campaign {plan.campaign.slug}", draw=draw.id, seed=plan.seed,
          replacement=plan.replacement, list_rows=draw.list_rows, list_checksum=draw.list_checksum,
          invitations=len(created))
    return draw, created


def plan_sizes(campaign: Campaign, text: str) -> dict[str, int]:
    """Unit code -> dossiers to draw, from a plan's text; every unit a target of the campaign, once."""
    targets = {target.unit.code for target in campaign.units}
    problems: list[Problem] = []
    sizes: dict[str, int] = {}
    first: dict[str, int] = {}  # unit code -> the row that first named it
    for row, code, size in read_plan(text):
        if code not in targets:
            problems.append(CATALOGUE.problem("plan_unit_unknown", row=row, unit=code, slug=campaign.slug))
        elif code in first:
            problems.append(CATALOGUE.problem("plan_unit_repeated", row=row, unit=code, first=first[code]))
        first.setdefault(code, row)
        sizes[code] = size
    if problems:
        raise InvalidInput(problems)
    return sizes
