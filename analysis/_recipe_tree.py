"""The tree format of a recipe: a list of `nodes`, each naming its `parent`, so that an index may
have any number of levels (SIPAS -> part -> aspect -> criterion for 1001/QĐ-BNV).

The one node without a parent is the index; a node without children is a criterion (it needs
`items`); every other node combines its children, or scores its own `item` (own_item). An unknown
parent, a second root and a cycle are problems naming the node's row.
"""
from typing import Any

from analysis._recipe_model import Expectation, Node
from analysis._recipe_parse import Parser, suggestion

_COMMON = {"parent", "combine", "points", "weight", "suppressed_child"}


def tree(p: Parser, raw: Any) -> Node | None:
    """The root node of the `nodes` list, its descendants built below it."""
    if not isinstance(raw, list) or not raw:
        p.problem("wrong_type", "expected a non-empty list of nodes", ("nodes",), raw)
        return None
    entries = {k: item for k, item in enumerate(raw)
               if p.mapping(item, ("nodes", k), {"id", "label"}, _COMMON | {"items", "item"}) is not None}
    ids = _ids(p, entries)
    parents = {k: entry.get("parent") for k, entry in entries.items()}
    roots = [k for k, parent in parents.items() if parent is None]
    _check_parents(p, parents, ids)
    _check_roots(p, roots)
    if len(roots) != 1 or _cycles(p, parents, ids):
        return None
    children = {k: [j for j in entries if parents[j] == ids.get(k)] for k in entries}
    return _build(p, entries, children, roots[0], None, 0)


def _ids(p: Parser, entries: dict[int, dict]) -> dict[int, str]:
    return {k: p.field(entry, "id", ("nodes", k), p.identifier) for k, entry in entries.items() if "id" in entry}


def _check_parents(p: Parser, parents: dict[int, Any], ids: dict[int, str]) -> None:
    known = set(ids.values())
    for k, parent in parents.items():
        if parent is not None and parent not in known:
            p.problem("unknown_parent", f"no node {parent!r}{suggestion(parent, known)} to be the parent",
                      ("nodes", k, "parent"), parent)


def _check_roots(p: Parser, roots: list[int]) -> None:
    if not roots:
        p.problem("no_root", "every node names a parent: the index is the one node without one", ("nodes",))
    for k in roots[1:]:
        p.problem("several_roots", "a second node without a parent: the index is the one node without one",
                  ("nodes", k))


def _cycles(p: Parser, parents: dict[int, Any], ids: dict[int, str]) -> bool:
    """Report each node whose chain of parents comes back to itself; True if there is one."""
    # Any keys: the parents are looked up as written, whatever YAML gave (None for a root).
    position: dict[Any, int] = {node_id: k for k, node_id in ids.items()}
    found = False
    for k in parents:
        seen: set[int] = set()
        current: int | None = k
        while current is not None and current not in seen:
            seen.add(current)
            current = position.get(parents.get(current))
        if current == k:
            p.problem("cycle", f"node {ids.get(k)!r} is its own ancestor (the parents make a cycle)",
                      ("nodes", k, "parent"), parents[k])
            found = True
    return found


def _build(p: Parser, entries: dict[int, dict], children: dict[int, list[int]], k: int,
           parent_combine: str | None, depth: int) -> Node | None:
    raw, path = entries[k], ("nodes", k)
    below = tuple(node for node in (_build(p, entries, children, j, raw.get("combine", "mean"), depth + 1)
                                    for j in children[k]) if node is not None)
    level = "overall" if depth == 0 else "element" if children[k] else "criterion"
    _check_leaf_fields(p, raw, path, bool(children[k]))
    return p.node(raw, path, level, raw.get("id"), below, parent_combine, depth)


def _check_leaf_fields(p: Parser, raw: dict, path: tuple, has_children: bool) -> None:
    """`items` belong to a criterion (a leaf), and it needs them; `item` to a node with children."""
    if not has_children and "items" not in raw:
        p.problem("missing_field", "a criterion (a node without children) needs its 'items'", path)
    for key, wrong in (("items", has_children), ("item", not has_children)):
        if key in raw and wrong:
            where = "a node with children (use item with combine: own_item)" if key == "items" else \
                "a criterion, a node without children (use items)"
            p.problem("unknown_field", f"{key!r} does not belong to {where}", (*path, key), key)


def expectations(p: Parser, raw: Any) -> tuple[Expectation, ...]:
    """The `expectations` list: {id, question, label} each."""
    if not isinstance(raw, list):
        p.problem("wrong_type", "expected a list of expectations", ("expectations",), raw)
        return ()
    found = []
    for k, item in enumerate(raw):
        path = ("expectations", k)
        entry = p.mapping(item, path, {"id", "question", "label"}, set())
        if entry is not None and {"id", "question", "label"} <= entry.keys():
            found.append(Expectation(p.identifier(entry["id"], (*path, "id")), p.text(entry["question"],
                         (*path, "question")) or "", p.label(entry["label"], (*path, "label")), path))
    return tuple(found)
