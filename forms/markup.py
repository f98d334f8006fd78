"""The simple markup of labels and hints: ``**bold**`` and ``*italic*``, nothing else.

``to_html`` escapes the whole text first and only then turns the markers into ``<strong>`` and
``<em>``, so a label can never carry HTML of its own; ``to_plain`` drops the markers for paper
and data files, where emphasis has no form.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

BOLD = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
ITALIC = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")


def to_html(text: str) -> Markup:
    """``text`` escaped, its bold and italic spans as ``<strong>`` and ``<em>``."""
    escaped = str(escape(text))
    emphasised = ITALIC.sub(r"<em>\1</em>", BOLD.sub(r"<strong>\1</strong>", escaped))
    return Markup(emphasised)  # safe: escaped above, only the two tags added


def to_plain(text: str) -> str:
    """``text`` without its markers (a lone ``*``, as in '5 * 3', stays)."""
    return ITALIC.sub(r"\1", BOLD.sub(r"\1", text))
