"""survey.par_index.scoring and appraisal: the workflow's steps, what each refuses (keyed to its
field, nothing written), the deadline in the province's clock, the audit trail, and the inputs
the results read (scoring_queries.unit_inputs)."""
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.par_index import UnitInput
from survey import db
from survey.accounts.models import AuditEntry
from survey.errors import InvalidInput
from survey.par_index.appraisal import answer, appraise, finalise
from survey.par_index.assessments import Assessment, AssessmentValue, Evidence
from survey.par_index.evidence import PDF, EvidenceRules, checked_file, sniffed
from survey.par_index.scoring import add_evidence, open_round, save_self_assessment, submit
from survey.par_index.scoring_queries import assessment_statuses, unit_inputs
from tests.clock import TODAY
from tests.par_index.scoring_setup import published_sample, sample_round

RULES = EvidenceRules((PDF,), 1)
A_PDF = b"%PDF-1.4\n% evidence\n"


def assessment_of(scoring, code):
    return next(assessment for assessment in scoring.assessments if assessment.unit.code == code)


def keys(refused):
    return [(problem.key, problem.field) for problem in refused.value.problems]


def count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def claimed_count(session):
    """How many self-assessed values are stored (every sub-criterion has its row from the round's opening)."""
    return session.scalar(select(func.count()).select_from(AssessmentValue).where(AssessmentValue.claimed.is_not(None)))


def actions(session):
    return [entry.action for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_a_round_assesses_every_scored_unit_but_the_province(session, make_unit):
    scoring = sample_round(session, make_unit)
    assert sorted(a.unit.code for a in scoring.assessments) == ["AG-LX", "AG-LX-MB", "AG-SNV", "AG-STC"]
    # a row per self-assessed sub-criterion from the start: saves only update, never insert twice
    assert count(session, AssessmentValue) == 4 * 23 and claimed_count(session) == 0
    assert {a.status for a in scoring.assessments} == {"self_assessing"}
    assert actions(session) == ["par_round_opened"]


def test_a_round_needs_a_published_definition_a_new_year_and_a_deadline_ahead(session, make_unit):
    scoring = sample_round(session, make_unit)
    with pytest.raises(InvalidInput) as refused:
        open_round(session, None, scoring.definition, 2026, TODAY - timedelta(days=1))
    assert keys(refused) == [("par_round_exists", "year"), ("par_deadline_past", "deadline")]


def test_values_are_checked_against_their_rule_and_nothing_is_stored_on_a_refusal(session, make_unit):
    snv = assessment_of(sample_round(session, make_unit), "AG-SNV")
    entries = {"f1_1_1": ("yes", "plan 12/KH"), "f1_1_2": ("101", ""), "f1_4_1": ("xuat_sac", ""),
               "f2_2_1": ("maybe", "")}
    with pytest.raises(InvalidInput) as refused:
        save_self_assessment(session, None, snv, entries)
    assert keys(refused) == [("par_percent_out_of_range", "value_f1_1_2"), ("par_level_unknown", "value_f1_4_1"),
                             ("par_yes_no_required", "value_f2_2_1")]
    assert claimed_count(session) == 0


def test_the_inputs_carry_claimed_then_appraised_values_typed_for_the_scoring(session, make_unit):
    scoring = sample_round(session, make_unit)
    snv = assessment_of(scoring, "AG-SNV")
    save_self_assessment(session, None, snv, {"f1_1_1": ("yes", ""), "f1_1_2": ("87,5", ""), "f1_4_1": ("tot", "")})
    submit(session, None, snv)
    appraise(session, None, snv, {"f1_1_2": ("70", "two tasks were not done")})
    inputs = {given.unit: given for given in unit_inputs(session, scoring.definition)}
    assert inputs["AG-SNV"] == UnitInput("AG-SNV", "department", {"f1_1_1": True, "f1_1_2": 87.5, "f1_4_1": "tot"},
                                         {"f1_1_1": True, "f1_1_2": 70.0, "f1_4_1": "tot"})
    assert inputs["AG-LX-MB"] == UnitInput("AG-LX-MB", "commune")
    assert assessment_statuses(session, scoring.definition)["AG-SNV"] == "appraised"


def test_the_agency_changes_nothing_after_the_deadline_in_the_provinces_clock(session, make_unit, clock_at):
    snv = assessment_of(sample_round(session, make_unit, days=0), "AG-SNV")
    clock_at(datetime(2026, 11, 17, 16, 59, tzinfo=UTC))  # 23:59 on the deadline, in Ho Chi Minh City
    save_self_assessment(session, None, snv, {"f1_1_1": ("yes", "")})
    clock_at(datetime(2026, 11, 17, 17, 0, tzinfo=UTC))  # midnight there: the 18th, still the 17th in UTC
    for step in (lambda: save_self_assessment(session, None, snv, {"f1_1_1": ("no", "")}),
                 lambda: add_evidence(session, None, snv, "f1_1_1", checked_file("a.pdf", A_PDF, RULES, "file")),
                 lambda: submit(session, None, snv)):
        with pytest.raises(InvalidInput) as refused:
            step()
        assert keys(refused) == [("par_deadline_passed", None)]
    assert snv.values[0].claimed == "yes" and snv.status == "self_assessing"


@pytest.mark.parametrize(("name", "data", "key"), [
    ("plan.pdf", b"MZ\x90\x00 a program named .pdf", "par_evidence_type"),
    ("plan.pdf", b"%PDF-" + b"x" * (1024 * 1024), "par_evidence_too_large"),
    ("plan.pdf", b"", "par_evidence_empty"),
])
def test_evidence_is_refused_by_content_and_size(name, data, key):
    with pytest.raises(InvalidInput) as refused:
        checked_file(name, data, RULES, "file_f1_1_1")
    assert keys(refused) == [(key, "file_f1_1_1")]


def test_evidence_is_kept_with_its_sniffed_type_and_sha256(session, make_unit):
    snv = assessment_of(sample_round(session, make_unit), "AG-SNV")
    kept = add_evidence(session, None, snv, "f1_1_1", checked_file("C:\\docs\\plan.bin", A_PDF, RULES, "file"))
    assert (kept.filename, kept.content_type, kept.size) == ("plan.bin", PDF, len(A_PDF))
    assert kept.sha256 == hashlib.sha256(A_PDF).hexdigest()
    assert sniffed(b"PK\x03\x04 not a zip") is None
    with pytest.raises(InvalidInput) as refused:
        add_evidence(session, None, snv, "f1_9_1", checked_file("a.pdf", A_PDF, RULES, "file"))
    assert keys(refused) == [("par_unknown_input", "file_f1_9_1")]
    assert count(session, Evidence) == 1


def test_a_change_needs_a_reason_the_agency_answers_once_and_final_is_final(session, make_unit):
    snv = assessment_of(sample_round(session, make_unit), "AG-SNV")
    with pytest.raises(InvalidInput) as refused:
        appraise(session, None, snv, {})
    assert keys(refused) == [("par_not_submitted", None)]
    save_self_assessment(session, None, snv, {"f1_1_1": ("yes", "")})
    submit(session, None, snv)
    with pytest.raises(InvalidInput) as refused:
        appraise(session, None, snv, {"f1_1_1": ("no", " "), "f1_1_2": ("50", "")})
    assert keys(refused) == [("par_reason_required", "reason_f1_1_1"), ("par_reason_required", "reason_f1_1_2")]
    assert snv.values[0].appraised is None and snv.status == "submitted"
    appraise(session, None, snv, {"f1_1_1": ("no", "no plan was issued")})
    answer(session, None, snv, "The plan was issued on 3 January.")
    with pytest.raises(InvalidInput) as refused:
        answer(session, None, snv, "Again.")
    assert keys(refused) == [("par_already_answered", "answer")]
    finalise(session, None, snv)
    for step in (lambda: appraise(session, None, snv, {}), lambda: finalise(session, None, snv),
                 lambda: save_self_assessment(session, None, snv, {})):
        with pytest.raises(InvalidInput) as refused:
            step()
        assert keys(refused) == [("par_final", None)]
    assert actions(session)[1:] == ["par_self_assessed", "par_submitted", "par_appraised", "par_answered",
                                    "par_finalised"]


def test_the_audit_names_what_changed(session, make_unit):
    snv = assessment_of(sample_round(session, make_unit), "AG-SNV")
    save_self_assessment(session, None, snv, {"f1_1_1": ("yes", ""), "f1_2_1": ("", "")})
    save_self_assessment(session, None, snv, {"f1_1_1": ("yes", "")})  # no change, no entry
    submit(session, None, snv)
    appraise(session, None, snv, {"f1_1_1": ("no", "no plan")})
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert entries[1].details == {"changes": {"f1_1_1": [None, "yes"]}}
    assert entries[3].details["changes"]["f1_1_1"] == {"old": None, "new": "no", "claimed": "yes",
                                                       "reason": "no plan"}
    assert entries[3].subject == f"par round {snv.round_id} unit AG-SNV"


def test_no_round_gives_no_inputs(session):
    assert unit_inputs(session, published_sample(session)) == []
    assert count(session, Assessment) == 0


def test_of_two_answers_sent_at_once_the_second_is_refused(session, make_unit, app):
    snv = assessment_of(sample_round(session, make_unit), "AG-SNV")
    submit(session, None, snv)
    appraise(session, None, snv, {})
    session.commit()
    with Session(db.engine()) as other:  # another request answers first and commits
        answer(other, None, other.get_one(Assessment, snv.id), "The first answer.")
        other.commit()
    with pytest.raises(InvalidInput) as refused:
        answer(session, None, snv, "The second answer.")  # snv was read before: unanswered in memory
    assert keys(refused) == [("par_already_answered", "answer")]
    session.rollback()
    assert snv.answer == "The first answer." and actions(session).count("par_answered") == 1
