"""A published definition is read once per process, and the definitions kept are bounded, as the
questionnaire versions are (survey.kept)."""
from survey.kept import KeptValues
from survey.par_index import values
from survey.par_index.models import IndexDefinition
from tests.par_index.scoring_setup import published_sample


def test_a_definition_is_read_once_and_the_kept_ones_are_bounded(session, monkeypatch):
    monkeypatch.setattr(values, "_parsed", KeptValues(1))
    first = published_sample(session)
    second = IndexDefinition(document=first.document, content_hash="0" * 64)
    read = values.parsed(first)
    assert values.parsed(first) is read
    values.parsed(second)  # drops the least recently read: the first
    assert values.parsed(first) is not read and values.parsed(first) == read
