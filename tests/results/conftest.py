"""A generated SIPAS campaign: units of three levels, unequal transactions, answers from a latent
satisfaction per respondent (so items correlate, and units differ), stored by record_response."""
import functools
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

import forms
from survey import clock
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.responses.operations import Submission, record_response
from survey.units.models import Unit

ROOT = Path(__file__).resolve().parents[2]
SIPAS_TEXT = (ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8")
SIPAS = forms.load_definition(SIPAS_TEXT)
# code, level, parent code, transactions N_h, respondents, mean of the latent satisfaction
UNITS = (("AG-LX", "district", "AG", 6000, 70, 0.6), ("AG-CD", "district", "AG", 1500, 60, -0.2),
         ("AG-LX-MB", "commune", "AG-LX", 900, 40, 0.1), ("AG-SNV", "department", "AG", 3000, 45, -0.6))
SCREENED_OUT = 0.05
WARDS = {"AG-PLX": "Phường Long Xuyên", "AG-PCD": "Phường Châu Đốc"}
"""Two of today's wards (the reorganised demo's codes), directly under the province since July 2025:
where the generated respondents live (xa_cu_tru), and the surveyed units of some fixtures."""


def add_wards(session, province: Unit) -> list[Unit]:
    """WARDS, active, under `province`."""
    wards = [Unit(code=code, level="commune", name=name, parent=province) for code, name in WARDS.items()]
    session.add_all(wards)
    session.flush()
    return wards


def answers_for(definition: forms.Definition, rng: np.random.Generator, latent: float,
                residences: list[str]) -> dict[str, str]:
    """Answers to every question asked given the earlier answers (the form's own relevance), a unit
    question's drawn from `residences`."""
    answers: dict[str, str] = {}
    for question in definition.questions:
        if question.kind.has_answer and forms.relevance(definition, answers)[question.name]:
            value = _answer(question, rng, latent + rng.normal(0, 0.7), residences)
            if value is not None:
                answers[question.name] = value
    return answers


def _answer(question: forms.Question, rng: np.random.Generator, mood: float, residences: list[str]) -> str | None:
    if question.name == "da_nhan_ket_qua":
        return "no" if rng.random() < SCREENED_OUT else "yes"
    if question.type == "satisfaction":
        return "9" if rng.random() < 0.06 else str(int(np.clip(np.round(3.7 + mood), 1, 5)))
    if question.type in ("yes_no", "select_one"):
        values = [c.value for c in question.choices]
        return values[0] if mood > -0.7 else str(rng.choice(values[1:]))
    if question.type == "select_multiple":  # stored in the order of the choices
        values = [c.value for c in question.choices if c.value != "khac"]
        chosen = set(rng.choice(values, 2, replace=False))
        return " ".join(v for v in values if v in chosen)
    if question.type == "integer":
        return str(rng.integers(1, 4))
    if question.type == "unit":
        return str(rng.choice(residences))
    return "Ý kiến khác" if question.required else None


@pytest.fixture
def empty_sipas_campaign(session, make_unit, make_version):
    """The SIPAS campaign 'sipas-test' with UNITS as targets, before any response."""
    province = make_unit("AG", "province", name="An Giang")
    units = {"AG": province}
    add_wards(session, province)
    for code, level, parent, *_ in UNITS:
        units[code] = make_unit(code, level, name=f"Đơn vị {code}", parent=units[parent])
    targets = [Target(units[code], quota=count, transactions=n_h) for code, _, _, n_h, count, _ in UNITS]
    today = clock.today()
    return create_campaign(session, CampaignSpec(
        slug="sipas-test", name="SIPAS test", version=make_version(SIPAS_TEXT), targets=targets,
        channels=("web", "paper"), opens_on=today - timedelta(days=10), closes_on=today + timedelta(days=10)))


@pytest.fixture
def sipas_campaign(session, empty_sipas_campaign):
    """'sipas-test' with the generated responses (all submitted)."""
    units = {target.unit.code: target.unit for target in empty_sipas_campaign.units}
    for code, channel, answers in generated_answers():
        submit(session, empty_sipas_campaign, units[code], dict(answers), channel)
    session.flush()
    return empty_sipas_campaign


@functools.cache
def generated_answers() -> tuple[tuple[str, str, tuple], ...]:
    """(unit code, channel, answers) of every response of `sipas_campaign`: the same in every test."""
    rng = np.random.default_rng(20270301)
    return tuple((code, "paper" if k % 3 == 0 else "web",
                  tuple(answers_for(SIPAS, rng, mean + rng.normal(0, 1), list(WARDS)).items()))
                 for code, _, _, _, count, mean in UNITS for k in range(count))


def submit(session, campaign, unit, answers: dict[str, str], channel: str = "web", day: date | None = None):
    """A response sent now, or at midnight UTC of `day`."""
    now = clock.now() if day is None else datetime.combine(day, datetime.min.time(), UTC)
    serial = uuid.uuid4().hex[:10] if channel == "paper" else None
    response, _ = record_response(session, Submission(
        uuid=uuid.uuid4(), campaign=campaign, unit=unit, channel=channel, started_at=now - timedelta(minutes=9),
        submitted_at=now, answers=answers, paper_serial=serial), day or clock.today())
    return response
