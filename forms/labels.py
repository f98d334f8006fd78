"""Translated texts and choices, shared by the definition and the question types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


class Label(Mapping[str, str]):
    """A text in each language (language code -> text); immutable and hashable.

    Equal to any mapping with the same items, so ``label == {"vi": "..."}`` works.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, language: str) -> str:
        return self._texts[language]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __hash__(self) -> int:
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"Label({self._texts!r})"

    def text(self, language: str) -> str:
        """The text in ``language``, else in the first language it has."""
        if language in self._texts:
            return self._texts[language]
        return next(iter(self._texts.values()), "")


@dataclass(frozen=True)
class Choice:
    """One option of a choice list: the stored ``value`` and its label."""

    value: str
    label: Label
    columns: tuple[tuple[str, str], ...] = ()
    """Other columns of the choice, (name, text) in order: what a ``choice_filter`` reads."""

    def column(self, name: str) -> str | None:
        """The text of column ``name``; ``value`` (XLSForm's ``name``) is the choice's value."""
        if name in ("value", "name"):
            return self.value
        return dict(self.columns).get(name)
