"""The import graph stays boring: page packages on top, each on its own, domain packages below them,
the ground floor at the bottom, and no cycle but type-only imports (issue 19). Read with `ast` from
the files, nothing imported. No exception is listed: a piece two page packages need moves down."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("survey.public", "survey.surveyor", "survey.supervisor", "survey.analyst", "survey.admin",
         "survey.printing", "survey.offline", "survey.accounts.pages", "survey.api", "survey.par_scoring")
"""Packages of pages. The API's modules are its pages too (what is shared with the domain lives
in survey.tokens and survey.accounts)."""
GUARDS = ("survey.accounts.access",)
"""The staff pages' guard (the request's user, redirects, 403s): pages build on it, the domain never does; the
rules it applies live in the domain (`survey.accounts.queries.visible_unit_ids`)."""
WIRING = ("survey", "survey.web")
"""The application factory and the registration of blueprints: they alone put the pages together."""
GROUND = ("survey.text", "survey.texts_shared", "survey.errors", "survey.extensions", "survey.db", "survey.clock",
          "survey.config")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in (ROOT / "survey").rglob("*.py")}


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def page_package(name: str) -> str | None:
    """The page package `name` belongs to (the innermost: survey.accounts.pages, not survey.accounts)."""
    return max((package for package in PAGES if within(name, (package,))), key=len, default=None)


def type_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def import_nodes(node: ast.AST):
    """Every import, at any depth, except under `if TYPE_CHECKING:`."""
    for child in ast.iter_child_nodes(node):
        if not type_only(child):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child
            yield from import_nodes(child)


def imported(name: str) -> set[str]:
    """The service's modules `name` imports (`from package import module` names the module)."""
    found = set()
    for node in import_nodes(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif node.level == 0 and node.module:
            found.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                         for alias in node.names)
    return {target for target in found if target in MODULES and target != name}


GRAPH = {name: imported(name) for name in MODULES}


def test_no_module_below_the_pages_imports_a_page_package():
    upward = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() for target in targets
                    if within(target, PAGES) and not within(name, PAGES) and name not in WIRING)
    assert upward == []


def test_no_module_below_the_pages_imports_their_guard():
    guarded = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() for target in targets
                     if within(target, GUARDS) and not within(name, PAGES + GUARDS))
    assert guarded == []


def test_no_page_package_imports_another():
    """What two page packages share (a form, a numbering, a text) lives in a domain package below both."""
    across = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() for target in targets
                    if page_package(name) and page_package(target) not in (None, page_package(name)))
    assert across == []


def test_the_ground_floor_imports_no_other_package_of_the_service():
    reaching = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() if within(name, GROUND)
                      for target in targets if not within(target, GROUND))
    assert reaching == []


def test_no_import_cycle():
    assert cycles() == []


def cycles() -> list[list[str]]:
    """Groups of modules that import each other, directly or not (Tarjan's strongly connected components)."""
    order, low, stack, found = {}, {}, [], []

    def visit(name: str) -> None:
        order[name] = low[name] = len(order)
        stack.append(name)
        for target in GRAPH[name]:
            if target not in order:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], order[target])
        if low[name] == order[name]:
            group = stack[stack.index(name):]
            del stack[stack.index(name):]
            found.extend([sorted(group)] if len(group) > 1 else [])

    for name in sorted(GRAPH):
        if name not in order:
            visit(name)
    return found
