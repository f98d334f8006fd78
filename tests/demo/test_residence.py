"""The shipped SIPAS form asks where the respondent lives by commune (xa_cu_tru) since districts were
abolished on 1 July 2025: in the reorganised demo a citizen is offered today's communes and wards
only; a campaign answered on the version that asked the district (huyen_cu_tru) keeps that version,
its definition and its answers when `flask demo load` publishes the new one."""
import csv
import functools
import re
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select

import forms
from survey.campaigns.queries import campaign_by_slug
from survey.campaigns.versions import campaigns_behind, move_to_newest
from survey.errors import InvalidInput
from survey.exports.operations import ExportRequest, export
from survey.questionnaires.models import Questionnaire
from survey.questionnaires.queries import version_definition
from survey.responses.models import Answer, Response
from survey.units.models import Unit
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.public.conftest import first_choices, respondent  # noqa: F401 (a fixture)
from tests.results.conftest import SIPAS_TEXT, answers_for, submit
from tests.supervisor.conftest import signed_in

DISTRICT_QUESTION = {"name: xa_cu_tru": "name: huyen_cu_tru", "levels: [commune]": "levels: [district]",
                     "(xã, phường, đặc khu):": "(huyện, thị xã, thành phố):",
                     "Commune of residence (commune, ward or special zone)": "District of residence"}
DISTRICT_TEXT = functools.reduce(lambda text, change: text.replace(*change), DISTRICT_QUESTION.items(), SIPAS_TEXT)
"""forms/sipas.yaml as published before the reorganisation: the residence asked by district."""


def offered(html: str, name: str) -> list[str]:
    """The codes a page's select `name` offers (the empty "—" left out)."""
    select_ = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
    return [code for code in re.findall(r'<option[^>]*value="([^"]*)"', select_) if code]


def walk(respondent, definition: forms.Definition) -> list[str]:
    """Answer every page with its first choices and send; what the residence question offered."""
    answered: dict = {}
    shown: list[str] = []
    while "/trang/" in respondent.url:
        section = definition.section(respondent.url.rsplit("/", 1)[1])
        if "xa_cu_tru" in [question.name for question in section.questions]:
            shown = offered(respondent.html, "xa_cu_tru")
        page = first_choices(definition, section, answered)
        respondent.answer(page)
        answered |= page
    respondent.send()
    return shown


def test_a_citizen_of_the_reorganised_demo_names_todays_commune(cli, session, respondent, make_campaign):
    assert cli("demo", "load").exit_code == 0
    version = session.scalar(select(Questionnaire).where(Questionnaire.slug == "sipas")).versions[-1]
    ward = session.scalar(select(Unit).where(Unit.code == "AG-PLX"))
    make_campaign("cu-tru", units=[ward], version=version, channels=("web",))
    session.commit()
    respondent.start("/k/cu-tru/AG-PLX")
    shown = walk(respondent, version_definition(version))
    communes = session.scalars(select(Unit).where(Unit.level == "commune")).all()
    today = {unit.code for unit in communes if unit.active}
    assert len(today) == 15 and all(unit.parent.code == "AG" for unit in communes if unit.active)
    assert set(shown) == today and len(shown) == 15 and len(communes) > 15  # the old communes not offered
    assert respondent.url.endswith("/cam-on")
    stored = session.scalars(select(Answer.value).join(Response).where(Answer.question_key == "xa_cu_tru")).all()
    assert stored == ["AG-PLX"]


@pytest.fixture
def answered_on_districts(session, make_unit, make_campaign, make_version):
    """A 2024 campaign on the version asking the district, one response living in Long Xuyên (then a
    district), all before the demo (and its reorganisation) is loaded."""
    assert all(old in SIPAS_TEXT for old in DISTRICT_QUESTION)
    district = make_unit("AG-LX", "district", name="thành phố Long Xuyên")
    campaign = make_campaign("sipas-2024", units=[district], version=make_version(DISTRICT_TEXT),
                             opens_on=date(2024, 9, 1), closes_on=date(2024, 11, 30))
    answers = answers_for(forms.load_definition(DISTRICT_TEXT), np.random.default_rng(7), 0.5, ["AG-LX"])
    response = submit(session, campaign, district, answers, "web", date(2024, 11, 29))
    session.commit()
    return response.id


def test_a_campaign_answered_by_district_keeps_its_version_and_answers(app, cli, session, answered_on_districts,
                                                                       make_user, tmp_path):
    assert cli("demo", "load").exit_code == 0
    session.expire_all()
    campaign = campaign_by_slug(session, "sipas-2024")
    old = campaign.questionnaire_version
    newest = old.questionnaire.versions[-1]
    assert (old.number, newest.number) == (1, 2)
    assert "huyen_cu_tru" in [q.key for q in old.questions] and "xa_cu_tru" not in [q.key for q in old.questions]
    assert "xa_cu_tru" in [q.key for q in newest.questions] and "huyen_cu_tru" not in [q.key for q in newest.questions]
    assert version_definition(old).question("huyen_cu_tru").levels == ("district",)
    assert [(b.campaign.slug, b.responses) for b in campaigns_behind(session, old.questionnaire)] == [("sipas-2024", 1)]
    with pytest.raises(InvalidInput):
        move_to_newest(session, campaign, None)
    assert not session.scalar(select(Unit.active).where(Unit.code == "AG-LX"))
    export(session, ExportRequest("sipas-2024", "csv"), tmp_path / "2024.csv")
    rows = list(csv.DictReader((tmp_path / "2024.csv").read_text(encoding="utf-8").splitlines()))
    assert [row["huyen_cu_tru"] for row in rows] == ["AG-LX"] and "xa_cu_tru" not in rows[0]
    admin = signed_in(app, make_user, "quan-tri", "admin")
    admin.get(f"/giam-sat/phieu/{answered_on_districts}")
    assert "Nơi cư trú (huyện, thị xã, thành phố)" in admin.text() and "AG-LX" in admin.text()
