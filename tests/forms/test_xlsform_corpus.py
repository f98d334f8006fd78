"""Real XLSForms (../shared/xlsform-corpus, see its SOURCES.md) read, validated and exported.

Each form's outcome is recorded in ``xlsform_corpus_expected.csv`` beside this test: whether
we accept it and how many warnings of each code it gives (``code:count`` joined by ``;``).
pyxform, pinned in requirements-dev.txt, is the oracle: a form it converts we must accept.
The forms are read where they are, never copied into the project; without the folder the
tests are skipped.
"""

from __future__ import annotations

import csv
import warnings
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import forms
from forms.xlsform_export_names import export_names

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "xlsform-corpus"
EXPECTED = Path(__file__).with_name("xlsform_corpus_expected.csv")
NOT_YET: dict[str, str] = {}
"""Forms pyxform converts that we still refuse, and why (strict: a fix makes the test fail)."""

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def _expected() -> dict[str, tuple[bool, Counter[str]]]:
    with EXPECTED.open(newline="", encoding="utf-8") as table:
        return {row["file"]: (row["accepted"] == "yes", _counts(row["warnings"]))
                for row in csv.DictReader(table)}


def _counts(text: str) -> Counter[str]:
    pairs = (item.split(":") for item in text.split(";") if item)
    return Counter({code: int(count) for code, count in pairs})


def _files() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.xls*")) if CORPUS.is_dir() else []


def test_the_table_lists_every_form_of_the_corpus():
    assert sorted(_expected()) == _files()


@pytest.mark.parametrize("name", _files())
def test_each_form_is_read_as_recorded_and_survives_export(name):
    accepted, counts = _expected()[name]
    imported = forms.read_definition(name, (CORPUS / name).read_bytes())
    assert (imported.ok, Counter(p.code for p in imported.skipped)) == (accepted, counts), imported.problems
    if imported.ok:
        again = forms.read_definition(name, forms.write_xlsform(imported.definition))
        assert again.problems == [] and again.definition.sections == _as_written(imported.definition)


def _as_written(definition):
    """The sections as exported: an XLSForm name written as its key (taken) is no longer kept."""
    names = export_names(definition)
    def kept(item):
        return replace(item, xlsform_name=item.xlsform_name if names[item.name] != item.name else None)
    return tuple(replace(kept(s), questions=tuple(kept(q) for q in s.questions))
                 for s in definition.sections)


def _pyxform_converts(path: Path) -> bool:
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pyxform's own notes on the form
            convert(xlsform=str(path), validate=False)
    except PyXFormError:
        return False
    return True


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(
    n in NOT_YET, reason=NOT_YET.get(n, ""), strict=True)) for n in _files()])
def test_every_form_pyxform_converts_we_accept(name):
    path = CORPUS / name
    if not _pyxform_converts(path):
        pytest.skip("pyxform refuses it too")
    assert forms.read_definition(name, path.read_bytes()).problems == []


@pytest.mark.parametrize("name", [n for n in _files() if _expected()[n][0]])
def test_pyxform_converts_the_export_of_every_form_we_accept(name, tmp_path):
    """Written back with its XLSForm names, ``${name}`` reading them, pyxform takes it."""
    imported = forms.read_definition(name, (CORPUS / name).read_bytes())
    exported = tmp_path / "export.xlsx"
    exported.write_bytes(forms.write_xlsform(imported.definition))
    assert _pyxform_converts(exported)
