"""Skip logic for paper: which answers send the respondent past later questions, and the
relevance expressions rewritten for people ("câu 7 chọn 1 và (câu 5 chọn 1 hoặc câu 6 chọn 1)").

Both are derived from the definition by evaluating its expressions, never written by hand:
for a choice question Q and each of its options, a later question is *certainly skipped*
when its relevance (or its section's) is false whatever the other questions it reads were
answered (each of their options, or no answer). Questions it cannot decide (free numbers or
text, too many combinations) are never claimed skipped: the printed condition still tells.
"""
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from forms import Question
from forms.checking import AnswerLookup
from forms.expression_tree import Binary, Call, Literal, Name, Negate, Node, Not, walk
from forms.expressions import Expression
from survey.printing.paper import Paper

COMBINATIONS = 4096
"""Most answer combinations tried to decide one expression; beyond, it stays undecided."""


@dataclass(frozen=True)
class Jump:
    """Answering one of ``codes`` sends the respondent to ``target`` (None: the form ends)."""

    codes: tuple[str, ...]
    target: str | None


@dataclass(frozen=True)
class Skip:
    """The instruction printed under a question: who goes on, who jumps where."""

    going_on: tuple[str, ...]
    following: str | None
    jumps: tuple[Jump, ...]


def skip(paper: Paper, question: Question) -> Skip | None:
    """The skip instruction of ``question``, or None when every answer goes on to the next one."""
    later = paper.answerable[paper.number[question.name]:]
    if not paper.codes[question.name] or not _read_later(paper, question.name) or not _one_at_a_time(
            paper, question, later):
        return None
    following = later[0].name if later else None
    targets: dict[str | None, list[str]] = {}
    for code, value in paper.codes[question.name]:
        targets.setdefault(_next_asked(paper, question.name, value, later), []).append(code)
    if set(targets) <= {following}:
        return None
    jumps = tuple(Jump(tuple(codes), target) for target, codes in targets.items() if target != following)
    return Skip(tuple(targets.get(following, ())), following, jumps)


def _one_at_a_time(paper: Paper, question: Question, later: list[Question]) -> bool:
    """Whether trying one option at a time tells the whole story: always for a single answer; for
    several ticked options only when later questions ask ``selected(q, v) or ...`` of them."""
    if question.type != "select_multiple":
        return True
    return all(_ticks_any(e.tree, question.name) for e in _expressions(paper, later) if question.name in e.references)


def _ticks_any(node: Node, name: str) -> bool:
    """Whether ``node`` is ``selected(name, v)``, or an ``or`` of such calls."""
    if isinstance(node, Binary) and node.op == "or":
        return _ticks_any(node.left, name) and _ticks_any(node.right, name)
    return isinstance(node, Call) and node.name == "selected" and node.question == name


def _read_later(paper: Paper, name: str) -> bool:
    return any(name in expression.references for expression in _expressions(paper, paper.answerable))


def _expressions(paper: Paper, questions: list[Question]) -> Iterator[Expression]:
    for question in questions:
        section = paper.section_of[question.name]
        yield from (e for e in (section.relevant, question.relevant) if e is not None)


def _next_asked(paper: Paper, name: str, value: str, later: list[Question]) -> str | None:
    """The first later question not certainly skipped when ``name`` is answered ``value``."""
    for question in later:
        conditions = _expressions(paper, [question])
        if not any(name in e.references and _never_true(paper, e, {name: value}) for e in conditions):
            return question.name
    return None


def _never_true(paper: Paper, expression: Expression, fixed: dict[str, str]) -> bool:
    """Whether ``expression`` is false for every answer of the questions it reads besides ``fixed``."""
    combinations = _combinations(paper, sorted(expression.references - set(fixed)))
    if combinations is None:
        return False
    return not any(expression.is_true(AnswerLookup(paper.definition, {**fixed, **other}))
                   for other in combinations)


def _combinations(paper: Paper, names: list[str]) -> list[dict[str, str | None]] | None:
    """Every combination of answers (no answer included) to ``names``; None if too many or not enumerable."""
    domains = []
    for name in names:
        # Several ticked options are not enumerated one at a time: it would miss combinations.
        if not paper.codes.get(name) or paper.definition.question(name).type == "select_multiple":
            return None
        domains.append([None, *(value for _, value in paper.codes[name])])
    size = 1
    for domain in domains:
        size *= len(domain)
    if size > COMBINATIONS:
        return None
    return [dict(zip(names, chosen, strict=True)) for chosen in product(*domains)]


# --- conditions for people -----------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """The words of the printed conditions in one language."""

    question: str  # "câu {number}"
    chose: str  # "{question} chọn {codes}"
    chose_not: str
    ticked: str  # select_multiple: "{question} có chọn {codes}"
    answered: str
    count: str
    length: str
    conjunctions: dict[str, str]
    negation: str
    alternatives: str  # "1 hoặc 2"


def condition(paper: Paper, expression: Expression, words: Words) -> str:
    """``expression`` in words, questions by their printed number and options by their code."""
    return _render(paper, expression.tree, words, top=True)


def _render(paper: Paper, node: Node, words: Words, top: bool = False) -> str:
    single = _single_choice_question(paper, node)
    if single is not None:
        return _as_choice(paper, single, node, words)
    if isinstance(node, Binary) and node.op in words.conjunctions:
        text = f" {words.conjunctions[node.op]} ".join(_render(paper, side, words) for side in (node.left, node.right))
        return text if top else f"({text})"
    if isinstance(node, Not):
        return f"{words.negation} ({_render(paper, node.operand, words, top=True)})"
    return _plain(paper, node, words)


def _single_choice_question(paper: Paper, node: Node) -> str | None:
    """The one choice question a subtree reads (and can be enumerated over), if it reads one."""
    names = {n.name for n in walk(node) if isinstance(n, Name)}
    if len(names) != 1:
        return None
    name = names.pop()
    if paper.definition.question(name).type == "select_multiple" and not _ticks_any(node, name):
        return None
    return name if paper.codes.get(name) else None


def _as_choice(paper: Paper, name: str, node: Node, words: Words) -> str:
    """A condition on one choice question as the codes that satisfy it (or, if shorter, that do not)."""
    expression = Expression("", node)
    true_for = [code for code, value in paper.codes[name]
                if expression.is_true(AnswerLookup(paper.definition, {name: value}))]
    false_for = [code for code, _ in paper.codes[name] if code not in true_for]
    question = _question(paper, name, words)
    if paper.definition.question(name).type == "select_multiple":
        return words.ticked.format(question=question, codes=alternatives(true_for, words))
    if not false_for:
        return words.answered.format(question=question)
    if len(false_for) < len(true_for):
        return words.chose_not.format(question=question, codes=alternatives(false_for, words))
    return words.chose.format(question=question, codes=alternatives(true_for, words))


def _plain(paper: Paper, node: Node, words: Words) -> str:
    """A node read literally: names as questions, operators as symbols."""
    if isinstance(node, Name):
        return _question(paper, node.name, words)
    if isinstance(node, Literal):
        return str(node.value).lower() if isinstance(node.value, bool) else f"{node.value}"
    if isinstance(node, Negate):
        return f"-{_plain(paper, node.operand, words)}"
    if isinstance(node, Call):
        return _call(paper, node, words)
    if isinstance(node, Binary):
        symbol = {"=": "=", "==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}.get(node.op, node.op)
        return f"{_render(paper, node.left, words)} {symbol} {_render(paper, node.right, words)}"
    return ""


def _call(paper: Paper, call: Call, words: Words) -> str:
    name = call.question or "."
    question = _question(paper, name, words)
    if call.name == "selected":
        codes = {value: code for code, value in paper.codes.get(name, ())}
        tested = call.choice_value or ""
        return words.ticked.format(question=question, codes=codes.get(tested, tested))
    template = {"count_selected": words.count, "string_length": words.length}.get(call.name, words.answered)
    return template.format(question=question)


def _question(paper: Paper, name: str, words: Words) -> str:
    return words.question.format(number=paper.number.get(name, name))


def alternatives(codes: list[str], words: Words) -> str:
    """'1', '1 hoặc 2', '1, 2 hoặc 3'."""
    if len(codes) < 2:
        return "".join(codes)
    return f"{', '.join(codes[:-1])} {words.alternatives} {codes[-1]}"

