"""Reading hand-written XLSForm workbooks: what is imported, what is skipped, what is wrong."""
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

import forms
from forms.expressions import DictLookup

VI, EN = "label::Vietnamese (vi)", "label::English (en)"
SETTINGS = {"form_id": "test", "form_title": "Kiểm tra", "form_title::English (en)": "Test",
            "default_language": "Vietnamese (vi)"}
FRUIT = [{"list_name": "fruit", "name": value, VI: vi, EN: en}
         for value, vi, en in [("apple", "Táo", "Apple"), ("pear", "Lê", "Pear"), ("fig", "Sung", "Fig")]]


@pytest.fixture
def workbook():
    """Builds .xlsx bytes; each sheet is a list of rows as dicts (header -> cell), in order.

    The header is every key in order of first use; a sheet given as None is left out.
    """

    def build(survey, choices=FRUIT, settings=SETTINGS, **more_sheets) -> bytes:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in {"survey": survey, "choices": choices, "settings": settings, **more_sheets}.items():
            if rows is None:
                continue
            rows = [rows] if isinstance(rows, dict) else rows
            sheet = book.create_sheet(name)
            headers = list(dict.fromkeys(key for row in rows for key in row))
            sheet.append(headers)
            for row in rows:
                sheet.append([row.get(header) for header in headers])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    return build


@pytest.fixture
def q():
    """One survey row: type, name, Vietnamese and English labels (made up unless given), more cells.

    Cells whose header is no Python name (``hint::English (en)``) go in ``cells={...}``.
    """

    def row(type, name, vi=None, en=None, **cells):
        found = {"type": type, "name": name, VI: f"Câu {name}" if vi is None else vi,
                 EN: f"Question {name}" if en is None else en}
        return found | cells.pop("cells", {}) | cells

    return row


@pytest.fixture
def group(q):
    """Rows of a group holding ``rows``: begin group, the rows, end group."""

    def build(name, *rows, **cells):
        return [q("begin group", name, f"Nhóm {name}", f"Group {name}", **cells), *rows,
                {"type": "end group"}]

    return build


def where(problem):
    return problem.sheet, problem.row, problem.column, problem.code


# --- what is imported ----------------------------------------------------------------


def test_choice_lists_become_ours_with_both_languages(workbook, q, group):
    choices = [*FRUIT, {"list_name": "count", "name": 1, VI: "Một", EN: "One"},
               {"list_name": "count", "name": 2.0, VI: "Hai", EN: "Two"},
               {"list_name": "fruit", "name": "plum", VI: "Mận", EN: "Plum"}]  # a list in two runs
    data = workbook(group("main", q("select_one fruit", "f"), q("select_multiple count", "c")), choices)
    imported = forms.read_xlsform(data)
    assert imported.problems == [] and imported.skipped == []
    definition = imported.definition
    assert [c.value for c in definition.question("f").choices] == ["apple", "pear", "fig", "plum"]
    assert [c.value for c in definition.question("c").choices] == ["1", "2"]
    assert definition.question("c").type == "select_multiple"
    assert definition.question("f").choices[0].label == {"vi": "Táo", "en": "Apple"}
    assert definition.languages == ("vi", "en")
    assert definition.title == {"vi": "Kiểm tra", "en": "Test"}


def test_relevance_and_constraints_are_translated_into_our_expressions(workbook, q, group):
    rows = group(
        "main",
        q("select_multiple fruit", "f", constraint="count-selected(.) <= 2",
          cells={"constraint_message::Vietnamese (vi)": "Tối đa 2", "constraint_message::English (en)": "At most 2"}),
        q("integer", "n", relevant="selected(${f}, 'apple') or not(${f} = '')", constraint=". >= 1 and . <= 9"),
        q("text", "t", relevant="${n} > 2 and ${n} != 5", constraint="string-length(.) div 2 <= 10"),
        q("text", "u", relevant="${t} != ''", required="yes"),
        q("text", "v", relevant="${t} = '' and true()", required="TRUE()"),
    )
    definition = forms.read_xlsform(workbook(rows)).definition
    sources = {name: (q_.relevant.source if q_.relevant else None, q_.constraint.source if q_.constraint else None)
               for name, q_ in ((x.name, x) for x in definition.questions)}
    assert sources == {
        "f": (None, "count_selected(.) <= 2"),
        "n": ("selected(f, 'apple') or not((not answered(f)))", ". >= 1 and . <= 9"),
        "t": ("n > 2 and n != 5", "string_length(.) / 2 <= 10"),
        "u": ("answered(t)", None),
        "v": ("(not answered(t)) and true", None),
    }
    assert definition.question("f").constraint_message == {"vi": "Tối đa 2", "en": "At most 2"}
    assert definition.question("u").required and definition.question("v").required
    assert not definition.question("t").required
    answers = DictLookup({"n": Decimal(3)})
    assert definition.question("t").relevant.is_true(answers)


def test_groups_are_sections_and_questions_outside_groups_get_their_own(workbook, q, group):
    rows = [q("note", "intro"),
            *group("visit", q("integer", "times"),
                   cells={"hint::Vietnamese (vi)": "Về lần đến", "hint::English (en)": "About the visit"}),
            *group("again", q("text", "why"), relevant="${times} > 1"),
            q("text", "last")]
    definition = forms.read_xlsform(workbook(rows)).definition
    assert [(s.name, [q_.name for q_ in s.questions]) for s in definition.sections] == [
        ("main", ["intro"]), ("visit", ["times"]), ("again", ["why"]), ("main_1", ["last"])]
    assert definition.section("main").title == definition.title
    assert definition.section("visit").title == {"vi": "Nhóm visit", "en": "Group visit"}
    assert definition.section("visit").description == {"vi": "Về lần đến", "en": "About the visit"}
    assert definition.section("again").relevant.source == "times > 1"


def test_a_group_inside_a_group_joins_it_and_adds_its_relevance(workbook, q, group):
    inner = group("inner", q("text", "b", relevant="${a} < 9"), relevant="${a} > 1")
    imported = forms.read_xlsform(workbook(group("outer", q("integer", "a"), *inner, q("text", "c"))))
    definition = imported.definition
    assert [s.name for s in definition.sections] == ["outer"]
    assert [q_.name for q_ in definition.questions] == ["a", "b", "c"]
    assert definition.question("b").relevant.source == "(a > 1) and (a < 9)"
    assert definition.question("c").relevant is None
    assert [where(p) for p in imported.skipped] == [("survey", 4, "type", "nested_group")]


def test_languages_come_from_the_label_columns_default_first(workbook):
    survey = [{"type": "begin group", "name": "main", "label::en": "Main", "label": "Chính"},
              {"type": "text", "name": "t", "label::en": "Text", "label": "Chữ",
               "hint::English": "A hint", "hint": "Gợi ý"},
              {"type": "end group"}]
    settings = {"form_id": "x", "form_title": "Tiêu đề", "form_title::en": "Title"}
    definition = forms.read_xlsform(workbook(survey, None, settings)).definition
    assert definition.languages == ("vi", "en")  # no default_language: plain columns are Vietnamese
    assert definition.question("t").hint == {"vi": "Gợi ý", "en": "A hint"}


def test_a_single_language_form(workbook):
    survey = [{"type": "begin group", "name": "main", "label": "Main"},
              {"type": "integer", "name": "n", "label": "How many?"}, {"type": "end group"}]
    settings = {"form_id": "en-only", "form_title": "English only", "default_language": "English (en)"}
    definition = forms.read_xlsform(workbook(survey, None, settings)).definition
    assert definition.languages == ("en",) and definition.question("n").label == {"en": "How many?"}


def test_language_columns_that_cannot_be_read_or_repeat(workbook, q, group):
    rows = group("main", q("text", "t", cells={"label::Klingon": "x", "hint::vi": "a", "hint::Vietnamese (vi)": "b",
                                                     "hint::en": "c"}))
    problems = forms.read_xlsform(workbook(rows)).problems
    assert [where(p) for p in problems] == [
        ("survey", 1, "label::Klingon", "unknown_language_column"),
        ("survey", 1, "hint::Vietnamese (vi)", "duplicate_column")]
    assert "write it like 'label::Vietnamese (vi)'" in problems[0].message


# --- what is skipped -----------------------------------------------------------------


def test_unsupported_types_repeats_and_functions_are_skipped_the_rest_imported(workbook, q, group):
    rows = [q("phonenumber", "started"),
            *group("main",
                   q("geotrace", "where"), q("image", "photo"), q("audio", "voice"),
                   q("calculate", "total", calculation="pulldata('a', 'b', 'c', 'd')"),
                   q("select_one fruit", "f"),
                   q("begin loop over fruit", "members"), q("text", "member"), q("integer", "age"),
                   {"type": "end loop"},
                   q("integer", "a", constraint="format-date(., '%Y')"),
                   q("text", "b", relevant="${where} != ''", required="${a} > 1"),
                   q("text", "c", relevant="${member} = 'x'", appearance="multiline"),
                   q("text", "d", appearance="multiline", cells={"media::image": "d.png"}))]
    imported = forms.read_xlsform(workbook(rows))
    assert imported.problems == []
    assert [q_.name for q_ in imported.definition.questions] == ["f", "a", "b", "c", "d"]
    assert all(q_.relevant is None and q_.constraint is None for q_ in imported.definition.questions)
    assert [where(p) for p in imported.skipped] == [
        ("survey", 2, "type", "unsupported_type"),
        ("survey", 4, "type", "unsupported_type"),
        ("survey", 5, "type", "unsupported_type"),
        ("survey", 6, "type", "unsupported_type"),
        ("survey", 7, "calculation", "unsupported_expression"),
        ("survey", 9, "type", "unsupported_repeat"),
        ("survey", 13, "constraint", "unsupported_expression"),
        ("survey", 14, "required", "unsupported_required"),
        ("survey", 14, "relevant", "skipped_reference"),
        ("survey", 15, "relevant", "skipped_reference"),
        ("survey", 16, "media::image", "ignored_column"),
    ]
    text = [str(p) for p in imported.skipped]
    assert text[1] == "survey row 4, column type: type 'geotrace' is not supported; question skipped [unsupported_type]"
    assert "repeat 'members' (to row 12) is not supported; it and its 2 row(s) skipped" in text[5]
    assert "uses the function format-date(), which is not supported; constraint dropped" in text[6]
    assert "reads 'where', which was skipped" in text[8]
    assert "its 1 value(s) ignored" in text[10]


# --- what is wrong -------------------------------------------------------------------


def test_a_workbook_with_twenty_errors_refuses_what_is_wrong_and_takes_what_pyxform_takes(workbook, q, group):
    rows = group(
        "main",
        q("selct_one fruit", "a1"), q("select_one fruits", "a2"), q("integer", "2bad"), q("integer", "a4"),
        q("text", "a4"), q("text", "a6", en=""), q("integer", "a7", relevant="${nope} = 1"),
        q("integer", "a8", relevant="${a9} = 1"), q("integer", "a9", constraint="${a9} > 1"),
        q("integer", "a10", relevant="${a4} = 1 and"), q("note", "a11", required="yes"),
        q("integer", "a12", relevant="selected(${a4}, 'x')"), q("select_one color", "a13"),
        q("integer", "a14", relevant="selected(${a13}, 'plum')"), q("integer", "a15", relevant=". > 1"),
        q("integer", "a16", required="maybe"), q("text", None), q("integer", "a18", "", ""))
    rows.append({"type": "end group"})
    choices = [*FRUIT, {"list_name": "color", "name": "red", VI: "Đỏ", EN: "Red"},
               {"list_name": "fruit", "name": "apple", VI: "Táo", EN: "Apple"},
               {"list_name": "fruit", "name": "has space", VI: "x", EN: "x"}]
    imported = forms.read_xlsform(workbook(rows, choices, SETTINGS | {"form_id": "Not A Slug"}))
    assert imported.definition is None
    assert [where(p) for p in imported.problems] == [
        ("survey", 3, "type", "unknown_type"),
        ("survey", 4, "type", "unknown_choice_list"),
        ("survey", 7, "name", "duplicate_name"),  # in one group: pyxform refuses it too
        ("survey", 9, "relevant", "unknown_reference"),
        ("survey", 10, "relevant", "forward_reference"),
        ("survey", 12, "relevant", "expression_syntax"),
        ("survey", 13, "required", "field_not_allowed"),
        ("survey", 14, "relevant", "not_a_choice_question"),
        ("survey", 17, "relevant", "dot_outside_constraint"),
        ("survey", 18, "required", "wrong_type"),
        ("survey", 19, "name", "missing_field"),
        ("survey", 22, "type", "unmatched_end"),
        ("choices", 6, "name", "duplicate_choice_value"),
    ]
    lines = [str(p) for p in imported.problems]
    assert lines[0] == ("survey row 3, column type: unknown type 'selct_one' (did you mean 'select_one'?) "
                        "[unknown_type]")
    assert lines[2].endswith("name 'a4' is already used (survey row 6) [duplicate_name]")
    assert "read from '${a4} = 1 and'" in lines[5]
    taken = {where(p) for p in imported.skipped}
    assert {("survey", 5, "name", "renamed"), ("survey", 8, EN, "translation_fallback"),
            ("survey", 16, "relevant", "dropped_expression"), ("survey", 20, "label", "missing_label"),
            ("choices", 7, "name", "renamed_choice"), ("settings", 2, "form_id", "default_form_id")} <= taken


def test_a_missing_settings_sheet_takes_id_and_title_from_the_file_name(workbook, q, group):
    imported = forms.read_definition("dir/My Form.xlsx", workbook(group("main", q("text", "t")), settings=None))
    assert (imported.definition.id, imported.definition.title.text("vi")) == ("my-form", "My Form")
    assert [(p.sheet, p.row, p.column, p.code) for p in imported.skipped] == [  # no row: there is no sheet
        ("settings", None, "form_id", "default_form_id"), ("settings", None, "form_title", "default_title")]
    untitled = forms.read_xlsform(workbook(group("main", q("text", "t")), settings=None)).definition
    assert (untitled.id, untitled.title.text("vi")) == ("form", "Nhóm main")


def test_unclosed_groups_and_repeats(workbook, q):
    problems = forms.read_xlsform(workbook([q("begin group", "g"), q("text", "t"), q("begin repeat", "r")])).problems
    assert [(p.row, p.code, p.value) for p in problems] == [(2, "unclosed_group", "g"), (4, "unclosed_group", "r")]


def test_a_select_without_a_choices_sheet(workbook, q, group):
    problems = forms.read_xlsform(workbook(group("main", q("select_one fruit", "f")), choices=None)).problems
    assert [(p.sheet, p.code) for p in problems] == [("workbook", "missing_sheet"), ("survey", "unknown_choice_list")]


def zipped(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [b"", b"hello, world", "Tên,Tuổi\n".encode(), b"PK\x03\x04broken",
                                  zipped("readme.txt", b"not a workbook"), b"\xd0\xcf\x11\xe0" + bytes(100)])
def test_what_is_not_a_workbook_is_one_clear_problem(data):
    imported = forms.read_xlsform(data)
    assert imported.definition is None and imported.skipped == []
    assert [(p.code, p.sheet) for p in imported.problems] == [("not_a_workbook", "workbook")]
    assert str(imported.problems[0]).startswith("workbook: not an XLSForm workbook: ")


def test_a_damaged_workbook_is_one_clear_problem(workbook, q):
    data = workbook([q("text", "t")])
    imported = forms.read_xlsform(data[: len(data) // 2])
    assert [p.code for p in imported.problems] == ["not_a_workbook"]


def test_a_workbook_without_a_survey_sheet(workbook):
    problems = forms.read_xlsform(workbook(None, notes=[{"a": 1}])).problems
    assert [str(p) for p in problems] == [
        "workbook: the workbook has no 'survey' sheet (sheets found: 'choices', 'settings', 'notes') [missing_sheet]"]


def test_a_survey_sheet_without_type_or_name_columns(workbook):
    problems = forms.read_xlsform(workbook([{"label": "x"}])).problems
    assert [(p.sheet, p.row, p.code, p.value) for p in problems] == [
        ("survey", 1, "missing_column", "type"), ("survey", 1, "missing_column", "name")]


def test_a_sheet_too_long_is_reported(workbook, q, group, monkeypatch):
    monkeypatch.setattr("forms.xlsform_bounds.MAX_ROWS", 5)
    problems = forms.read_xlsform(workbook(group("main", *(q("text", f"t{i}") for i in range(6))))).problems
    assert [(p.sheet, p.code) for p in problems] == [("survey", "too_many_rows")]
    assert "more than 5 rows" in problems[0].message


# --- one entry point for both formats --------------------------------------------------


def test_read_definition_tells_the_formats_apart(workbook, q, group, small_form):
    data = workbook(group("main", q("text", "t")))
    assert forms.read_definition("form.xlsx", data).definition.id == "test"
    assert forms.read_definition("upload", data).definition.id == "test"  # by content
    assert forms.read_definition("small.yaml", small_form.encode()).definition.id == "small"
    assert forms.read_definition("form.xlsx", small_form.encode()).problems[0].code == "not_a_workbook"


def test_yaml_problems_keep_their_rows_and_paths(small_form):
    imported = forms.read_definition("small.yaml", small_form.replace("type: integer", "type: intger").encode())
    assert [(p.sheet, p.row, p.column, p.code) for p in imported.problems] == [
        (None, 17, "sections[0].questions[2].type", "unknown_type")]
    assert str(imported.problems[0]).startswith("row 17, sections[0].questions[2].type: unknown type 'intger'")
    assert forms.read_definition("x.yaml", b"\xff\xfe").problems[0].code == "not_utf8"


# --- the CLI -------------------------------------------------------------------------


@pytest.fixture
def xlsx_file(tmp_path, workbook):
    """Writes a workbook (rows as for ``workbook``) to a .xlsx file; returns its path as text."""

    def write(*args, name="form.xlsx", **kwargs) -> str:
        path = tmp_path / name
        path.write_bytes(workbook(*args, **kwargs))
        return str(path)

    return write


def test_cli_validate_lists_problems_one_per_line_and_fails(cli, xlsx_file, q, group):
    path = xlsx_file(group("main", q("selct_one fruit", "a"), q("text", "Bb"), q("text", "b", relevant="${c}")))
    result = cli("questionnaire", "validate", path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "skipped: survey row 4, column name: name 'Bb' is imported as 'bb': names here are lower-case letters, "
        "digits and '_', starting with a letter; the name is kept for export [renamed]",
        f"Error: 2 problem(s) in {path}:",
        "survey row 3, column type: unknown type 'selct_one' (did you mean 'select_one'?) [unknown_type]",
        "survey row 5, column relevant: no question named 'c' [unknown_reference]",
    ]


def test_cli_validate_and_import_an_xlsform(cli, session, xlsx_file, q, group):
    from survey.questionnaires.models import Questionnaire

    path = xlsx_file(group("main", q("select_one fruit", "a"), q("image", "photo")))
    result = cli("questionnaire", "validate", path)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "skipped: survey row 4, column type: type 'image' is not supported; question skipped [unsupported_type]",
        f"{path}: ok, 'test' with 1 sections, 1 questions"]
    result = cli("questionnaire", "import", path, "--publish")
    assert result.exit_code == 0 and result.output.endswith("imported test, published as version 1\n")
    assert session.query(Questionnaire).one().draft["sections"][0]["questions"][0]["choices"] == "fruit"


def test_cli_import_of_a_broken_workbook_changes_nothing(cli, session, tmp_path):
    from survey.questionnaires.models import Questionnaire

    path = tmp_path / "form.xlsx"
    path.write_bytes(b"not a spreadsheet")
    result = cli("questionnaire", "import", str(path), "--publish")
    assert result.exit_code == 1
    assert "workbook: not an XLSForm workbook: the file is not an .xlsx workbook [not_a_workbook]" in result.output
    assert session.query(Questionnaire).count() == 0


def test_cli_export_as_yaml_and_xlsx_reads_back_the_same(cli, session, tmp_path, small_form, make_version):
    version = make_version()
    definition = forms.definition_from_dict(version.definition)
    for kind in ("yaml", "xlsx"):
        out = tmp_path / f"small.{kind}"
        result = cli("questionnaire", "export", "small", "--format", kind, "--out", str(out))
        assert result.exit_code == 0 and result.output == f"wrote small v1 to {out}\n"
        assert forms.read_definition(out.name, out.read_bytes()).definition == definition
    result = cli("questionnaire", "export", "small", "--version", "7", "--out", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and "has no version 7" in result.output


def test_a_header_written_twice(workbook):
    book = openpyxl.load_workbook(io.BytesIO(workbook([{"type": "text", "name": "a", VI: "A", EN: "A"}])))
    book["survey"]["E1"], book["survey"]["E2"] = "name", "b"
    buffer = io.BytesIO()
    book.save(buffer)
    problems = forms.read_xlsform(buffer.getvalue()).problems
    assert [(p.sheet, p.row, p.column, p.code) for p in problems] == [("survey", 1, "name", "duplicate_column")]


def test_every_problem_code_has_a_title_in_vietnamese_and_english():
    from forms.import_titles import TITLES

    assert TITLES.keys() == forms.CATALOGUE.keys() | forms.XLSFORM_CATALOGUE.keys()
    assert all(vi and en and vi != en for vi, en in TITLES.values())
    problem = forms.read_xlsform(b"nope").problems[0]
    assert (problem.title(), problem.title("en")) == ("Không phải bảng tính XLSForm (.xlsx, .xls)",
                                                      "Not an XLSForm workbook (.xlsx, .xls)")


def test_cli_export_of_the_draft_and_of_nothing_published(cli, session, tmp_path, small_form):
    path = tmp_path / "small.yaml"
    path.write_text(small_form, encoding="utf-8")
    assert cli("questionnaire", "import", str(path)).exit_code == 0
    out = tmp_path / "out.xlsx"
    result = cli("questionnaire", "export", "small", "--out", str(out), "--format", "xlsx")
    assert result.exit_code == 1 and "has no published version" in result.output and not out.exists()
    result = cli("questionnaire", "export", "small", "--draft", "--out", str(out), "--format", "xlsx")
    assert result.exit_code == 0 and result.output == f"wrote small draft to {out}\n"
    assert forms.read_xlsform(out.read_bytes()).definition == forms.load_definition(small_form)


def test_a_kobo_style_form_imports_with_a_clear_list_of_what_was_left_out(workbook):
    """As KoboToolbox exports them: metadata rows, field-list groups, English first, booleans, extras."""
    en, vi = "label::English (en)", "label::Vietnamese (vi)"
    survey = [
        {"type": "start", "name": "start"}, {"type": "end", "name": "end"},
        {"type": "today", "name": "today"}, {"type": "deviceid", "name": "deviceid"},
        {"type": "begin_group", "name": "respondent", en: "About you", vi: "Về Ông/Bà", "appearance": "field-list"},
        {"type": "text", "name": "district", en: "District", vi: "Huyện", "required": True},
        {"type": "integer", "name": "age", en: "Age", vi: "Tuổi", "required": True,
         "constraint": ". >= 18 and . < 120", "constraint_message::English (en)": "18 or more",
         "constraint_message::Vietnamese (vi)": "Từ 18 tuổi"},
        {"type": "select_one yn", "name": "visited", en: "Visited the one-stop desk?", vi: "Đã đến Bộ phận Một cửa?",
         "choice_filter": "${age} > 17"},
        {"type": "calculate", "name": "started_on", "calculation": "once(format-date-time(now(), '%Y'))"},
        {"type": "end_group"},
        {"type": "begin_group", "name": "visit", en: "The visit", vi: "Lần đến", "relevant": "${visited} = 'yes'"},
        {"type": "note", "name": "thanks", en: "Thank you, ${district}", vi: "Cảm ơn, ${district}"},
        {"type": "select_multiple why", "name": "why", en: "Why?", vi: "Vì sao?",
         "constraint": "not(selected(., 'none') and count-selected(.) > 1)"},
        {"type": "text", "name": "why_other", en: "Other reason", vi: "Lý do khác",
         "relevant": "selected(${why}, 'other')", "required": "true()"},
        {"type": "geopoint", "name": "where", en: "Where?", vi: "Ở đâu?"},
        {"type": "text", "name": "name_of_choice", en: "Repeat", vi: "Nhắc lại",
         "relevant": "jr:choice-name(${visited}, '${visited}') != ''"},
        {"type": "end_group"},
    ]
    choices = [{"list_name": "yn", "name": value, en: e, vi: v}
               for value, e, v in [("yes", "Yes", "Có"), ("no", "No", "Không")]]
    choices += [{"list_name": "why", "name": value, en: value.title(), vi: value}
                for value in ("time", "cost", "other", "none")]
    settings = {"form_title": "One-stop survey", "form_id": "kobo-form", "version": "vVbFz7",
                "default_language": "English (en)", "style": "pages"}
    from pyxform.xls2xform import convert

    data = workbook(survey, choices, settings)
    warnings: list[str] = []
    assert convert(xlsform=data, warnings=warnings).xform and warnings == []  # a real XLSForm
    first = forms.read_xlsform(data)
    assert first.problems == [] and first.definition.title.text("vi") == "One-stop survey"
    assert "settings row 2, column form_title: 1 form_title text(s) have no 'vi' translation" in str(
        next(p for p in first.skipped if p.code == "translation_fallback"))
    settings["sipas_form_title::Vietnamese (vi)"] = "Khảo sát Một cửa"
    imported = forms.read_xlsform(workbook(survey, choices, settings))
    assert imported.problems == []
    definition = imported.definition
    assert definition.languages == ("en", "vi")
    assert definition.title == {"en": "One-stop survey", "vi": "Khảo sát Một cửa"}
    assert [s.name for s in definition.sections] == ["respondent", "visit"]
    assert [q.name for q in definition.questions] == [
        "district", "age", "visited", "thanks", "why", "why_other", "where", "name_of_choice"]
    assert definition.metadata == (("start", "start"), ("end", "end"), ("today", "today"),
                                   ("deviceid", "deviceid"))
    assert definition.sections[0].appearance == "field-list"
    assert definition.question("age").required and definition.question("why_other").required
    assert definition.question("why").constraint.source == (
        "not(selected(., 'none') and count_selected(.) > 1)")
    assert definition.question("thanks").label["vi"] == "Cảm ơn, ${district}"
    assert [(p.row, p.column, p.code) for p in imported.skipped] == [
        (10, "calculation", "unsupported_expression"), (17, "relevant", "unsupported_expression"),
        (2, "style", "ignored_column")]
    assert [p.sheet for p in imported.skipped][-1] == "settings"
