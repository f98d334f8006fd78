"""Simulated responses for the demo campaign, so that a fresh installation has something to follow,
analyse, report and export.

They are invented: random answers drawn with a fixed seed, each unit with its own leaning (some
units better liked than others), stored through `record_response` like any web or paper response,
so every check of the questionnaire holds. The campaign they go into is named "(dữ liệu minh hoạ)"
(illustrative data); none of it describes An Giang.
"""
import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from survey.campaigns.models import Campaign
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from survey.responses.operations import Submission, answer_problems, record_response, unit_codes

SEED = 20260301
TEXTS = ("Cán bộ hướng dẫn tận tình.", "Nên có thêm ghế chờ.", "Thời gian chờ hơi lâu.",
         "Cần niêm yết phí rõ hơn.", "Không có ý kiến thêm.")
"""Free-text answers: short, plain, and invented."""
WORKDAY_UTC = (time(0, 30), time(10, 0))
"""Office hours in Viet Nam (7:30 to 17:00, UTC+7), when the one-stop desks receive people."""
TRIES = 50
FEEDBACK_SHARE = 0.15
"""Respondents who gave feedback (a comment, complaint or recommendation): a realistic minority. Only
they rate the feedback criteria (FEEDBACK_CRITERIA); the others answer 9, not applicable."""
FEEDBACK_QUESTION, FEEDBACK_CRITERIA = "nd_gop_y", "gy_"


def simulate_responses(session: Session, campaign: Campaign, count: int, today: date) -> int:
    """Store `count` simulated responses in `campaign`, submitted on the days it has been open before
    `today` (or before its closing day, a closed campaign being recorded as on that day); nothing if it
    already holds responses. Returns how many were stored."""
    held = session.scalar(select(func.count()).select_from(Response).where(Response.campaign_id == campaign.id))
    if campaign.opens_on is None or campaign.closes_on is None:  # a draft has not been open
        return 0
    today = min(today, campaign.closes_on)
    days = (today - campaign.opens_on).days
    if held or days < 1:
        return 0
    rng = random.Random(f"{SEED}/{campaign.slug}")  # each campaign its own draws: no uuid in two campaigns
    definition = version_definition(campaign.questionnaire_version)
    codes = unit_codes(session, definition)
    targets = [(target.unit, target.quota or 1) for target in campaign.units]
    leaning = {unit.code: rng.uniform(-0.9, 0.5) for unit, _ in targets}
    for number in range(count):
        unit = rng.choices([u for u, _ in targets], weights=[q for _, q in targets])[0]
        answers = plausible_answers(rng, definition, codes, leaning[unit.code])
        record_response(session, submission(rng, campaign, unit, answers, number, campaign.opens_on, days), today)
    return count


def submission(rng: random.Random, campaign: Campaign, unit, answers: dict[str, str | None], number: int,
               opened: date, days: int) -> Submission:
    """A web response from a phone or computer, or one in five keyed in from paper, submitted within
    `days` days from `opened`."""
    day = opened + timedelta(days=rng.randrange(days))
    start, end = (datetime.combine(day, moment, UTC) for moment in WORKDAY_UTC)
    submitted = start + (end - start) * rng.random()
    paper = rng.random() < 0.2
    return Submission(
        uuid=uuid.UUID(int=rng.getrandbits(128), version=4), campaign=campaign, unit=unit,
        channel="paper" if paper else "web", started_at=submitted - timedelta(seconds=rng.randint(150, 900)),
        submitted_at=submitted, answers=answers, paper_serial=f"MH-{number + 1:05d}" if paper else None,
        language="en" if rng.random() < 0.05 else "vi",
        device_class=None if paper else rng.choice(("phone", "phone", "phone", "desktop")),
        device_hash=None if paper else f"{rng.getrandbits(128):032x}")


def plausible_answers(rng: random.Random, definition: forms.Definition, codes: list[str],
                      leaning: float) -> dict[str, str | None]:
    """Answers to the questions asked, given the earlier answers, that pass the questionnaire's checks;
    `codes` are the valid answers of unit questions."""
    for _ in range(TRIES):
        answers: dict[str, str | None] = {}
        asked: set[str] = set()
        gave_feedback = rng.random() < FEEDBACK_SHARE
        for _ in definition.sections:  # each round can reveal questions that depend on the last
            shown = forms.relevance(definition, answers)
            for question in definition.questions:
                if question.kind.has_answer and shown[question.name] and question.name not in asked:
                    asked.add(question.name)
                    value = feedback_answer(question, gave_feedback) or answer(rng, question, codes, leaning)
                    if value is not None:
                        answers[question.name] = value
        if not answer_problems(definition, answers, codes):
            return answers
    raise RuntimeError(f"no simulated answers passed the checks of {definition.id} in {TRIES} tries")


def feedback_answer(question: forms.Question, gave_feedback: bool) -> str | None:
    """Whether the respondent gave feedback, and "not applicable" to its criteria when not."""
    if question.name == FEEDBACK_QUESTION:
        return "yes" if gave_feedback else "no"
    if question.name.startswith(FEEDBACK_CRITERIA) and question.type == "satisfaction" and not gave_feedback:
        return "9"
    return None


def answer(rng: random.Random, question: forms.Question, codes: list[str], leaning: float) -> str | None:
    """One answer, or None (an optional question left blank, one time in twenty)."""
    if not question.required and rng.random() < 0.05:
        return None
    if question.type == "satisfaction":
        return "9" if rng.random() < 0.03 else str(min(5, max(1, round(rng.gauss(3.9 + leaning, 0.8)))))
    if question.type == "yes_no":
        return "yes" if rng.random() < 0.8 else "no"
    if question.type == "unit":
        return rng.choice(codes)
    if question.type in ("integer", "decimal"):
        return str(rng.choice((0, 1, 1, 2, 2, 3, 4)))
    if question.type == "text":
        return rng.choice(TEXTS) if question.required or rng.random() < 0.15 else None
    values = [c.value for c in question.choices]
    # More weight on the first choice, the more so in a well-liked unit: in the shipped questionnaires
    # it is mostly the favourable one ("có", "đúng hẹn"...).
    weights = [0.05 if v in ("khac", "khong_biet") else 1.0 for v in values]
    weights[0] = max(0.5, 2.5 + 2 * leaning)
    if question.type == "select_multiple":
        picked = set(rng.choices(values, weights=weights, k=rng.randint(1, 3)))
        return " ".join(v for v in values if v in picked)
    return rng.choices(values, weights=weights)[0]
