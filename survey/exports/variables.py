"""The variables of an export: fixed response columns, one or more per question, the weight.

A variable knows its name, kind and labels; the writers decide how each kind is stored
(CSV text, XLSX cells, Parquet types, SPSS/Stata numbers with value labels).
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass

import forms
from forms import Choice, Label
from forms.markup import to_plain
from forms.metadata import metadata_questions

# How values are typed: free text, a number, a UTC timestamp, or a choice value (text in
# CSV/XLSX/Parquet, a labelled numeric code in SPSS/Stata).
KINDS = ("text", "number", "datetime", "choice")
DONT_KNOW = 9.0
SELECTED = (Choice("0", Label({"vi": "Không chọn", "en": "Not selected"})),
            Choice("1", Label({"vi": "Có chọn", "en": "Selected"})))


@dataclass(frozen=True)
class Variable:
    name: str
    kind: str
    label: Label
    question: forms.Question | None = None
    choice: str | None = None
    """For the 0/1 column of a select_multiple choice: that choice's value."""
    value_labels: tuple[Choice, ...] = ()
    missing: tuple[float, ...] = ()
    versions: tuple[int, ...] = ()
    position: int | None = None
    """For the column of a rank's place n (from 1): n, the choice ranked there."""

    @property
    def satisfaction(self) -> bool:
        """Whether the column holds a satisfaction question's answers (9, don't know, has no stored number)."""
        return self.question is not None and self.question.type == "satisfaction"

    def codes(self) -> dict[str, float]:
        """Choice value -> numeric code: the value itself when every value is a whole number, else 1, 2, ..."""
        values = [c.value for c in self.value_labels]
        if all(v.removeprefix("-").isdigit() and len(v) < 10 for v in values):
            return {v: float(v) for v in values}
        return {v: float(i) for i, v in enumerate(values, start=1)}


def _fixed(name: str, kind: str, vi: str, en: str) -> Variable:
    return Variable(name, kind, Label({"vi": vi, "en": en}))


RESPONSE_VARIABLES = (
    _fixed("response_id", "text", "Mã phiếu (UUID)", "Response id (UUID)"),
    _fixed("unit_code", "text", "Mã đơn vị được đánh giá", "Code of the unit evaluated"),
    _fixed("unit_name", "text", "Tên đơn vị được đánh giá", "Name of the unit evaluated"),
    _fixed("unit_level", "text", "Cấp đơn vị", "Unit level"),
    _fixed("district", "text", "Mã huyện của đơn vị", "District code of the unit"),
    _fixed("channel", "text", "Kênh trả lời", "Channel"),
    _fixed("status", "text", "Trạng thái phiếu", "Status"),
    _fixed("paper_serial", "text", "Số phiếu giấy", "Paper serial"),
    _fixed("started_at", "datetime", "Bắt đầu (UTC)", "Started (UTC)"),
    _fixed("submitted_at", "datetime", "Gửi (UTC)", "Submitted (UTC)"),
    _fixed("duration_seconds", "number", "Thời gian trả lời (giây)", "Duration (seconds)"),
    _fixed("device_class", "text", "Loại thiết bị", "Device class"),
    _fixed("flag", "text", "Cờ cảnh báo", "Flag"),
    _fixed("questionnaire_version", "number", "Phiên bản phiếu", "Questionnaire version"),
)
LONG_VARIABLES = (
    _fixed("question", "text", "Mã câu hỏi", "Question key"),
    _fixed("instance", "number", "Lần lặp (0: ngoài nhóm lặp)", "Repeat instance (0: outside repeats)"),
    _fixed("value", "text", "Câu trả lời (dạng lưu)", "Answer (stored form)"),
    _fixed("number", "number", "Câu trả lời (số)", "Answer (number)"),
)
WEIGHTS = {
    "design": _fixed("weight", "number", "Trọng số thiết kế w_h = N_h / n_h (n_h: số phiếu trong phạm vi phân tích)",
                     "Design weight w_h = N_h / n_h (n_h: the unit's responses in scope of the analysis)"),
    "raked": _fixed("weight", "number", "Trọng số cân chỉnh (raking) theo tổng thể, như khi phân tích",
                    "Raked weight (design weights raked to population margins), as in the analysis"),
}
IN_SCOPE, NOT_RATED, STATUS_LEFT_OUT = "in_scope", "not_rated", "status_not_analysed"
WEIGHT_NOTES = (
    Choice(IN_SCOPE, Label({"vi": "Trong phạm vi phân tích: có trọng số", "en": "In scope of the analysis: weighted"})),
    Choice(NOT_RATED, Label({
        "vi": "Ngoài phạm vi: không đánh giá câu nào trên thang hài lòng 5 mức (bị sàng lọc hoặc chỉ trả lời "
              "'không biết')",
        "en": "Out of scope: no rating on the five-level satisfaction scale (screened out, or only 'don't know')"})),
    Choice(STATUS_LEFT_OUT, Label({
        "vi": "Ngoài phạm vi: trạng thái phiếu không được phân tích (ví dụ bị loại)",
        "en": "Out of scope: a status the analysis leaves out (e.g. rejected)"})),
)
WEIGHT_NOTE = Variable("weight_note", "choice", Label({"vi": "Lý do phiếu có hoặc không có trọng số",
                                                       "en": "Why the response has a weight or none"}),
                       value_labels=WEIGHT_NOTES)


def union_questions(definitions: Iterable[tuple[int, forms.Definition]],
                    ) -> list[tuple[forms.Question, tuple[int, ...]]]:
    """Questions with answers over several versions, first version's order first, with the versions having each."""
    found: dict[str, forms.Question] = {}
    versions: dict[str, list[int]] = {}
    for number, definition in definitions:
        for question in (*definition.questions, *metadata_questions(definition)):
            if question.kind.has_answer:
                found.setdefault(question.name, question)
                versions.setdefault(question.name, []).append(number)
    return [(question, tuple(versions[name])) for name, question in found.items()]


def question_variables(question: forms.Question, versions: tuple[int, ...]) -> list[Variable]:
    """The answer column, and for select_multiple a 0/1 column per choice named key__value, for rank
    a column per place named key__1, key__2 … holding the choice ranked there; labels plain, without
    the bold and italic markers the pages render."""
    label = Label({language: to_plain(question.label[language]) for language in question.label})
    if question.type == "satisfaction":
        return [Variable(question.name, "number", label, question, None, question.choices,
                         (DONT_KNOW,), versions)]
    if question.type in ("integer", "decimal", "range"):
        return [Variable(question.name, "number", label, question, versions=versions)]
    if question.type in ("select_one", "yes_no", "acknowledge", "trigger"):
        return [Variable(question.name, "choice", label, question, None, question.choices,
                         versions=versions)]
    main = Variable(question.name, "text", label, question, versions=versions)
    if question.type == "rank":
        return [main, *rank_variables(question, label, versions)]
    if question.type != "select_multiple":
        return [main]
    return [main] + [
        Variable(f"{question.name}__{c.value}", "number", _joined(label, c.label), question,
                 c.value, SELECTED, versions=versions)
        for c in question.choices
    ]


def rank_variables(question: forms.Question, label: Label, versions: tuple[int, ...]) -> list[Variable]:
    """A rank's place columns, one per choice (a rank orders every choice), labelled '… (place n)'."""
    places = range(1, len(question.choices) + 1)
    return [Variable(f"{question.name}__{n}", "choice", _placed(label, n), question, None, question.choices,
                     versions=versions, position=n) for n in places]


def _placed(label: Label, place: int) -> Label:
    words = {"vi": "hạng {place}", "en": "place {place}"}
    return Label({language: f"{label[language]} ({words.get(language, words['en']).format(place=place)})"
                  for language in label})


def _joined(label: Label, choice: Label) -> Label:
    return Label({language: f"{label[language]}: {choice.text(language)}" for language in label})


def wide_variables(questions: list[tuple[forms.Question, tuple[int, ...]]], weighting: str) -> list[Variable]:
    answers = [v for question, versions in questions for v in question_variables(question, versions)]
    return list(RESPONSE_VARIABLES) + answers + _weight(weighting)


def long_variables(weighting: str) -> list[Variable]:
    return list(RESPONSE_VARIABLES) + list(LONG_VARIABLES) + _weight(weighting)


def _weight(weighting: str) -> list[Variable]:
    """The weight and why a response has none (out of the analysis' scope), or nothing unweighted."""
    return [WEIGHTS[weighting], WEIGHT_NOTE] if weighting in WEIGHTS else []


# Stata allows 32 characters, but pyreadstat names each value-label set after its variable plus a
# counter, and those names have the same limit: 28 leaves room for 4 digits.
NAME_LIMITS = {"sav": 64, "dta": 28}


def statistical_names(names: list[str], limit: int) -> dict[str, str]:
    """Names SPSS and Stata accept: letters, digits and '_', a letter first, at most `limit`, unique."""
    taken: set[str] = set()
    renamed = {}
    for name in names:
        safe = re.sub(r"[^A-Za-z0-9_]", "_", name)
        safe = (safe if safe[:1].isalpha() else "v" + safe)[:limit]
        candidate, number = safe, 1
        while candidate.lower() in taken:
            number += 1
            candidate = f"{safe[:limit - len(str(number)) - 1]}_{number}"
        taken.add(candidate.lower())
        renamed[name] = candidate
    return renamed
