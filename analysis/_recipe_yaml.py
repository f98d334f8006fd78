"""Reading recipe files: plain data, the line of every value, and problems with their place.

The YAML is composed into nodes (PyYAML's safe composer, no object construction) and turned
into plain data here, so that each value's path, e.g. ``('elements', 0, 'item', 'question')``,
maps to its line and a key written twice in one mapping is reported instead of silently
keeping the last. Booleans are only ``true`` and ``false`` (as in YAML 1.2): YAML 1.1 would
read the answer value ``yes`` of a yes/no question as True.
"""

import re
from dataclasses import dataclass
from typing import Any, cast

import yaml

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_TRUE_FALSE = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True)
class RecipeProblem:
    """One problem in a recipe: its code, a message, the line and path it is at, the value."""

    code: str
    message: str
    row: int | None
    path: str
    value: Any = None

    def __str__(self) -> str:
        where = ", ".join(part for part in ("" if self.row is None else f"row {self.row}", self.path) if part)
        return f"{where}: {self.message} [{self.code}]" if where else f"{self.message} [{self.code}]"


class RecipeError(ValueError):
    """A recipe that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[RecipeProblem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


def format_path(path: Path) -> str:
    """``('elements', 0, 'item')`` -> ``'elements[0].item'``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!r}]"
    return text


def read_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """The document's data and the 1-based line of each path; RecipeError on bad YAML."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        detail = getattr(error, "problem", None) or " ".join(str(error).split())
        raise RecipeError([RecipeProblem("yaml_syntax", f"not valid YAML: {detail}",
                                         None if mark is None else mark.line + 1, "")]) from None
    rows: dict[Path, int] = {}
    problems: list[RecipeProblem] = []
    try:
        data = None if node is None else _plain(node, (), rows, problems)
    except RecursionError:
        raise RecipeError([RecipeProblem("yaml_syntax", "not valid YAML: nested too deeply", 1, "")]) from None
    if problems:
        raise RecipeError(problems)
    return data, rows


def _plain(node: yaml.Node, path: Path, rows: dict[Path, int], problems: list[RecipeProblem]) -> Any:
    """The node as dicts, lists, str, int, float, bool or None; notes lines and duplicate keys."""
    rows.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(child, (*path, k), rows, problems) for k, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, rows, problems)
    return _scalar(cast(yaml.ScalarNode, node))  # YAML composes only these three kinds of node


def _mapping(node: yaml.MappingNode, path: Path, rows: dict[Path, int],
             problems: list[RecipeProblem]) -> dict:
    data: dict = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
        if key in data:
            row = key_node.start_mark.line + 1
            problems.append(RecipeProblem("duplicate_key", f"key {key!r} appears twice in this mapping "
                                          f"(first on row {rows[(*path, key)]})", row, format_path((*path, key)), key))
            continue
        rows[(*path, key)] = key_node.start_mark.line + 1
        data[key] = _plain(value_node, (*path, key), rows, problems)
    return data


def _scalar(node: yaml.ScalarNode) -> Any:
    """Quoted scalars are text; plain ones are numbers, null, true/false, or text."""
    value, tag = node.value, node.tag
    if tag == _TAG + "bool":
        return _TRUE_FALSE.get(value, value)
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "int":
        return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
    if tag == _TAG + "float":
        return yaml.SafeLoader.construct_yaml_float(yaml.SafeLoader(""), node)
    return value
