"""The administration is split by what it administers: each part names its URLs in its `routes`
module and keeps its templates in its own folder, under a name of its own."""
from pathlib import Path

from survey.admin import PARTS


def part_name(routes) -> str:
    return routes.__name__.split(".")[-2]


def test_every_admin_endpoint_is_named_by_one_part(app):
    named = [f"admin.{view.__name__}" for routes in PARTS for _, view, _ in routes.ROUTES]
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("admin.")}
    assert sorted(named) == sorted(endpoints)


def test_a_parts_templates_are_named_after_it():
    """One loader reads every part's folder: a template of one part never shadows another's."""
    for routes in PARTS:
        folder = Path(routes.__file__).parent / "templates"
        names = [path.relative_to(folder).as_posix() for path in folder.rglob("*.html")]
        assert names, part_name(routes)
        assert all(name.startswith(f"admin/{part_name(routes)}/") for name in names), names
