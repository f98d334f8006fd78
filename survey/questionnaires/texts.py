"""Editing the texts of a questionnaire's draft in the browser, one page (section) at a time: the
page's title, its questions' labels and hints, and the labels of the choices they offer, in every
language of the form. Names, types, skip logic and choice values are left as they are (structure
changes by uploading a file), so the stable question keys never change. The draft starts as the
content last uploaded or published; publishing it makes a new immutable version."""
import copy
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import forms
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.errors import InvalidInput, Problem
from survey.questionnaires.messages import CATALOGUE
from survey.questionnaires.models import Questionnaire

MAX_TEXT = 2000
"""The longest text accepted (the longest SIPAS label is about 300 characters)."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class TextField:
    """One text in one language, and where it sits in the draft document."""

    name: str
    """The form field: e.g. `title.vi`, `label.a1.vi`, `hint.a1.en`, `choice.sex.0.vi`."""
    path: tuple[Any, ...]
    language: str
    kind: str
    """title, label, hint or choice."""
    group: str
    """What the text belongs to: the page, a question's name, or a choice list's name."""
    value: str


def draft_stamp(questionnaire: Questionnaire) -> str:
    """A fingerprint of the draft as it is now, so an edit made on an older draft is noticed."""
    text = json.dumps(questionnaire.draft, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_fields(document: Mapping[str, Any], section_name: str) -> list[TextField]:
    """The texts of a page, in its order; KeyError when the draft has no such page."""
    languages = document["form"]["languages"]
    index = next((i for i, s in enumerate(document["sections"]) if s["name"] == section_name), None)
    if index is None:
        raise KeyError(section_name)
    section = document["sections"][index]
    fields = label_fields(("sections", index, "title"), section["title"], "title", "", languages)
    for number, question in enumerate(section["questions"]):
        for kind in ("label", "hint"):
            fields += label_fields(("sections", index, "questions", number, kind), question.get(kind), kind,
                                   question["name"], languages)
    return fields + choice_fields(document, section, languages)


def choice_fields(document: Mapping[str, Any], section: Mapping[str, Any], languages: list[str]) -> list[TextField]:
    """The labels of the choice lists the page's questions use (a list shared with other pages too)."""
    names = dict.fromkeys(q["choices"] for q in section["questions"] if q.get("choices"))
    return [field for name in names for number, choice in enumerate(document["choices"][name])
            for field in label_fields(("choices", name, number, "label"), choice["label"], "choice", name,
                                      languages, str(number))]


def label_fields(path: tuple, label: Mapping[str, str] | None, kind: str, group: str, languages: list[str],
                 item: str = "") -> list[TextField]:
    parts = [kind, group, item]
    return [TextField(".".join(p for p in [*parts, language] if p), path, language, kind, group,
                      (label or {}).get(language, "")) for language in languages]


def cleaned(text: str) -> str:
    """A typed text as stored: composed Unicode (Vietnamese keyboards may send decomposed marks), no CR."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


def text_problems(fields: list[TextField], texts: Mapping[str, str]) -> list[Problem]:
    hinted = {f.group for f in fields if f.kind == "hint" and texts.get(f.name)}
    problems = []
    for field in fields:
        value = texts.get(field.name, "")
        if CONTROL.search(value):
            problems.append(CATALOGUE.problem("text_control", field=field.name))
        elif len(value) > MAX_TEXT:
            problems.append(CATALOGUE.problem("text_too_long", field=field.name, limit=MAX_TEXT))
        elif not value and (field.kind != "hint" or field.group in hinted):
            key = "hint_translation" if field.kind == "hint" else "text_required"
            problems.append(CATALOGUE.problem(key, field=field.name))
    return problems


def applied(document: Mapping[str, Any], fields: list[TextField], texts: Mapping[str, str]) -> dict[str, Any]:
    """A copy of the draft document with the texts put in place (a hint left empty is removed)."""
    edited = copy.deepcopy(dict(document))
    for field in fields:
        parent = edited
        for step in field.path[:-1]:
            parent = parent[step]
        label = parent.setdefault(field.path[-1], {})
        label[field.language] = texts[field.name]
        if not any(label.values()):
            del parent[field.path[-1]]
    return edited


def edit_texts(session: Session, questionnaire: Questionnaire, section: str, texts: Mapping[str, str],
               stamp: str, actor: User | None) -> list[str]:
    """Put the texts of a page into the draft, audited; the names of the fields changed (none: nothing
    written). InvalidInput, each problem with its `field`, when a text is refused or the draft changed
    since `stamp` was taken."""
    if stamp != draft_stamp(questionnaire):
        raise InvalidInput([CATALOGUE.problem("draft_changed", field="stamp")])
    fields = text_fields(questionnaire.draft, section)
    problems = text_problems(fields, texts)
    if problems:
        raise InvalidInput(problems)
    changed = [field.name for field in fields if field.value != texts[field.name]]
    if changed:
        store(session, questionnaire, applied(questionnaire.draft, fields, texts), actor, section, changed)
    return changed


def store(session: Session, questionnaire: Questionnaire, document: dict[str, Any], actor: User | None,
          section: str, changed: list[str]) -> None:
    try:
        definition = forms.definition_from_dict(document)
    except forms.DefinitionError as error:
        raise InvalidInput([CATALOGUE.problem("text_refused", field="stamp", detail=str(p))
                            for p in error.problems]) from None
    questionnaire.draft = definition.to_dict()
    session.flush()
    audit(session, actor, "questionnaire_texts_edited", subject=f"questionnaire {questionnaire.slug}",
          section=section, fields=changed, content_hash=definition.content_hash())
