"""Reading YAML while remembering on which line each value sits.

The document is composed into PyYAML nodes (``SafeLoader`` only) so that every value's
path - e.g. ``('sections', 1, 'questions', 3, 'type')`` - can be mapped to its line; the
validation steps use that to tell the author where each problem is.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import DefinitionError, make_problem

Path = tuple[str | int, ...]
_BOOL_TAG = "tag:yaml.org,2002:bool"


MAX_ALIASES = 100
"""Aliases (``*name``) a document may use: a questionnaire needs few, if any."""
MAX_REPEATED = 10_000
"""Values the aliases may repeat in all. An alias stands for its anchor's whole value, aliases
inside it included, so a few hundred bytes can stand for billions of values ("billion laughs")."""


class _Loader(yaml.SafeLoader):
    """SafeLoader where only true/false are booleans (as in YAML 1.2), and aliases are counted.

    YAML 1.1 also reads yes/no/on/off as booleans, which would silently turn the
    choice value ``yes`` into True.
    """

    aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _aliases_refused(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse ``text``; return the data and the 1-based line of each path in it.

    Raises DefinitionError (``yaml_syntax``, or ``duplicate_key`` for a key written twice
    in one mapping, which YAML forbids but PyYAML would let pass, keeping the last).
    """
    try:
        node, data = _compose_and_construct(text)
    except yaml.YAMLError as error:
        raise DefinitionError([_syntax_problem(error)]) from None
    except RecursionError:
        raise DefinitionError([make_problem("yaml_syntax", "", 1, None,
                                            detail="nested too deeply")]) from None
    except ValueError as error:  # a constructor's: a day past the month's end, a huge number
        raise DefinitionError([make_problem("yaml_syntax", "", None, None, detail=error)]) from None
    rows: dict[Path, int] = {}
    duplicates: list[tuple[Path, str, int, int]] = []
    if node is not None:
        _record(node, (), rows, duplicates)
    if duplicates:
        raise DefinitionError([_duplicate_problem(*entry) for entry in duplicates])
    return data, rows


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)  # reads ahead, so it may already raise on bad characters
    try:
        node = loader.get_single_node()
        if node is not None and _repeated(node) > MAX_REPEATED:
            raise _aliases_refused(None)
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _aliases_refused(row: int | None) -> DefinitionError:
    return DefinitionError([make_problem("yaml_aliases", "", row, None, aliases=MAX_ALIASES,
                                         repeated=MAX_REPEATED)])


def _repeated(root: yaml.Node) -> int:
    """How many values the aliases under ``root`` repeat: its size with every alias written
    out, less its nodes. The composer makes an alias the very node of its anchor, so sizes
    are counted once per node; a node inside itself would be endless and is refused."""
    sizes: dict[int, int] = {}
    stack, open_nodes = [(root, False)], set()
    while stack:
        node, children_counted = stack.pop()
        if children_counted:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
        elif id(node) in open_nodes:
            raise _aliases_refused(node.start_mark.line + 1)
        elif id(node) not in sizes:
            open_nodes.add(id(node))
            stack += [(node, True), *((child, False) for child in _children(node))]
    return sizes[id(root)] - len(sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _syntax_problem(error: yaml.YAMLError) -> Any:
    mark = getattr(error, "problem_mark", None)
    row = mark.line + 1 if mark is not None else None
    detail = getattr(error, "problem", None) or " ".join(str(error).split())
    return make_problem("yaml_syntax", "", row, None, detail=detail)


def _duplicate_problem(path: Path, key: str, row: int, first_row: int) -> Any:
    return make_problem("duplicate_key", format_path((*path, key)), row, key, first_row=first_row)


def _record(node: yaml.Node, path: Path, rows: dict[Path, int],
            duplicates: list[tuple[Path, str, int, int]]) -> None:
    """Walk the node tree, noting each path's line (iteratively: input may nest deeply).

    A mapping entry's line is its key's, so that a problem with a nested value points
    at the line that names it.
    """
    stack, seen = [(node, path, node.start_mark.line + 1)], set()
    while stack:
        current, where, row = stack.pop()
        rows.setdefault(where, row)
        if id(current) in seen:  # an alias: already walked (and may refer to itself)
            continue
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, (*where, index), child.start_mark.line + 1)
                         for index, child in enumerate(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(_mapping_children(current, where, duplicates))


def _mapping_children(node: yaml.MappingNode, path: Path,
                      duplicates: list[tuple[Path, str, int, int]]
                      ) -> list[tuple[yaml.Node, Path, int]]:
    children: list[tuple[yaml.Node, Path, int]] = []
    first_rows: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # validation reports odd keys; they have no path of their own
        key, row = key_node.value, key_node.start_mark.line + 1
        if key in first_rows and key != "<<":
            duplicates.append((path, key, row, first_rows[key]))
        first_rows.setdefault(key, row)
        children.append((value_node, (*path, key), row))
    return children


def format_path(path: Path) -> str:
    """``('sections', 1, 'type')`` -> ``'sections[1].type'``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!r}]"
    return text


def row_of(rows: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, else of its nearest ancestor that has one."""
    for end in range(len(path), -1, -1):
        if path[:end] in rows:
            return rows[path[:end]]
    return None
