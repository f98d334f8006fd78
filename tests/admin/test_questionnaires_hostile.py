"""Hostile questionnaire uploads: refused in plain words (Vietnamese or English) before they cost minutes and
gigabytes; the values the problem table quotes cut short. Nothing is stored."""
from survey.questionnaires.models import Questionnaire
from tests.admin.test_questionnaires import audit_actions, count, upload
from tests.forms.test_hostile_files import billion_laughs, shared_strings


def test_a_billion_laughs_upload_is_refused_in_plain_words(admin, session):
    assert upload(admin, billion_laughs(), "bomb.yaml").status_code == 400
    assert "Không đọc được tệp" in admin.text()
    assert "Tệp “bomb.yaml” dùng bí danh YAML (*tên) lặp lại quá nhiều nội dung" in admin.text()
    assert "yaml_aliases" not in admin.html and len(admin.html) < 20_000
    assert count(session, Questionnaire) == 0 and audit_actions(session) == []


def test_the_refusal_is_in_english_when_asked(admin, session):
    admin.get("/quan-tri/bang-hoi/tai-len?lang=en")
    assert upload(admin, billion_laughs(), "bomb.yaml").status_code == 400
    assert "The file “bomb.yaml” uses YAML aliases (*name) that repeat too much" in admin.text()


def test_a_shared_strings_bomb_is_refused_in_plain_words(admin, session):
    assert upload(admin, shared_strings(1_000_000), "bomb.xlsx").status_code == 400
    assert "Bảng tính “bomb.xlsx” chứa nhiều đoạn văn bản khác nhau hơn hẳn một bảng hỏi" in admin.text()
    assert count(session, Questionnaire) == 0


def test_the_problem_table_shows_a_huge_value_cut_short(admin, session):
    form_id = "X" * 1_000_000
    assert upload(admin, f'form: {{id: "{form_id}", title: T, languages: [vi]}}\n', "huge.yaml").status_code == 400
    assert "invalid_form_id" in admin.html and "X" * 100 in admin.html
    assert "X" * 1000 not in admin.html and len(admin.html) < 20_000
    assert count(session, Questionnaire) == 0


def test_a_damaged_xls_upload_is_refused_in_plain_words(admin, session):
    assert upload(admin, b"\xd0\xcf\x11\xe0" + bytes(range(256)) * 8, "cu.xls").status_code == 400
    assert "Tệp “cu.xls” không phải bảng tính Excel (.xlsx hay .xls) đọc được" in admin.text()
    assert count(session, Questionnaire) == 0
