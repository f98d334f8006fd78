"""A domain package stands without the pages built on it: none of its modules imports them, so the
command line, the API and other pages use the domain alone (issue 19)."""
import ast
from importlib import import_module
from pathlib import Path

import pytest

LAYERS = [("survey.accounts", "survey.accounts.pages"), ("survey.tokens", "survey.api")]
"""(domain package, the package of its pages)."""


def imports(path: Path) -> set[str]:
    """The modules a file imports, absolute names (the code base uses no relative import)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.update([node.module] + [f"{node.module}.{alias.name}" for alias in node.names])
    return found


@pytest.mark.parametrize(("domain", "pages"), LAYERS)
def test_the_domain_never_imports_its_pages(domain, pages):
    root, above = Path(import_module(domain).__file__).parent, Path(import_module(pages).__file__).parent
    modules = [path for path in root.rglob("*.py") if above not in path.parents]
    assert modules
    for path in modules:
        assert not [name for name in imports(path) if name == pages or name.startswith(pages + ".")], path
