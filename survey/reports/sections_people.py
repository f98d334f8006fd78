"""Who answered and what they said in their own words: the respondent profile (weighted shares of
each answer to the profile questions the questionnaire has), the expectations (share choosing
each item of a select_multiple question, with its 95 % interval: `analysis.expectations`, as the
analyst results compute them), the count of open comments (their texts are exported
apart: `comments`)."""
import pandas as pd

from analysis.expectations import choice_shares
from survey.reports.document import Section, Table
from survey.reports.fieldwork import Fieldwork
from survey.reports.numbers import decimal, interval, whole
from survey.reports.roles import COMMENTS, PROFILE, expectations, present
from survey.reports.words import say


def profile(work: Fieldwork, language: str) -> Section | None:
    questions = present(work.definition, PROFILE)
    if not questions:
        return None
    headers = [say("answer", language), say("n", language), say("profile_share", language)]
    tables = [Table(q.label[language].rstrip(":"), headers, _shares(work.answers, q, language)) for q in questions]
    return Section("profile", say("profile", language), tables)


def _shares(answers: pd.DataFrame, question, language: str) -> list[list[str]]:
    column = answers[question.name]
    counts = column.value_counts(sort=False)
    weights = answers.groupby(column, observed=False)["_weight"].sum()
    total = weights.sum()
    return [[choice.label[language], whole(counts.get(choice.value, 0), language),
             decimal(100 * weights.get(choice.value, 0) / total if total else None, 1, language)]
            for choice in question.choices]


def expectation_items(work: Fieldwork, language: str) -> Section | None:
    questions = expectations(work.definition)
    if not questions:
        return None
    headers = [say("answer", language), say("profile_share", language), say("ci", language), say("n", language)]
    tables = [Table(q.label[language], headers, _chosen(work, q, language), say("expectations_note", language))
              for q in questions]
    return Section("expectations", say("expectations", language), tables)


def _chosen(work: Fieldwork, question, language: str) -> list[list[str]]:
    """Each choice's share among those who answered, on the report's weighted design (a unit
    report's unit as a domain of it)."""
    if work.answers.empty:
        return []
    unit = _report_unit(work)
    shares = choice_shares(work.design, question, None if unit is None else "_code")
    if unit is not None:
        shares = shares[shares["_code"] == unit]
    shares = shares.set_index("answer")
    return [[choice.label[language], decimal(shares.loc[choice.value, "estimate"], 1, language),
             interval(shares.loc[choice.value, "ci_low"], shares.loc[choice.value, "ci_high"], language),
             whole(int(shares.loc[choice.value, "n"]), language)] for choice in question.choices]


def _report_unit(work: Fieldwork) -> str | None:
    """The unit whose answers a unit report keeps (fewer rows than its design), None for the province."""
    codes = work.answers["_code"].unique()
    return codes[0] if len(codes) == 1 and len(work.answers) < len(work.design.data) else None


def comment_rows(work: Fieldwork, language: str) -> list[tuple[str, str, str]]:
    """(unit code, question, text) of every non-blank comment, by unit."""
    rows = []
    for question in present(work.definition, COMMENTS):
        texts = work.answers[["_code", question.name]].dropna()
        texts = texts[texts[question.name].astype(str).str.strip() != ""]
        label = question.label[language].rstrip(":")
        rows += [(code, label, str(text)) for code, text in texts.itertuples(index=False)]
    return sorted(rows, key=lambda row: row[0])


def comments(work: Fieldwork, unit: str | None, language: str) -> Section:
    rows = [row for row in comment_rows(work, language) if unit is None or row[0] == unit]
    questions = ", ".join(q.label[language].rstrip(":") for q in present(work.definition, COMMENTS))
    text = say("comments_count", language, count=whole(len(rows), language), question=questions) if rows else \
        say("no_comments", language)
    return Section("comments", say("comments", language), [text])
