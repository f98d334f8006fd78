"""Skip instructions and printed conditions derived from relevance expressions, on forms made for
the cases: one answer, several ticked options, numbers, conditions on two questions."""
import forms
from survey.printing.paper import Paper
from survey.printing.skips import Jump, Skip, Words, condition, skip

WORDS = Words(question="câu {number}", chose="{question} chọn {codes}", chose_not="{question} không chọn {codes}",
              ticked="{question} có chọn {codes}", answered="{question} có trả lời",
              count="số phương án chọn ở {question}", length="độ dài {question}",
              conjunctions={"and": "và", "or": "hoặc"}, negation="không phải", alternatives="hoặc")

FORM = """
form: {id: skips, title: "Bỏ qua", languages: [vi]}
choices:
  helps: [{value: signs, label: "Biển"}, {value: staff, label: "Cán bộ"}, {value: web, label: "Mạng"}]
sections:
  - name: main
    title: "Chính"
    questions:
      - {name: overall, type: satisfaction, label: "Hài lòng"}
      - {name: why, type: text, relevant: "overall <= 2", label: "Vì sao"}
      - {name: helps, type: select_multiple, choices: helps, label: "Giúp ích"}
      - {name: which_staff, type: text, relevant: "selected(helps, 'staff') or selected(helps, 'web')", label: "Ai"}
      - {name: several, type: text, relevant: "count_selected(helps) >= 2", label: "Nhiều"}
      - {name: trips, type: integer, label: "Số lần"}
      - {name: many_trips, type: text, relevant: "trips >= 3 and overall != 9", label: "Vì sao nhiều"}
  - name: more
    title: "Thêm"
    relevant: "overall = 5 and not(selected(helps, 'signs'))"
    questions:
      - {name: praise, type: text, label: "Khen"}
"""


def paper() -> Paper:
    return Paper(forms.load_definition(FORM))


def asked_if(name: str) -> str:
    found = paper()
    item = found.definition.question(name) if name in found.number else found.definition.section(name)
    return condition(found, item.relevant, WORDS)


def test_a_scale_question_sends_the_satisfied_past_the_why():
    found = paper()
    assert skip(found, found.definition.question("overall")) == Skip(
        going_on=("1", "2"), following="why", jumps=(Jump(("3", "4", "5", "9"), "helps"),))
    assert asked_if("why") == "câu 1 chọn 1 hoặc 2"


def test_ticked_options_jump_only_when_each_option_alone_decides():
    found = paper()
    # which_staff asks selected(...) or selected(...): one option at a time is exact; `several` counts the
    # ticked options, which no single option tells: no instruction rather than a wrong one.
    assert skip(found, found.definition.question("helps")) is None
    assert asked_if("which_staff") == "câu 3 có chọn 2 hoặc 3"
    assert asked_if("several") == "số phương án chọn ở câu 3 ≥ 2"


def test_an_or_of_ticked_options_gives_an_instruction():
    # Without the other two readings of `helps` (a count, a negation), which one option cannot decide.
    text = FORM.replace('relevant: "count_selected(helps) >= 2", ', "")
    text = text.replace(" and not(selected(helps, 'signs'))", "")
    found = Paper(forms.load_definition(text))
    assert skip(found, found.definition.question("helps")) == Skip(
        going_on=("2", "3"), following="which_staff", jumps=(Jump(("1",), "several"),))


def test_conditions_on_numbers_and_on_two_questions_are_read_out():
    assert asked_if("many_trips") == "câu 6 ≥ 3 và câu 1 không chọn 9"
    assert asked_if("more") == "câu 1 chọn 5 và không phải (câu 3 có chọn 1)"


def test_an_undecidable_condition_claims_no_skip():
    found = paper()
    # `many_trips` hangs on a number too: no option of `overall` alone decides it except 9.
    instruction = skip(found, found.definition.question("trips"))
    assert instruction is None  # an integer has no options to print an instruction on
    assert not any(jump.target == "praise" for jump in skip(found, found.definition.question("overall")).jumps)
