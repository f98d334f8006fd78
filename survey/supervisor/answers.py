"""Answers and quotas as the reader sees them: option labels in the reader's language, not codes."""
from collections.abc import Callable

from survey.campaigns.models import Campaign
from survey.questionnaires.queries import version_definition
from survey.text import language


def answer_text(question, value: str | None) -> str | None:
    """An answer as the reader sees it: the labels of the chosen options, else the stored text."""
    labels = {choice.value: choice.label.text(language()) for choice in question.choices}
    if value is None or not labels:
        return value
    chosen = value.split() if question.kind.several_values else [value]
    return ", ".join(labels.get(part, part) for part in chosen)


def stratum_words(campaign: Campaign) -> Callable[[str, str], str]:
    """A quota's question and value as the reader sees them: 'Giới tính: Nam', never 'sex = male'."""
    definition = version_definition(campaign.questionnaire_version)

    def describe(key: str, value: str) -> str:
        question = definition.question(key)
        return f"{question.label.text(language())}: {answer_text(question, value)}"
    return describe
