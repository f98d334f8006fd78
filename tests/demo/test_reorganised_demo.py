"""The demo as a reorganised province: today's communes and wards under the province, the 2017
districts and their communes kept as history (deactivated by the reorganisation of 1 July 2025, with
successors), a closed 2024 campaign on the old units, and the report of the current campaign compared
with 2024 pooling the old communes into today's units and saying so."""
from datetime import date

import pytest
from sqlalchemy import func, select

from analysis.indices import estimate_indices
from analysis.recipes import load_recipe
from survey import clock
from survey.accounts.models import User
from survey.campaigns.queries import campaign_by_slug
from survey.demo.history import EARLIER_SLUG
from survey.demo.operations import CAMPAIGN_SLUG
from survey.reports.build import build_report
from survey.reports.gather import _pooled, gather
from survey.reports.periods import Period
from survey.reports.text import flag_texts
from survey.results.weighting import weigh
from survey.units.models import Reorganisation, Unit
from survey.units.successions import lineage
from tests.reports.test_formats import html_text

RECIPE = load_recipe("sipas-2017")
Y2024 = Period("yearly", 2024)
LONG_XUYEN_WARDS = ("AG-LX-DX", "AG-LX-MB", "AG-LX-ML", "AG-LX-MX")


@pytest.fixture
def demo(cli, session):
    """The demo loaded, with the default 1,500 simulated responses in each campaign."""
    assert cli("demo", "load").exit_code == 0
    assert cli("demo", "responses").exit_code == 0
    return campaign_by_slug(session, CAMPAIGN_SLUG), campaign_by_slug(session, EARLIER_SLUG)


def current_year(campaign) -> Period:
    return Period("yearly", campaign.closes_on.year)


def test_the_old_districts_are_inactive_with_todays_units_as_successors(cli, session):
    assert cli("demo", "load").exit_code == 0
    districts = session.scalars(select(Unit).where(Unit.level == "district")).all()
    assert len(districts) == 11 and not any(d.active for d in districts)
    successions = lineage(session, clock.today())
    assert successions.of("AG-LX") == ("AG-PLX", "AG-PBD", "AG-PMT")
    assert successions.of("AG-AP") == ("AG-XAP",)
    assert all(session.scalar(select(Unit.active).where(Unit.code == code)) for d in districts
               for code in successions.of(d.code))
    old_communes = [c for d in districts for c in d.children]
    assert len(old_communes) == 36 and not any(c.active for c in old_communes)
    assert all(len(successions.of(c.code)) == 1 for c in old_communes)
    dates = session.scalars(select(Reorganisation.effective_on).distinct()).all()
    assert dates == [date(2025, 7, 1)] and session.scalar(select(func.count()).select_from(Reorganisation)) == 26


def test_todays_units_sit_under_the_province_and_the_accounts_point_at_them(cli, session):
    assert cli("demo", "load").exit_code == 0
    current = campaign_by_slug(session, CAMPAIGN_SLUG)
    assert {t.unit.level for t in current.units} == {"department", "commune"}
    assert all(t.unit.active and t.unit.parent.code == "AG" for t in current.units)
    scoped = [unit for user in session.scalars(select(User)) for unit in user.units]
    # The surveyors' and supervisors' wards, and the agency officer's (Bình Đức, from the PAR scoring demo).
    assert {unit.code for unit in scoped} == {"AG-PLX", "AG-PCD", "AG-PBD"} and all(unit.active for unit in scoped)
    earlier = campaign_by_slug(session, EARLIER_SLUG)
    assert {t.unit.level for t in earlier.units} == {"department", "commune"}
    assert all(t.unit.parent.level == "district" for t in earlier.units if t.unit.level == "commune")


def test_the_comparison_with_2024_pools_the_old_communes_and_names_them(session, demo):
    current, earlier = demo
    report = build_report(session, current_year(current), None, RECIPE, earlier=Y2024)
    assert report.previous_period == Y2024 and report.previous.campaigns == (EARLIER_SLUG,)
    previous = report.previous.table.set_index(["domain", "node"])
    frame, transactions = _pooled(session, [earlier], RECIPE, ("submitted",))
    frame["pooled"] = frame["_code"].map(dict.fromkeys(LONG_XUYEN_WARDS, "AG-PLX"))
    expected = estimate_indices(weigh(frame, "design", transactions).design, RECIPE, by="pooled",
                                min_cell_size=earlier.min_cell_size).loc[("sipas", "AG-PLX")]
    assert previous.loc[("AG-PLX", "sipas"), "estimate"] == pytest.approx(expected["estimate"], abs=1e-9)
    assert previous.loc[("AG-PLX", "sipas"), "n"] == expected["n"] == frame["pooled"].notna().sum()
    assert not any(code.startswith("AG-LX") for code, _ in previous.index)
    assert ("flag_merged_from", {"unit": "AG-PLX", "units": ", ".join(LONG_XUYEN_WARDS)}) in report.flags
    ranked = report.ranking.set_index("unit")
    assert ranked.loc["AG-PLX", "change"] == pytest.approx(
        ranked.loc["AG-PLX", "estimate"] - previous.loc[("AG-PLX", "sipas"), "estimate"], abs=1e-9)
    texts = flag_texts(report, "vi") + flag_texts(report, "en")
    assert any("gộp từ AG-LX-DX, AG-LX-MB, AG-LX-ML, AG-LX-MX" in text for text in texts)
    assert any("merged from AG-LX-DX, AG-LX-MB" in text for text in texts)


@pytest.mark.parametrize("value, expected", [
    ("2024-q9", "Báo cáo năm không có quý"), ("24", "không phải năm (2024) hoặc quý (2024-q4)"),
    ("2099", "phải kết thúc trước kỳ báo cáo")])
def test_a_bad_period_to_compare_with_is_refused_and_nothing_written(cli, session, tmp_path, value, expected):
    assert cli("demo", "load").exit_code == 0
    out = tmp_path / "x.html"
    result = cli("report", "yearly", "--year", "2027", "--compare-with", value, "--format", "html", "--out", str(out))
    assert result.exit_code == 1 and expected in result.output and not out.exists()


def test_the_report_command_compares_with_2024_and_nothing_about_2024_changes(cli, session, demo, tmp_path):
    current, earlier = demo
    before, surveyed = gather(session, Y2024, RECIPE).table, sorted(t.unit.code for t in earlier.units)
    year, out = str(current.closes_on.year), tmp_path / "nam.html"
    result = cli("report", "yearly", "--year", year, "--compare-with", "2024", "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(html_text(out).split())
    assert "Năm 2024" in text and "gộp từ AG-CD-CPA, AG-CD-CPB, AG-CD-VM" in text
    plain = tmp_path / "truoc.html"
    assert cli("report", "yearly", "--year", year, "--format", "html", "--out", str(plain)).exit_code == 0
    assert f"Kỳ trước ({int(year) - 1}) không có đợt khảo sát phù hợp" in " ".join(html_text(plain).split())
    assert cli("demo", "load").exit_code == 0 and cli("demo", "responses").exit_code == 0
    session.expire_all()
    after = gather(session, Y2024, RECIPE).table
    assert after.equals(before) and {"AG-LX-MB", "AG-CD-VT"} <= set(after["domain"])
    assert sorted(t.unit.code for t in campaign_by_slug(session, EARLIER_SLUG).units) == surveyed
