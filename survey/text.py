"""The ground floor of every text people read: the two languages, the request's language, the
catalogue of texts by key, and the names a language gives a unit or a questionnaire.

A plain catalogue rather than Flask-Babel: two languages, no plural forms, a few hundred short
texts per package; a dict needs no compile step, and tests check every key has both languages.
Each package keeps its own catalogue (`messages.py`) built on `Catalogue`; this module imports no
other package of the service, so that domain code never reaches up into a page package for it.

`register_text` gives every request its language and every template its texts: a blueprint
names its catalogue once (`speaks`), and templates read it as `say` (and `t`, the same).
"""
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as attribute
from typing import Protocol

from flask import Blueprint, Flask, current_app, g, request, session, url_for
from flask.blueprints import BlueprintSetupState
from markupsafe import Markup, escape

import forms

LANGUAGES = ("vi", "en")
CATALOGUES = "survey.text.catalogues"
"""The app's catalogues by blueprint name (`app.extensions`); None names the one of pages outside any."""
REGISTRY: dict[str, list["Catalogue"]] = {}
"""Every catalogue made, by each key it defines: a problem (`survey.errors.Problem`) names only its
key, and may cross packages (an operation's problem shown on another package's page). A problem's
key is defined once across catalogues (tests/survey/test_problems.py checks)."""


def language() -> str:
    """The reader's language: chosen with ?lang= (kept in the session), Vietnamese by default."""
    return g.get("language") or session.get("lang") or LANGUAGES[0]


class Catalogue:
    """Texts by key, one per language; keys it lacks are looked up in `fallback`."""

    def __init__(self, messages: dict[str, tuple[str, str]], fallback: "Catalogue | None" = None):
        self.messages, self.fallback = messages, fallback
        for key in messages:
            REGISTRY.setdefault(key, []).append(self)

    def say(self, key: str, /, **params: object) -> str:
        """The text of `key` in the current language, with `{name}` parameters filled in."""
        return self.in_language(language(), key, **params)

    def in_language(self, code: str, key: str, /, **params: object) -> str:
        if key not in self.messages and self.fallback is not None:
            return self.fallback.in_language(code, key, **params)
        text = self.messages[key][LANGUAGES.index(code)]
        return text.format(**params) if params else text

    def problem(self, key: str, /, field: str | None = None, **params: object) -> "Problem":
        """A problem about `field` (None: the whole request) whose key this catalogue defines and no
        other catalogue says otherwise (a problem is rendered by its key alone)."""
        if key not in self.messages or any(other.messages[key] != self.messages[key] for other in REGISTRY[key]):
            raise KeyError(f"{key} is not a key of this catalogue alone")
        return Problem(key, field, params)

    def known(self, key: str) -> bool:
        return key in self.messages or (self.fallback is not None and self.fallback.known(key))


def render(key: str, code: str, params: dict[str, object]) -> str:
    """The text of `key` in language `code` from the catalogue that defines it (KeyError: none does)."""
    return REGISTRY[key][0].in_language(code, key, **params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input; `params` and `field` fill the text's `{name}` places (a
    Problem among them is said in the same language, so a problem may wrap another with its row)."""

    key: str
    field: str | None = None
    params: Mapping[str, object] = attribute(default_factory=dict, hash=False)

    def text(self, code: str | None = None) -> str:
        """The problem in language `code` ("vi" or "en"), the reader's by default."""
        code = code or language()
        params = {name: value.text(code) if isinstance(value, Problem) else value
                  for name, value in {"field": self.field, **self.params}.items()}
        return render(self.key, code, params)

    def __str__(self) -> str:
        return self.text("en")

    def __html__(self) -> Markup:
        return escape(self.text())


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


def register_text(app: Flask, default: Catalogue) -> None:
    """Every request's language and every template's texts; `default` speaks for the blueprints
    that name no catalogue (the citizens' pages) and the pages outside any (an unknown path's 404)."""
    app.extensions.setdefault(CATALOGUES, {})[None] = default
    app.before_request(choose_language)
    app.context_processor(texts)


def speaks(blueprint: Blueprint, catalogue: Catalogue) -> None:
    """Declare the catalogue of the blueprint's templates (kept by each app it is registered on)."""
    def declare(state: BlueprintSetupState) -> None:
        state.app.extensions.setdefault(CATALOGUES, {})[blueprint.name] = catalogue
    blueprint.record_once(declare)


def choose_language() -> None:
    """`?lang=en` on any page switches the language and the session keeps it."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        session["lang"] = chosen
    g.language = session.get("lang") if session.get("lang") in LANGUAGES else LANGUAGES[0]


def texts() -> dict:
    """What every template reads: the page's catalogue, the language and the link switching it."""
    catalogues = current_app.extensions[CATALOGUES]
    catalogue = catalogues.get(request.blueprint) or catalogues[None]
    return {"say": catalogue.say, "t": catalogue.say, "known": catalogue.known, "lang": language(),
            "unit_name": unit_name, "switch_url": switch_url()}


def switch_url() -> str:
    """This page in the other language (a page no route matched: its own path)."""
    other = LANGUAGES[1 - LANGUAGES.index(language())]
    if request.endpoint is None:
        return f"{request.script_root}{request.path}?lang={other}"
    return url_for(request.endpoint, **{**(request.view_args or {}), "lang": other})
