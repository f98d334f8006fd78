"""What the printed page shows for each section and question, in the reader's language."""
from dataclasses import dataclass

from forms import Question, Section
from forms.markup import to_plain
from forms.piping import REFERENCE
from forms.repeats import paper_instances
from survey.printing.messages import say
from survey.printing.paper import Paper
from survey.printing.skips import Skip, Words, alternatives, condition, skip

ANSWER_KINDS = {"select_one": "one", "satisfaction": "one", "yes_no": "one", "select_multiple": "many",
                "integer": "integer", "decimal": "decimal", "date": "date", "text": "text", "unit": "one",
                "note": "note", "geopoint": "geopoint", "range": "decimal", "rank": "rank",
                "acknowledge": "one", "trigger": "one"}
"""How each question type is answered on paper (the template draws boxes, lines or codes)."""
SHORT_LABEL = 26


@dataclass(frozen=True)
class PrintedQuestion:
    number: int | None
    """None for notes, which are read out, not answered."""
    name: str
    answer: str
    label: str
    hint: str
    options: tuple[tuple[str, str], ...]
    """(code, label) of each option."""
    asked_if: str
    skip: str
    filtered: str
    """For a cascading select (choice_filter): which earlier answers its options must agree with."""

    @property
    def short_options(self) -> bool:
        """Options short enough to print three to a line."""
        return len(self.options) > 2 and all(len(label) <= SHORT_LABEL for _, label in self.options)


@dataclass(frozen=True)
class PrintedSection:
    title: str
    description: str
    asked_if: str
    questions: tuple[PrintedQuestion, ...]


def printed_sections(paper: Paper, language: str, unit_names: dict[str, str]) -> list[PrintedSection]:
    """Every section and question of the paper's definition, ready for the template; not the
    calculates, which the server computes from the answers keyed. A repeat is printed once per
    blank instance, numbered in its title."""
    words = condition_words()
    return [PrintedSection(title=title, description=_text(section.description, language),
                           asked_if=_asked_if(paper, section, words),
                           questions=tuple(_question(paper, q, language, words, unit_names)
                                           for q in section.questions if q.calculation is None))
            for section in paper.definition.sections for title in _titles(section, language)]


def _titles(section: Section, language: str) -> list[str]:
    """The section's title, or for a repeat the title of each blank instance printed."""
    title = section.title.text(language)
    if not section.repeat:
        return [title]
    return [say("instance_title", title=title, number=n) for n in range(1, paper_instances(section) + 1)]


def _question(paper: Paper, question: Question, language: str, words: Words,
              unit_names: dict[str, str]) -> PrintedQuestion:
    instruction = skip(paper, question) if question.kind.has_input else None
    return PrintedQuestion(
        number=paper.number.get(question.name), name=question.name, answer=ANSWER_KINDS[question.type],
        label=_printed_text(paper, question.label.text(language), words),
        hint=_printed_text(paper, _text(question.hint, language), words),
        options=tuple(_options(paper, question, language, unit_names)),
        asked_if=_asked_if(paper, question, words), skip=skip_text(paper, instruction, words) if instruction else "",
        filtered=_filtered(paper, question, words))


def _options(paper: Paper, question: Question, language: str, unit_names: dict[str, str]):
    if question.type == "unit":
        return ((code, unit_names.get(value, value)) for code, value in paper.codes[question.name])
    labels = {choice.value: choice.label.text(language) for choice in question.choices}
    return ((code, labels[value]) for code, value in paper.codes.get(question.name, ()))


def _asked_if(paper: Paper, item: Section | Question, words: Words) -> str:
    return say("asked_if", condition=condition(paper, item.relevant, words)) if item.relevant else ""


def _filtered(paper: Paper, question: Question, words: Words) -> str:
    """The filter in words: the printed options are all of them, the respondent circles those that fit."""
    if question.choice_filter is None:
        return ""
    read = [name for name in paper.number if name in question.choice_filter.references]
    numbers = ", ".join(words.question.format(number=paper.number[name]) for name in read)
    return say("filtered_options", questions=numbers) if read else say("filtered_options_any")


def _printed_text(paper: Paper, text: str, words: Words) -> str:
    """A label or hint on paper: its markup dropped, each ``${name}`` the question to look at."""
    def reference(match) -> str:
        return f"[{words.question.format(number=paper.number.get(match.group(1), match.group(1)))}]"
    return to_plain(REFERENCE.sub(reference, text))


def _text(label, language: str) -> str:
    return label.text(language) if label is not None else ""


def skip_text(paper: Paper, instruction: Skip, words: Words) -> str:
    """'Nếu chọn 1 hoặc 2, trả lời câu 12; nếu không, chuyển sang câu 14.' and the like."""
    def target(name: str | None) -> str:
        return say("go_to", number=paper.number[name]) if name else say("form_ends")

    if len(instruction.jumps) == 1 and instruction.going_on and instruction.following:
        return say("skip_two", codes=alternatives(list(instruction.going_on), words),
                   next=paper.number[instruction.following], otherwise=target(instruction.jumps[0].target))
    return " ".join(say("skip_jump", codes=alternatives(list(jump.codes), words), target=target(jump.target))
                    for jump in instruction.jumps)


def condition_words() -> Words:
    """The words of printed conditions in the current language."""
    return Words(question=say("cond_question"), chose=say("cond_chose"), chose_not=say("cond_chose_not"),
                 ticked=say("cond_ticked"), answered=say("cond_answered"), count=say("cond_count"),
                 length=say("cond_length"), conjunctions={"and": say("cond_and"), "or": say("cond_or")},
                 negation=say("cond_not"), alternatives=say("cond_or"))
