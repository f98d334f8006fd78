"""Our definition as YAML text in our own format (FORMAT.md), e.g. to download a version."""

from __future__ import annotations

import yaml

from .definition import Definition


def dump_yaml(definition: Definition) -> str:
    """YAML that ``forms.load_definition`` reads back into an equal definition.

    PyYAML quotes texts such as ``yes`` or ``1`` that a YAML reader could take for
    something else, so choice values keep their type.
    """
    return yaml.safe_dump(definition.to_dict(), allow_unicode=True, sort_keys=False,
                          width=100, default_flow_style=False)
