"""survey.par_index: definitions stored as drafts, published and immutable, imported and exported
as XLSX or YAML by `flask par-index definition`, nothing stored from a bad file; the shipped
sample reads and says it is illustrative."""
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from analysis.par_index import UnitInput, load_definition, score, shipped_recipe_nodes
from analysis.par_index_model import SelfRule, SurveyRule
from survey.errors import InvalidInput
from survey.par_index.document import check, read_file, read_xlsx, write_xlsx, write_yaml
from survey.par_index.models import ImmutableDefinitionError, IndexDefinition
from survey.par_index.operations import import_definition, publish

SAMPLE = Path(__file__).parents[2] / "survey" / "par_index" / "sample_definition.yaml"


def sample():
    return read_file(SAMPLE.name, SAMPLE.read_bytes())


def stored_count(session):
    return session.scalar(select(func.count()).select_from(IndexDefinition))


def workbook(document, edit=None):
    """The document as XLSX bytes, after `edit(book)` changes its cells."""
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(document)))
    if edit:
        edit(book)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def test_the_sample_is_illustrative_with_eight_fields_adding_up_to_100():
    document = sample()
    definition = load_definition(document["tree"], shipped_recipe_nodes())
    assert len(definition.fields) == 8 and definition.max_points == 100
    assert "MINH HỌA" in document["about"]["name::vi"] and "ILLUSTRATIVE" in document["about"]["name::en"]
    assert "MINH HỌA" in document["about"]["note::vi"] and "ILLUSTRATIVE" in document["about"]["note::en"]
    assert {item.source.recipe for item in definition.sub_criteria if hasattr(item.source, "recipe")} == {
        "sipas-2017", "par-officials"}


def test_xlsx_and_yaml_give_back_the_document_imported():
    document = sample()
    assert read_xlsx(write_xlsx(document)) == document
    assert read_file("x.yaml", write_yaml(document).encode()) == document


def test_import_stores_a_draft_then_replaces_it(session):
    first = import_definition(session, sample())
    assert (first.year, first.status, len(first.content_hash)) == (2026, "draft", 64)
    digest, edited = first.content_hash, sample()
    edited["tree"][0]["label::en"] = "Direction of reform"
    again = import_definition(session, edited)
    assert again.id == first.id and again.content_hash != digest and stored_count(session) == 1
    assert again.document["tree"][0]["label::en"] == "Direction of reform"


def test_a_published_definition_never_changes(session):
    stored = publish(session, import_definition(session, sample()))
    session.commit()
    assert stored.status == "published" and stored.published_at is not None
    with pytest.raises(InvalidInput) as refused:
        import_definition(session, sample())
    assert [p.key for p in refused.value.problems] == ["par_definition_published"]
    stored.document = {**stored.document, "about": {}}
    with pytest.raises(ImmutableDefinitionError):
        session.flush()
    session.rollback()
    session.delete(session.get(IndexDefinition, stored.id))
    with pytest.raises(ImmutableDefinitionError):
        session.flush()


def bad_points(book):
    book["tree"]["F2"] = 11                            # f1's maximum, its criteria adding up to 10


def test_a_bad_row_is_refused_by_sheet_row_and_column_in_both_languages(session):
    with pytest.raises(InvalidInput) as refused:
        import_definition(session, read_xlsx(workbook(sample(), bad_points)))
    [problem] = refused.value.problems
    assert problem.text("en") == ("Sheet 'tree', row 2, column 'max_points': The maximum points 11 differ from the sum "
                                  "of its children's (12).")
    assert problem.text("vi").startswith("Trang “tree”, dòng 2, cột “max_points”: Điểm tối đa 11 khác tổng")
    assert stored_count(session) == 0


@pytest.mark.parametrize(("edit", "keys"), [
    (lambda book: book.remove(book["about"]), ["par_sheet_missing"]),
    (lambda book: book["tree"].cell(1, 6, "points"), ["par_column_missing", "par_unknown_column"]),
    (lambda book: book["about"].cell(3, 2, "năm nay"), ["par_bad_year"]),
    (lambda book: book["about"].cell(1, 2, "Bộ chỉ số " * 40), ["par_name_too_long"]),
])
def test_a_file_without_its_sheets_columns_or_year_is_refused(edit, keys):
    with pytest.raises(InvalidInput) as refused:
        check(read_xlsx(workbook(sample(), edit)), shipped_recipe_nodes())
    assert [p.params.get("problem", p).key for p in refused.value.problems] == keys


def test_a_file_that_is_not_one_is_refused():
    for name, data, key in (("d.xlsx", b"not a zip", "par_not_xlsx"), ("d.yaml", b"- [", "par_not_yaml"),
                            ("d.csv", b"id", "par_unknown_file")):
        with pytest.raises(InvalidInput) as refused:
            read_file(name, data)
        assert [p.key for p in refused.value.problems] == [key]


def test_cli_import_export_round_trip_and_dry_run(cli, session, tmp_path):
    checked = cli("par-index", "definition", "import", str(SAMPLE), "--dry-run")
    assert checked.exit_code == 0 and checked.output.startswith("checked, nothing stored: 2026\t")
    assert stored_count(session) == 0
    imported = cli("par-index", "definition", "import", str(SAMPLE))
    assert imported.exit_code == 0, imported.output
    stored = session.scalar(select(IndexDefinition))
    out = tmp_path / "definition.xlsx"
    assert cli("par-index", "definition", "export", str(stored.id), "--out", str(out)).exit_code == 0
    assert read_xlsx(out.read_bytes()) == sample()
    assert cli("par-index", "definition", "publish", str(stored.id)).output.startswith(f"published {stored.id}: ")
    assert "\tpublished\t" in cli("par-index", "definition", "list").output


def test_cli_stores_nothing_from_a_bad_file_and_names_the_problem(cli, session, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook(sample(), bad_points))
    result = cli("par-index", "definition", "import", str(bad))
    assert result.exit_code == 1 and "Sheet 'tree', row 2, column 'max_points'" in result.output
    assert stored_count(session) == 0
    assert "No PAR index definition 9" in cli("par-index", "definition", "export", "9", "--out",
                                              str(tmp_path / "x.xlsx")).output


def test_the_sample_gives_full_marks_for_full_inputs():
    definition = load_definition(sample()["tree"], shipped_recipe_nodes())
    best = {"yes_no": True, "percent": 100}
    claimed = {item.id: best.get(item.source.rule) or max(item.source.levels, key=item.source.levels.get)
               for item in definition.sub_criteria if isinstance(item.source, SelfRule)}
    survey = {(item.source.recipe, item.source.node): 100.0
              for item in definition.sub_criteria if isinstance(item.source, SurveyRule)}
    [result] = score(definition, [UnitInput("so_noi_vu", "department", claimed=claimed, survey=survey)])
    assert result.total == pytest.approx(100) and result.points["f8_3_1"] == pytest.approx(2)
