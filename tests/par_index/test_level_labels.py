"""A levels rule's levels named in both languages (levels::vi, levels::en): read from YAML and XLSX,
written back by the export, optional so that an older document still loads (a level then shown by
its key), refused by row and column when they do not name the table's levels; the pages show the
label in the reader's language."""
import io

import openpyxl
import pytest

from analysis.par_index import load_definition, shipped_recipe_nodes
from analysis.par_index_model import SelfRule
from survey.errors import InvalidInput
from survey.par_index.document import check, read_file, read_xlsx, write_xlsx, write_yaml
from tests.accounts.conftest import fresh_limits, make_user, new_browser, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.scoring_setup import sample_round
from tests.par_index.test_definitions import sample


def row_of(document, item_id):
    return next(row for row in document["tree"] if row["id"] == item_id)


def refusal(document):
    with pytest.raises(InvalidInput) as refused:
        check(document, shipped_recipe_nodes())
    [problem] = refused.value.problems
    return problem


def test_the_sample_names_every_level_in_both_languages():
    definition = load_definition(sample()["tree"], shipped_recipe_nodes())
    levels = [item.source for item in definition.sub_criteria
              if isinstance(item.source, SelfRule) and item.source.rule == "levels"]
    assert len(levels) == 3 and all(set(rule.labels) == set(rule.levels) for rule in levels)
    assert all(set(named) == {"vi", "en"} for rule in levels for named in rule.labels.values())
    assert definition.items["f1_4_1"].source.labels["chua_dat"] == {"vi": "Chưa đạt", "en": "Not yet satisfactory"}


def test_the_export_writes_the_labels_back_in_xlsx_and_yaml():
    document = sample()
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(document)))
    header = [cell.value for cell in book["tree"][1]]
    assert {"levels::vi", "levels::en"} <= set(header)
    assert read_xlsx(write_xlsx(document))["tree"] == document["tree"]
    assert "levels::en: tot=Good; dat=Satisfactory" in write_yaml(document)
    assert row_of(read_file("x.yaml", write_yaml(document).encode()), "f4_1_1")["levels::vi"].startswith(
        "hoan_thanh=Đã hoàn thành")


def test_an_older_document_without_labels_loads_and_reads_as_before():
    document = sample()
    for row in document["tree"]:
        row.pop("levels::vi", None)
        row.pop("levels::en", None)
    again = read_xlsx(write_xlsx(document))
    assert again == document and all("levels::vi" not in row for row in again["tree"])
    assert check(again, shipped_recipe_nodes()).items["f1_4_1"].source.labels == {}


@pytest.mark.parametrize(("item_id", "cells", "key", "column"), [
    ("f1_4_1", {"levels::en": "tot=Good; kha=Fair; chua_dat=Not yet"}, "par_bad_level_labels", "levels::en"),
    ("f1_4_1", {"levels::en": "tot=Good; dat=Satisfactory"}, "par_level_label_missing", "levels::en"),
    ("f1_4_1", {"levels::vi": "tot=Tốt; tot=Rất tốt; dat=Đạt; chua_dat=Chưa"}, "par_bad_level_labels", "levels::vi"),
    ("f1_1_1", {"levels::vi": "yes=Có"}, "par_level_labels_not_allowed", "levels::vi"),
])
def test_labels_that_do_not_name_the_levels_are_refused_by_row_and_column(item_id, cells, key, column):
    document = sample()
    row_of(document, item_id).update(cells)
    problem = refusal(document)
    row = document["tree"].index(row_of(document, item_id)) + 2
    assert (problem.key, problem.params["row"], problem.params["column"]) == ("par_at_cell", row, column)
    assert problem.params["problem"].key == key
    assert f"row {row}, column '{column}'" in problem.text("en")
    assert f"dòng {row}, cột “{column}”" in problem.text("vi")


def test_the_assessment_page_shows_each_level_by_its_label_in_the_readers_language(session, make_unit, make_user,
                                                                                    staff):
    found = next(one for one in sample_round(session, make_unit).assessments if one.unit.code == "AG-SNV")
    make_user("can-bo-snv", "agency_officer", units=["AG-SNV"])
    session.commit()
    staff.sign_in("can-bo-snv")
    staff.get(f"/cham-diem/danh-gia/{found.id}?lang=en")
    assert "Not yet satisfactory (0 points)" in staff.text() and "chua_dat (0" not in staff.text()
    staff.get(f"/cham-diem/danh-gia/{found.id}?lang=vi")
    assert "Chưa đạt (0 điểm)" in staff.text() and "Áp dụng một phần (1,5 điểm)" in staff.text()
