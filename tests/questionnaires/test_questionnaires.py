import pytest
from sqlalchemy import func, select

import forms
from survey.questionnaires.models import ImmutableVersionError, Questionnaire, QuestionnaireVersion
from survey.questionnaires.operations import import_definition, publish

BROKEN = """
form:
  id: broken
  title: {vi: "Hỏng", en: "Broken"}
  languages: [vi, en]
sections:
  - name: main
    title: {vi: "A", en: "A"}
    questions:
      - {name: q1, type: selct_one, label: {vi: "Một", en: "One"}}
      - {name: q1, type: satisfaction, label: {vi: "Hai"}}
      - {name: q3, type: integer, relevant: "q9 > 1", label: {vi: "Ba", en: "Three"}}
"""


def count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def test_publish_creates_a_version_with_the_stable_keys(session, make_version):
    version = make_version()
    assert version.number == 1 and len(version.content_hash) == 64
    assert [(q.key, q.type, q.section) for q in version.questions] == [
        ("overall", "satisfaction", "main"), ("sex", "select_one", "main"),
        ("visits", "integer", "main"), ("why", "text", "main"),
    ]


def test_publishing_the_same_content_again_keeps_the_version(session, make_version):
    assert make_version().id == make_version().id
    assert count(session, QuestionnaireVersion) == 1


def test_relabelling_publishes_a_new_version_with_the_same_keys(session, make_version, small_form):
    first = make_version()
    second = make_version(small_form.replace("Hài lòng chung", "Mức độ hài lòng chung"))
    assert (first.number, second.number) == (1, 2)
    assert [q.key for q in first.questions] == [q.key for q in second.questions]
    assert first.definition != second.definition


def test_published_versions_cannot_be_changed_or_deleted(session, make_version):
    version = make_version()
    session.commit()
    version.definition = {"tampered": True}
    with pytest.raises(ImmutableVersionError):
        session.flush()
    session.rollback()
    session.delete(session.get(QuestionnaireVersion, version.id))
    with pytest.raises(ImmutableVersionError):
        session.flush()


def test_the_draft_stays_editable(session, make_version, small_form):
    make_version()
    questionnaire = session.scalar(select(Questionnaire))
    changed = forms.load_definition(small_form.replace("Phiếu nhỏ", "Phiếu nhỏ (sửa)"))
    import_definition(session, changed)
    assert questionnaire.title == "Phiếu nhỏ (sửa)"
    assert publish(session, questionnaire).number == 2


def test_cli_validate_lists_every_problem_and_exits_non_zero(cli, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = cli("questionnaire", "validate", str(path))
    assert result.exit_code == 1
    assert "unknown type 'selct_one'" in result.output
    assert "[duplicate_name]" in result.output
    assert "[missing_translation]" in result.output
    assert "[unknown_reference]" in result.output
    assert "row 11" in result.output


def test_cli_import_of_a_broken_file_changes_nothing(cli, session, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = cli("questionnaire", "import", str(path), "--publish")
    assert result.exit_code == 1 and "selct_one" in result.output
    assert count(session, Questionnaire) == 0 and count(session, QuestionnaireVersion) == 0


def test_cli_import_publish_and_list(cli, session, tmp_path, small_form):
    path = tmp_path / "small.yaml"
    path.write_text(small_form, encoding="utf-8")
    assert cli("questionnaire", "validate", str(path)).output.startswith(f"{path}: ok, 'small' with 1 sections")
    assert "published as version 1" in cli("questionnaire", "import", str(path), "--publish").output
    assert cli("questionnaire", "publish", "small").output.startswith("small version 1 ")
    assert cli("questionnaire", "list").output == "small\tv1\tPhiếu nhỏ\n"


def test_cli_publish_of_an_unknown_questionnaire(cli):
    result = cli("questionnaire", "publish", "nope")
    assert result.exit_code == 1 and "unknown questionnaire 'nope'" in result.output
