"""pyxform's other spellings of question types, as the canonical XLSForm type.

Forms written for formhub, older ODK tools or by hand say ``select one from fruit``,
``select all that apply from fruit or specify``, ``add photo prompt``, ``gps`` or
``begin loop over fruit``; pyxform reads them all. ``canonical_type`` turns each into the
type the survey walk knows (``select_one fruit``, ``select_multiple fruit or_other``,
``image``, ``geopoint``, ``begin repeat``), so that what is supported is imported and the
rest is skipped by its usual name.
"""

from __future__ import annotations

_SELECT_PREFIXES = (
    ("add select one prompt using", "select_one"), ("add select multiple prompt using",
                                                   "select_multiple"),
    ("select all that apply from", "select_multiple"), ("select all that apply",
                                                        "select_multiple"),
    ("select one from file", "select_one_from_file"),
    ("select multiple from file", "select_multiple_from_file"),
    ("select one from", "select_one"), ("select one", "select_one"), ("select1", "select_one"),
)
"""Longest first: ``select one from`` must win over ``select one``."""
_WHOLE = {
    "gps": "geopoint", "location": "geopoint", "photo": "image", "add image prompt": "image",
    "add photo prompt": "image", "add audio prompt": "audio", "add video prompt": "video",
    "add file prompt": "file", "imei": "deviceid", "uri:deviceid": "deviceid",
    "begin lgroup": "begin repeat", "end lgroup": "end repeat",
    "begin looped group": "begin repeat", "end looped group": "end repeat",
    "end loop": "end repeat",
}


def canonical_type(kind: str) -> str:
    """``kind`` (spaces already collapsed) in the spelling the survey walk reads."""
    lowered = kind.lower()
    if lowered in _WHOLE:
        return _WHOLE[lowered]
    if lowered.startswith("begin loop over "):
        return "begin repeat"
    for prefix, ours in _SELECT_PREFIXES:
        if lowered.startswith(prefix + " "):
            rest = kind[len(prefix) + 1:].split()
            specify = " ".join(rest[1:]).lower() in ("or specify", "or specify other")
            return " ".join([ours, *rest[:1], *(["or_other"] if specify else rest[1:])])
    return kind
