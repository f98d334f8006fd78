"""The demo's PAR index (issue 20): the leaders' and officials' survey and the scoring of the
departments and communes, all of it INVENTED for trying the pages (see README.md beside this file).

`load_par_demo` (from `flask demo load`): the officials' questionnaire (forms/par-officials.yaml)
published; an officials' campaign on the same days as the open SIPAS demo campaign, so that both
are counted in the year it closes in, with a register of invented officials (names drawn from
common family, middle and given names; minimum cell 5, so the units where fewer answer get no
survey points); the illustrative sample definition published for that year; a scoring round on it
with a self-assessment of every unit, submitted, a third of them appraised with changes and reasons.
`simulate_officials` (from `flask demo responses`): one answer per official, nine in ten of them,
each unit leaning a little towards or away from agreeing. Both use fixed seeds and do nothing the
second time: whatever is found in place is left as it is.
"""
import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from analysis.par_index_model import SelfRule
from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.demo.simulated import submission
from survey.officials.models import Official
from survey.officials.operations import import_officials
from survey.par_index.appraisal import appraise
from survey.par_index.document import read_file
from survey.par_index.models import IndexDefinition
from survey.par_index.operations import import_definition, publish
from survey.par_index.scoring import open_round, save_self_assessment, submit
from survey.par_index.scoring_queries import scoring_round
from survey.par_index.values import parsed, self_items
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.operations import import_and_publish
from survey.responses.models import Response
from survey.responses.operations import record_response
from survey.units.models import Unit

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / "forms" / "par-officials.yaml"
SAMPLE = ROOT / "survey" / "par_index" / "sample_definition.yaml"
SLUG = "an-giang-lanh-dao-demo"
SEED = 20260420
MIN_CELL = 5
ANSWERING = 0.9
"""The share of the registered officials who answer."""
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hạnh", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân",
         "Tâm", "Thảo", "Trung", "Tuấn", "Vy", "Yến")
POSTS = {"province": (("council_member", "Đại biểu Hội đồng nhân dân tỉnh"),) * 10,
         "department": (("department_leader", "Phó Giám đốc sở"),) + (("division_leader", "Trưởng phòng"),) * 6,
         "commune": (("commune_leader", "Chủ tịch Ủy ban nhân dân"), ("commune_leader", "Phó Chủ tịch Ủy ban nhân dân"),
                     ("commune_leader", "Phó Chủ tịch Ủy ban nhân dân"),
                     ("commune_leader", "Ủy viên Ủy ban nhân dân"), ("commune_leader", "Ủy viên Ủy ban nhân dân"),
                     ("commune_leader", "Công chức văn phòng - thống kê"))}
"""Each level's respondents: group and position of each official registered in a unit."""
REASON = "Hồ sơ kiểm chứng chưa đủ để công nhận mức tự đánh giá (minh họa)."


@dataclass(frozen=True)
class ParDemo:
    """What the load found or made: the campaign, the officials registered now, the definition
    published, the units self-assessed and appraised now (0 when already in place)."""

    campaign: Campaign
    officials: int
    definition: IndexDefinition
    assessed: int
    appraised: int


def load_par_demo(session: Session, sipas: Campaign) -> ParDemo:
    """The demo's PAR index beside the open SIPAS campaign `sipas` (see the module)."""
    assert sipas.closes_on is not None  # the demo campaign has its dates
    year = sipas.closes_on.year
    version = import_and_publish(session, forms.load_definition(FORM))
    campaign = session.scalar(select(Campaign).where(Campaign.slug == SLUG))
    registered = 0
    if campaign is None:
        campaign = create_campaign(session, campaign_spec(session, version, sipas, year))
        registered = len(import_officials(session, campaign, register_csv(campaign).encode("utf-8")))
    definition = published_sample(session, year)
    assessed, appraised = scoring_demo(session, definition, sipas.closes_on)
    return ParDemo(campaign, registered, definition, assessed, appraised)


def scored_units(session: Session) -> list[Unit]:
    """The active province, departments and communes of the demo (those the officials work in)."""
    return list(session.scalars(select(Unit).where(Unit.active.is_(True), Unit.level.in_(tuple(POSTS)),
                                                   Unit.code.like("AG%")).order_by(Unit.code)))


def campaign_spec(session: Session, version: QuestionnaireVersion, sipas: Campaign, year: int) -> CampaignSpec:
    """On the SIPAS campaign's days; each unit's quota and N_h its number of officials."""
    targets = [Target(unit, quota=len(POSTS[unit.level]), transactions=len(POSTS[unit.level]))
               for unit in scored_units(session)]
    return CampaignSpec(slug=SLUG, name=f"Điều tra lãnh đạo, quản lý về cải cách hành chính {year}"
                        " (dữ liệu minh hoạ)", version=version, targets=targets, channels=("web", "paper"),
                        opens_on=sipas.opens_on, closes_on=sipas.closes_on, min_cell_size=MIN_CELL)


def register_csv(campaign: Campaign) -> str:
    """The register of invented officials as the officials' CSV import reads it."""
    rng = random.Random(f"{SEED}/register")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("name", "position", "unit", "group"))
    for target in sorted(campaign.units, key=lambda t: t.unit.code):
        names = invented_names(rng, len(POSTS[target.unit.level]))
        writer.writerows((name, position, target.unit.code, group)
                         for name, (group, position) in zip(names, POSTS[target.unit.level], strict=True))
    return out.getvalue()


def invented_names(rng: random.Random, count: int) -> list[str]:
    """`count` different invented full names."""
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
    return sorted(names)


def published_sample(session: Session, year: int) -> IndexDefinition:
    """The illustrative sample definition published for `year` (found when it already is)."""
    document = read_file(SAMPLE.name, SAMPLE.read_bytes())
    document["about"]["year"] = year
    found = session.scalar(select(IndexDefinition).where(IndexDefinition.year == year,
                                                         IndexDefinition.name == document["about"]["name::vi"]))
    if found is not None and found.status == "published":
        return found
    return publish(session, import_definition(session, document))


def scoring_demo(session: Session, definition: IndexDefinition, closes_on: date) -> tuple[int, int]:
    """The year's round, every unit self-assessed and submitted, one in three appraised with a
    change; nothing when the round exists. Returns (units assessed, units appraised)."""
    if scoring_round(session, definition, definition.year) is not None:
        return 0, 0
    scoring = open_round(session, None, definition, definition.year, closes_on + timedelta(days=30))
    rng = random.Random(f"{SEED}/scoring")
    appraised = 0
    for number, assessment in enumerate(sorted(scoring.assessments, key=lambda a: a.unit.code)):
        claimed = claims(rng, definition)
        save_self_assessment(session, None, assessment, {name: (value, "") for name, value in claimed.items()})
        submit(session, None, assessment)
        if number % 3 == 0:
            appraise(session, None, assessment, lowered(rng, definition, claimed))
            appraised += 1
    return len(scoring.assessments), appraised


def claims(rng: random.Random, definition: IndexDefinition) -> dict[str, str]:
    """An invented self-assessed value for every self-assessed sub-criterion, as typed."""
    values = {}
    for item in self_items(parsed(definition)):
        rule = item.source
        assert isinstance(rule, SelfRule)
        if rule.rule == "yes_no":
            values[item.id] = "yes" if rng.random() < 0.8 else "no"
        elif rule.rule == "levels":
            values[item.id] = rng.choice(list(rule.levels))
        else:
            values[item.id] = str(rng.randint(60, 100))
    return values


def lowered(rng: random.Random, definition: IndexDefinition, claimed: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Home Affairs' changes: two claims lowered (yes to no, a percentage by 15 points), with a reason."""
    changeable = [name for name, value in sorted(claimed.items()) if value == "yes" or value.isdigit()]
    changes = {}
    for name in rng.sample(changeable, k=min(2, len(changeable))):
        value = claimed[name]
        changes[name] = ("no" if value == "yes" else str(int(value) - 15), REASON)
    return changes


def simulate_officials(session: Session, today: date) -> int:
    """One answer from nine in ten registered officials of the demo's officials' campaign, once;
    the number stored (0 when it has responses, is missing or has not been open a day)."""
    campaign = session.scalar(select(Campaign).where(Campaign.slug == SLUG))
    if campaign is None or campaign.opens_on is None or campaign.closes_on is None:
        return 0
    held = session.scalar(select(func.count()).select_from(Response).where(Response.campaign_id == campaign.id))
    day = min(today, campaign.closes_on)
    if held or (day - campaign.opens_on).days < 1:
        return 0
    return _answer(session, campaign, day)


def _answer(session: Session, campaign: Campaign, day: date) -> int:
    """Store the answers of those who answer, submitted before `day` (the campaign has its dates)."""
    assert campaign.opens_on is not None
    rng = random.Random(f"{SEED}/{campaign.slug}")
    leaning = {unit.code: rng.uniform(-0.8, 0.6) for unit in scored_units(session)}
    statements = [q.name for q in forms.load_definition(FORM).questions if q.name not in ("nhom", "don_vi")]
    stored, days = 0, (day - campaign.opens_on).days
    for person in session.scalars(select(Official).where(Official.campaign_id == campaign.id).order_by(Official.id)):
        if rng.random() < ANSWERING:
            answers = official_answers(rng, person, statements, leaning.get(person.unit.code, 0.0))
            sent = submission(rng, campaign, person.unit, answers, stored, campaign.opens_on, days)
            record_response(session, sent, day)
            stored += 1
    return stored


def official_answers(rng: random.Random, person: Official, statements: list[str],
                     leaning: float) -> dict[str, str | None]:
    """The official's group and unit, and a level of agreement 1-5 (or 9, don't know) per statement."""
    answers: dict[str, str | None] = {"nhom": person.respondent_group, "don_vi": person.unit.code}
    for name in statements:
        agreement = min(5, max(1, round(rng.gauss(3.7 + leaning, 0.9))))
        answers[name] = "9" if rng.random() < 0.04 else str(agreement)
    return answers
