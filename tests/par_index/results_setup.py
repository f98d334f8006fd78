"""Builders the results' tests share: the sample definition published for a year, two departments
and a commune, an officials' campaign closing in 2026 (minimum cell 5) with answers set per unit,
and the units' self-assessed and appraised values read as scoring_queries.unit_inputs reads them."""
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from analysis.par_index import UnitInput
from survey.par_index.appraisal import appraise
from survey.par_index.assessments import Assessment
from survey.par_index.document import read_file
from survey.par_index.models import IndexDefinition
from survey.par_index.operations import import_definition, publish
from survey.par_index.scoring import open_round, save_self_assessment, submit
from survey.responses.operations import record_response
from tests.clock import TODAY

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "survey" / "par_index" / "sample_definition.yaml"
OFFICIALS_FORM = ROOT / "forms" / "par-officials.yaml"
STATEMENTS = ("cd_1", "cd_2", "cd_3", "vb_1", "vb_2", "tt_1", "tt_2", "tt_3", "bm_1", "bm_2", "cc_1", "cc_2", "cc_3",
              "tc_1", "tc_2", "cs_1", "cs_2")
GOOD = {"f1_1_1": True, "f1_1_2": 85.0, "f1_2_1": True, "f1_3_1": 35.0, "f1_4_1": "dat", "f2_1_1": 100.0,
        "f2_2_1": False, "f2_2_2": 70.0, "f3_1_1": True, "f3_2_1": 96.0, "f3_2_2": 40.0, "f4_1_1": "hoan_thanh",
        "f4_2_1": True, "f5_1_1": 92.0, "f5_2_1": True, "f5_2_2": 100.0, "f6_1_1": True, "f6_2_1": 81.0,
        "f7_1_1": 55.0, "f7_1_2": 49.0, "f7_2_1": 90.0, "f7_2_2": "mot_phan", "f8_2_1": 95.0}
"""Self-assessed values of every self-assessed sub-criterion of the sample."""
THREE_UNITS = {2026: [UnitInput("AG-SNV", "department", GOOD, {"f3_2_1": 82.0, "f1_4_1": "chua_dat"}),
                      UnitInput("AG-STC", "department", GOOD | {"f1_1_1": False, "f3_2_1": 70.0}),
                      UnitInput("AG-LX", "commune", GOOD)]}
"""2026: Home Affairs as GOOD, appraised lower on two; Finance with less; the commune alone."""
CAMPAIGN_NAME = "Khảo sát lãnh đạo, quản lý về cải cách hành chính năm 2026"


def publish_sample(session, year=2026, name=None):
    """The sample, for `year` (under another name when given), imported and published."""
    document = read_file(SAMPLE.name, SAMPLE.read_bytes())
    document["about"]["year"] = year
    if name:
        document["about"]["name::vi"] = name
    return publish(session, import_definition(session, document))


def make_par_units(make_unit):
    province = make_unit("AG", "province", name="tỉnh An Giang")
    return [make_unit("AG-SNV", "department", name="Sở Nội vụ", parent=province, name_en="Home Affairs"),
            make_unit("AG-STC", "department", name="Sở Tài chính", parent=province, name_en="Finance"),
            make_unit("AG-LX", "commune", name="phường Long Xuyên", parent=province)]


def officials_campaign(make_campaign, make_version, units):
    """An officials' campaign on the shipped form, closing in 2026, with a minimum cell of 5, named
    CAMPAIGN_NAME."""
    version = make_version(OFFICIALS_FORM.read_text(encoding="utf-8"))
    campaign = make_campaign("lanh-dao-2026", units=units, version=version, channels=("web",), min_cell_size=5)
    campaign.name = CAMPAIGN_NAME
    return campaign


def answer(session, make_submission, campaign, unit, agreeing, others):
    """Stores that many officials' answers agreeing ("4") and disagreeing ("2") with every statement."""
    for vote in ["4"] * agreeing + ["2"] * others:
        answers = {"nhom": "department_leader", "don_vi": unit.code} | dict.fromkeys(STATEMENTS, vote)
        record_response(session, make_submission(campaign, answers, unit=unit), TODAY)


def inputs_of(table):
    """An inputs reader (as scoring_queries.unit_inputs) over `table`: year -> list of UnitInput."""
    def read(_session, _definition, year):
        return [replace(given) for given in table.get(year, [])]

    return read


def scored_setup(session, make_unit, make_campaign, make_version, make_submission):
    """The sample published for 2026; Home Affairs' officials 6 agreeing and 2 not, Finance's 3
    (below the minimum cell), none from the commune."""
    publish_sample(session)
    home, finance, _ = make_par_units(make_unit)
    campaign = officials_campaign(make_campaign, make_version, [home, finance, _])
    answer(session, make_submission, campaign, home, 6, 2)
    answer(session, make_submission, campaign, finance, 3, 0)
    return campaign


def text_of(value):
    """A value as a person types it: yes/no, a level's key, a percentage."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else value


def stored_round(session):
    """The 2026 round on the published sample: every unit self-assessed as THREE_UNITS, Home
    Affairs submitted and appraised lower on two sub-criteria with reasons."""
    definition = session.scalar(select(IndexDefinition).where(IndexDefinition.year == 2026))
    scoring = open_round(session, None, definition, 2026, TODAY.replace(day=27))
    assessments = {a.unit.code: a for a in session.scalars(select(Assessment).where(Assessment.round_id == scoring.id))}
    for given in THREE_UNITS[2026]:
        entries = {name: (text_of(value), "") for name, value in given.claimed.items()}
        save_self_assessment(session, None, assessments[given.unit], entries)
    submit(session, None, assessments["AG-SNV"])
    appraise(session, None, assessments["AG-SNV"], {name: (text_of(value), "kiểm tra hồ sơ")
                                                    for name, value in THREE_UNITS[2026][0].appraised.items()})
    session.commit()
