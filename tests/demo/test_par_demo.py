"""The demo's PAR index (survey.demo.par_index): an officials' campaign with invented officials and
their simulated answers, the sample definition published for the year the campaigns close in, every
unit self-assessed and some appraised with changes; loaded once (a second load and a second
`demo responses` add nothing), and the year's results computed from it with survey points."""
import csv
import io

from sqlalchemy import func, select

from survey.campaigns.queries import campaign_by_slug
from survey.demo.par_index import MIN_CELL, SLUG
from survey.officials.models import Official
from survey.par_index.assessments import Assessment, AssessmentValue
from survey.par_index.models import IndexDefinition
from survey.par_index.results import year_results
from survey.par_index.scoring_queries import unit_inputs
from survey.responses.models import Response


def counts(session):
    return {model.__name__: session.scalar(select(func.count()).select_from(model))
            for model in (Official, Response, IndexDefinition, Assessment, AssessmentValue)}


def test_the_par_demo_loads_once_and_gives_the_years_results(cli, session, tmp_path):
    assert cli("demo", "load").exit_code == 0 and cli("demo", "responses").exit_code == 0
    first = counts(session)
    again = cli("demo", "load")
    assert again.exit_code == 0 and "0 invented officials registered now" in again.output
    assert cli("demo", "responses").exit_code == 0 and counts(session) == first
    campaign = campaign_by_slug(session, SLUG)
    assert "minh hoạ" in campaign.name and campaign.min_cell_size == MIN_CELL
    assert first["Official"] == 10 + 15 * 7 + 15 * 6
    answered = session.scalar(select(func.count()).select_from(Response).where(Response.campaign_id == campaign.id))
    assert 0.8 * first["Official"] < answered < first["Official"]
    year = campaign.closes_on.year
    results = year_results(session, year, unit_inputs)
    assert len(results.scores) == 30 and {s.level for s in results.scores} == {"department", "commune"}
    assert results.survey.used == {campaign.slug: "design", "an-giang-sipas-demo": "design"}
    statuses = session.scalars(select(Assessment.status)).all()
    assert (statuses.count("appraised"), statuses.count("submitted")) == (10, 20)
    assert sum(1 for s in results.scores if s.appraised < s.claimed) > 5  # some changes cost no points
    assert all(0 < s.total < 100 for s in results.scores) and any(s.survey > 0 for s in results.scores)
    out = tmp_path / "demo.csv"
    assert cli("par-index", "results", "--year", str(year), "--format", "csv", "--out", str(out)).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 30 * 9
