"""Finding a campaign by its slug: a page's lookup answers 404; a command's or a form's names the slug."""
import pytest
from werkzeug.exceptions import NotFound

from survey.campaigns.queries import TARGETS_LOADED, campaign_by_slug, campaign_or_404
from survey.errors import InvalidInput


def test_a_page_finds_its_campaign_or_answers_404(session, make_campaign):
    made = make_campaign()
    assert campaign_or_404(made.slug, *TARGETS_LOADED) is made
    with pytest.raises(NotFound):
        campaign_or_404("khong-co")
    with pytest.raises(InvalidInput, match="khong-co"):
        campaign_by_slug(session, "khong-co")
