"""The ground floor of every text people read: the two languages, the request's language, the
catalogue of texts by key, and the names a language gives a unit or a questionnaire.

A plain catalogue rather than Flask-Babel: two languages, no plural forms, a few hundred short
texts per package; a dict needs no compile step, and tests check every key has both languages.
Each package keeps its own catalogue (`messages.py`) built on `Catalogue`; this module imports no
other package of the service, so that domain code never reaches up into a page package for it.
"""
from typing import Protocol

import forms
from flask import g, session

LANGUAGES = ("vi", "en")


def language() -> str:
    """The reader's language: chosen with ?lang= (kept in the session), Vietnamese by default."""
    return g.get("language") or session.get("lang") or LANGUAGES[0]


class Catalogue:
    """Texts by key, one per language; keys it lacks are looked up in `fallback`."""

    def __init__(self, messages: dict[str, tuple[str, str]], fallback: "Catalogue | None" = None):
        self.messages, self.fallback = messages, fallback

    def say(self, key: str, /, **params: object) -> str:
        """The text of `key` in the current language, with `{name}` parameters filled in."""
        return self.in_language(language(), key, **params)

    def in_language(self, code: str, key: str, /, **params: object) -> str:
        if key not in self.messages and self.fallback is not None:
            return self.fallback.in_language(code, key, **params)
        text = self.messages[key][LANGUAGES.index(code)]
        return text.format(**params) if params else text

    def problem(self, key: str, /, **params: object) -> "Problem":
        """A problem to raise in InvalidInput: English where no one reads Vietnamese, translated on pages."""
        return Problem(self, key, **params)

    def known(self, key: str) -> bool:
        return key in self.messages or (self.fallback is not None and self.fallback.known(key))


class Problem(str):
    """A problem with refused input: the string is its English text (command line, API, logs);
    `text()` says it in the reader's language (pages, through `readable`)."""

    catalogue: Catalogue
    key: str
    params: dict[str, object]

    def __new__(cls, catalogue: Catalogue, key: str, /, **params: object) -> "Problem":
        problem = super().__new__(cls, catalogue.in_language("en", key, **params))
        problem.catalogue, problem.key, problem.params = catalogue, key, params
        return problem

    def text(self) -> str:
        return self.catalogue.say(self.key, **self.params)


def readable(problem: str) -> str:
    """A problem in the reader's language; plain strings stay as they are."""
    return problem.text() if isinstance(problem, Problem) else problem


class Named(Protocol):
    """A unit as far as its names go: the Vietnamese one, and the English one it may lack."""

    name: str
    name_en: str | None


def unit_name(unit: Named, code: str | None = None) -> str:
    """The unit's name in language `code` (the reader's by default): English only where it has one."""
    return unit.name_en if (code or language()) == "en" and unit.name_en else unit.name


def form_language(definition: forms.Definition) -> str:
    """The reader's language if the questionnaire has it, else the questionnaire's first."""
    return language() if language() in definition.languages else definition.languages[0]
