"""Translating expressions between XLSForm (an XPath subset) and our language (FORMAT.md).

Both directions rewrite token by token and keep the spacing between tokens, so that an
expression written by us, exported and imported again comes back as the same text. The
exceptions are spelled out in FORMAT.md: ``not x`` comes back as ``not(x)``, ``a/b`` as
``a / b``, ``==`` as ``=``, ``not answered(x)`` as ``not(answered(x))``.

XLSForm -> ours: ``${q}`` -> ``q``; ``selected``, ``count-selected``, ``string-length``,
``if``, ``coalesce``, ``concat``, ``round``, ``int``, ``regex``, ``today``, ``date``,
``not``, ``true()``, ``false()``, ``div``, ``mod``, ``and``, ``or``, comparisons and
arithmetic; ``${q} = ''`` -> ``not answered(q)`` and ``${q} != ''`` -> ``answered(q)``
(in XLSForm an unanswered question reads as ''); in a choice_filter a bare name is a
choice's column, ``choice('name')`` (also as the value ``selected()`` looks for:
``selected(${grains}, name)``). Anything else (other functions, XPath
paths, predicates) raises ``Unsupported`` with the reason.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .expression_functions import ARITHMETIC


class Unsupported(ValueError):
    """An XLSForm expression we cannot translate; ``str()`` is the reason, for the author."""


class _Token(NamedTuple):
    kind: str  # ref, string, number, name, op, space, other
    text: str


_XLSFORM_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<ref>\$\{[^}]*\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>\d+(?:\.\d+)?|\.\d+)
      | (?P<name>[A-Za-z_][A-Za-z0-9_.:\-]*)
      | (?P<op>!=|<=|>=|==|\.\.|//|[=<>+\-*/(),.|\[\]@$])
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_OURS_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|[=<>+\-*/(),.])
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)

# XLSForm function -> ours (both take the same arguments).
_FUNCTIONS_IN = {"selected": "selected", "count-selected": "count_selected",
                 "string-length": "string_length", "not": "not",
                 **{name: name for name in ("if", "coalesce", "concat", "round", "int", "regex",
                                            "today", "date", *ARITHMETIC)}}
_FUNCTIONS_OUT = {ours: theirs for theirs, ours in _FUNCTIONS_IN.items()}
_WORDS = frozenset({"and", "or", "mod"})
_COMPARISONS = frozenset({"=", "==", "!=", "<", "<=", ">", ">="})
_BINDS_TIGHTER_THAN_NOT = _COMPARISONS | {"+", "-", "*", "/", "mod"}


def _tokens(pattern: re.Pattern[str], source: str) -> list[_Token]:
    return [_Token(m.lastgroup or "other", m.group()) for m in pattern.finditer(source)]


def _solid(tokens: list[_Token], index: int, step: int) -> int | None:
    """The index of the next token that is not space, from ``index`` in direction ``step``."""
    index += step
    while 0 <= index < len(tokens):
        if tokens[index].kind != "space":
            return index
        index += step
    return None


# --- XLSForm -> ours ----------------------------------------------------------------


def from_xlsform(source: str, *, columns: bool = False) -> tuple[str, frozenset[str]]:
    """(our expression, names of the questions it reads); raises Unsupported.

    With ``columns`` (a choice_filter) a bare name is a column of the choices sheet:
    ``state`` -> ``choice('state')``.
    """
    tokens = _tokens(_XLSFORM_TOKEN, source)
    names = frozenset(t.text[2:-1].strip() for t in tokens if t.kind == "ref")
    tokens = _empty_string_tests(tokens)
    ours = "".join(_token_in(tokens, index, token, columns) for index, token in enumerate(tokens))
    return ours, names


def _token_in(tokens: list[_Token], index: int, token: _Token, columns: bool) -> str:
    if token.kind == "ref":
        return token.text[2:-1].strip()
    if token.kind == "name" and columns and _is_column(tokens, index):
        return f"choice('{token.text}')"
    if token.kind == "name":
        return _name_in(tokens, index, token.text)
    if token.kind == "op" and token.text in ("..", "//", "|", "[", "]", "@", "$"):
        raise Unsupported(f"the XPath operator {token.text!r}")
    if token.kind == "op" and token.text == "/":
        raise Unsupported("an XPath path ('/')")
    if token.kind == "other":
        raise Unsupported(f"the character {token.text!r}")
    if token.kind == "number" and token.text.startswith("."):
        return "0" + token.text
    return token.text


def _is_column(tokens: list[_Token], index: int) -> bool:
    """Whether the name at ``index`` stands alone: no word of the language, no call."""
    following = _solid(tokens, index, 1)
    called = following is not None and tokens[following].text == "("
    return not called and tokens[index].text not in (*_WORDS, "div")


def _name_in(tokens: list[_Token], index: int, name: str) -> str:
    if name in _WORDS:
        return name
    if name == "div":
        return "/"
    following = _solid(tokens, index, 1)
    is_call = following is not None and tokens[following].text == "("
    if is_call and name in ("true", "false"):
        _drop_empty_call(tokens, following)  # type: ignore[arg-type]
        return name
    if is_call and name == "not" and _compared_after_call(tokens, following):  # type: ignore[arg-type]
        raise Unsupported("not() compared or computed with")
    if is_call:
        if name not in _FUNCTIONS_IN:
            raise Unsupported(f"the function {name}()")
        return _FUNCTIONS_IN[name]
    raise Unsupported(f"{name!r}, which is not a ${{question}} reference")


def _compared_after_call(tokens: list[_Token], opening: int) -> bool:
    """Whether the call's result meets a comparison or arithmetic (ours binds not looser)."""
    closing = _operand_end(tokens, opening + 1)
    after = _solid(tokens, closing, 1)
    return after is not None and tokens[after].text in _BINDS_TIGHTER_THAN_NOT


def _drop_empty_call(tokens: list[_Token], opening: int) -> None:
    """Blank out the ``()`` after true / false (tokens are rewritten in place)."""
    closing = _solid(tokens, opening, 1)
    if closing is None or tokens[closing].text != ")":
        raise Unsupported("true() and false() take no arguments")
    for index in range(opening, closing + 1):
        tokens[index] = _Token("space", "")


def _empty_string_tests(tokens: list[_Token]) -> list[_Token]:
    """``${q} = ''`` -> ``not answered(q)``; ``${q} != ''`` -> ``answered(q)``."""
    result = list(tokens)
    for index, token in enumerate(tokens):
        if token.kind != "op" or token.text not in ("=", "!="):
            continue
        left, right = _solid(tokens, index, -1), _solid(tokens, index, 1)
        if left is None or right is None:
            continue
        pair = (tokens[left], tokens[right])
        ref = next((t for t in pair if t.kind == "ref" or t.text == "."), None)
        empty = any(t.kind == "string" and len(t.text) == 2 for t in pair)
        if ref is not None and empty and _alone(tokens, left, right):
            test = f"answered({ref.text[2:-1].strip() if ref.kind == 'ref' else '.'})"
            text = test if token.text == "!=" else f"(not {test})"
            result[left:right + 1] = [_Token("other-done", text)] + [
                _Token("space", "")] * (right - left)
    return [_Token("op", t.text) if t.kind == "other-done" else t for t in result]


def _alone(tokens: list[_Token], left: int, right: int) -> bool:
    """Whether no arithmetic or comparison reaches into ``tokens[left..right]`` from outside."""
    before, after = _solid(tokens, left, -1), _solid(tokens, right, 1)
    return all(i is None or tokens[i].text not in _BINDS_TIGHTER_THAN_NOT
               for i in (before, after))


# --- ours -> XLSForm ----------------------------------------------------------------


def to_xlsform(source: str, names: dict[str, str] | None = None) -> str:
    """Our expression (already valid) in XLSForm syntax, each question read as ``${name}``
    with the name ``names`` gives its key (``forms.xlsform_export_names``), else the key."""
    tokens = _column_reads(_tokens(_OURS_TOKEN, source))
    tokens = _wrap_not_operands(tokens)
    return "".join(_token_out(tokens, index, token, names or {})
                   for index, token in enumerate(tokens))


def _token_out(tokens: list[_Token], index: int, token: _Token, names: dict[str, str]) -> str:
    if token.kind == "column":
        return token.text
    if token.kind != "name" and token.text not in ("/", "=="):
        return token.text
    if token.text == "/":  # div needs space around it, where there is none yet
        before = "" if index and tokens[index - 1].kind == "space" else " "
        after = "" if index + 1 < len(tokens) and tokens[index + 1].kind == "space" else " "
        return f"{before}div{after}"
    if token.text == "==":
        return "="
    following = _solid(tokens, index, 1)
    is_call = following is not None and tokens[following].text == "("
    if token.text in _WORDS:  # XPath names may hold '-': "mod-1" would be one name
        spaced = index + 1 < len(tokens) and tokens[index + 1].kind == "space"
        return token.text if spaced else f"{token.text} "
    if is_call:
        return _FUNCTIONS_OUT.get(token.text, token.text)
    if token.text in ("true", "false"):
        return f"{token.text}()"
    return "${" + names.get(token.text, token.text) + "}"


def _column_reads(tokens: list[_Token]) -> list[_Token]:
    """``choice('state')`` -> ``state``: a bare name in a choice_filter is a choice's column."""
    result: list[_Token] = []
    index = 0
    while index < len(tokens):
        solid = [i for i in range(index, min(index + 8, len(tokens))) if tokens[i].kind != "space"]
        texts = [tokens[i] for i in solid[:4]]
        if (len(texts) == 4 and solid[0] == index and texts[0].text == "choice" and texts[1].text == "("
                and texts[2].kind == "string" and texts[3].text == ")"):
            result.append(_Token("column", texts[2].text[1:-1]))
            index = solid[3] + 1
            continue
        result.append(tokens[index])
        index += 1
    return result


def _wrap_not_operands(tokens: list[_Token]) -> list[_Token]:
    """``not x = 1`` -> ``not(x = 1)``: XPath's not() is a function, ours a prefix operator.

    The operand runs to the next ``and`` / ``or`` / ``,`` / unmatched ``)`` at its level.
    """
    result: list[_Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "name" and token.text == "not":
            end = _operand_end(tokens, index + 1)
            inner = _wrap_not_operands(tokens[index + 1:end])
            result += [_Token("op", "not"), *_parenthesised(inner)]
            index = end
            continue
        result.append(token)
        index += 1
    return _answered_calls(result)


def _parenthesised(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` as one parenthesised group: kept as is if it already is one."""
    solid = [index for index, token in enumerate(tokens) if token.kind != "space"]
    if solid and tokens[solid[0]].text == "(" and _closing(tokens, solid[0]) == solid[-1]:
        return tokens
    start = solid[0] if solid else len(tokens)
    return [_Token("op", "("), *tokens[start:], _Token("op", ")")]


def _closing(tokens: list[_Token], opening: int) -> int | None:
    """The index of the ``)`` that closes the ``(`` at ``opening`` (None if it is never closed)."""
    depth = 0
    for index in range(opening, len(tokens)):
        depth += {"(": 1, ")": -1}.get(tokens[index].text, 0)
        if depth == 0:
            return index
    return None


def _operand_end(tokens: list[_Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        text = tokens[index].text
        if text == "(":
            depth += 1
        elif text == ")":
            if depth == 0:
                return _trim_space(tokens, index)
            depth -= 1
        elif depth == 0 and (text in ("and", "or", ",")):
            return _trim_space(tokens, index)
    return _trim_space(tokens, len(tokens))


def _trim_space(tokens: list[_Token], end: int) -> int:
    while end > 0 and tokens[end - 1].kind == "space":
        end -= 1
    return end


def _answered_calls(tokens: list[_Token]) -> list[_Token]:
    """``answered(q)`` -> ``${q} != ''``, which is how XLSForm tests for an answer."""
    result: list[_Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        match = _answered_at(tokens, index)
        if match is None:
            result.append(token)
            index += 1
            continue
        name, end = match
        test = [_Token("op" if name == "." else "name", name), _Token("op", " != ''")]
        if not _alone(tokens, index, end):  # e.g. -answered(a): keep the test whole
            test = [_Token("op", "("), *test, _Token("op", ")")]
        result += test
        index = end + 1
    return result


def _answered_at(tokens: list[_Token], index: int) -> tuple[str, int] | None:
    """(argument, index of ')') when an ``answered(name)`` call starts at ``index``."""
    texts = [t for t in tokens[index:index + 8] if t.kind != "space"]
    if len(texts) < 4 or texts[0].text != "answered" or texts[1].text != "(":
        return None
    if texts[2].kind not in ("name", "op") or texts[3].text != ")":
        return None
    closing = index + tokens[index:].index(texts[3])
    return texts[2].text, closing
