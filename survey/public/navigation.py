"""Which pages a respondent sees, in which order: one section per page, skipping those not relevant."""
import forms
from forms import Definition, Section

REVIEW = "xem-lai"
"""Where a draft stands once every page is answered; no section can take this name (it has a '-')."""


def visible_sections(definition: Definition, answers: dict[str, str | None]) -> list[Section]:
    """Sections shown given `answers`: relevant, with at least one question asked."""
    shown = forms.relevance(definition, answers)
    return [section for section in definition.sections
            if shown[section.name] and any(shown[q.name] for q in section.questions)]


def following(definition: Definition, answers: dict[str, str | None], current: str) -> str:
    """The next page after section `current`: a visible section further on, else the review."""
    names = [section.name for section in definition.sections]
    later = names[names.index(current) + 1:]
    return next((s.name for s in visible_sections(definition, answers) if s.name in later), REVIEW)


def preceding(definition: Definition, answers: dict[str, str | None], current: str) -> str | None:
    """The visible section before `current` (the review's is the last one); None on the first page."""
    names = [section.name for section in definition.sections]
    end = len(names) if current == REVIEW else names.index(current)
    earlier = [s.name for s in visible_sections(definition, answers) if names.index(s.name) < end]
    return earlier[-1] if earlier else None


def progress(definition: Definition, answers: dict[str, str | None], current: str) -> tuple[int, int]:
    """(page number, pages) of section `current`, for 'Trang 2/9'.

    Pages still ahead count while their skip logic waits on questions not answered yet (a
    page shown as 1/1 before the screening question is answered would mislead).
    """
    names = [section.name for section in definition.sections]
    here = names.index(current)
    where = {q.name: names.index(s.name) for s in definition.sections for q in s.questions}
    visible = {section.name for section in visible_sections(definition, answers)}
    asked = forms.relevance(definition, answers)

    def open_question(name: str) -> bool:
        """Not answered yet, but it may be: asked on this page, or on a page still to come."""
        return answers.get(name) is None and (where[name] > here or (where[name] == here and asked[name]))

    def undecided(section: Section) -> bool:
        references = section.relevant.references if section.relevant is not None else ()
        return any(open_question(name) for name in references)

    counted = [s.name for i, s in enumerate(definition.sections) if s.name in visible or (i > here and undecided(s))]
    return counted.index(current) + 1, len(counted)
