"""`flask units reorganise`: merges, splits and replacements of units from a date."""
from datetime import date

import pytest
from sqlalchemy import func, select

from survey.errors import InvalidInput
from survey.models import AuditEntry, Reorganisation, ReorganisationLink
from survey.units.models import Unit
from survey.units.reorganise import apply_reorganisation
from survey.units.successions import lineage

HEADER = "kind,old,new,effective_on,shares\n"
TODAY = date(2026, 11, 17)


@pytest.fixture
def communes(session, make_unit):
    province = make_unit("AG", "province")
    district = make_unit("AG-LX", "district", parent=province)
    for code in ("MB", "ML", "MX", "BD", "MT", "LX", "BD1", "BD2"):
        make_unit(code, "commune", parent=district if len(code) == 2 and code != "LX" else province)
    session.flush()
    return province


def counts(session):
    return [session.scalar(select(func.count()).select_from(model))
            for model in (Reorganisation, ReorganisationLink, AuditEntry)]


def test_a_merge_is_recorded_and_the_old_units_deactivated(session, communes):
    plan = apply_reorganisation(session, HEADER + "merge,MB ML;MX,LX,2025-07-01,\n", TODAY, None)
    record = session.scalar(select(Reorganisation))
    assert (record.kind, record.effective_on) == ("merge", date(2025, 7, 1))
    assert sorted((link.old_unit.code, link.new_unit.code) for link in record.links) == [
        ("MB", "LX"), ("ML", "LX"), ("MX", "LX")]
    assert plan.deactivated == {2: ["MB", "ML", "MX"]}
    assert not any(u.active for u in session.scalars(select(Unit).where(Unit.code.in_(["MB", "ML", "MX"]))))
    assert lineage(session, TODAY).predecessors(["MB", "ML", "BD"]) == {"LX": ("MB", "ML")}


def test_the_same_file_again_adds_nothing(session, communes):
    text = HEADER + "merge,MB ML,LX,2025-07-01,\nsplit,BD,BD1 BD2,01/07/2025,\"0,6 0,4\"\n"
    apply_reorganisation(session, text, TODAY, None)
    before = counts(session)
    plan = apply_reorganisation(session, text, TODAY, None)
    assert (len(plan.added), len(plan.unchanged)) == (0, 2)
    assert counts(session)[:2] == before[:2]
    shares = {link.new_unit.code: link.share for link in session.scalars(select(ReorganisationLink))}
    assert shares["BD1"] == pytest.approx(0.6) and shares["LX"] is None


def test_a_future_reorganisation_keeps_the_units_active_until_then(session, communes):
    plan = apply_reorganisation(session, HEADER + "replace,MT,BD1,2027-01-01,\n", TODAY, None)
    assert plan.deactivated == {} and session.scalar(select(Unit).where(Unit.code == "MT")).active
    assert lineage(session, date(2026, 12, 31)).of("MT") == ("MT",)
    assert lineage(session, date(2027, 3, 31)).of("MT") == ("BD1",)


def test_chains_and_a_unit_that_goes_on_are_followed(session, communes):
    apply_reorganisation(session, HEADER + "merge,MB ML,ML,2020-01-01,\nmerge,ML MX,LX,2025-07-01,\n", TODAY, None)
    found = lineage(session, TODAY)
    assert found.of("MB") == ("LX",) and found.of("ML") == ("LX",)
    assert found.predecessors(["MB", "ML", "MX"]) == {"LX": ("MB", "ML", "MX")}


def refused(session, text):
    before, active = counts(session), sorted(session.scalars(select(Unit.code).where(Unit.active)))
    with pytest.raises(InvalidInput) as caught:
        apply_reorganisation(session, HEADER + text, TODAY, None)
    assert counts(session) == before
    assert sorted(session.scalars(select(Unit.code).where(Unit.active))) == active
    return caught.value.problems


def test_bad_rows_are_refused_with_row_and_column(session, communes):
    problems = refused(session, "fuse,MB,LX,2025-07-01,\nmerge,MB,LX,2025-13-01,\nreplace,MB,,2025-07-01,\n"
                                "merge,MB ML,LX,2025-07-01,0.5\nsplit,BD,BD1 BD2,2025-07-01,0.7 0.6\n")
    assert [str(p) for p in problems] == [
        "row 2, kind: unknown kind 'fuse' (one of merge, split, replace)",
        "row 3, effective_on: '2025-13-01' is not a date (YYYY-MM-DD or DD/MM/YYYY)",
        "row 3: a merge takes two or more old units and one new unit",
        "row 4, new: a value is required",
        "row 5, shares: shares are given for a split only",
        "row 6, shares: '0.7 0.6' must be 2 fractions above 0, each and together at most 1",
    ]
    assert [p.key for p in problems][:2] == ["kind_unknown", "date_invalid"]


def test_unknown_codes_are_refused(session, communes):
    assert [str(p) for p in refused(session, "merge,MB ZZ,LX,2025-07-01,\n")] == [
        "row 2, old: unknown unit 'ZZ' (import the units first)"]


def test_a_unit_reorganised_twice_on_overlapping_dates_is_refused(session, communes):
    assert [str(p) for p in refused(session, "merge,MB ML,LX,2025-07-01,\nreplace,MB,MT,2026-01-01,\n")] == [
        "row 2, old: 'MB' ceases on 2026-01-01 (row 3): it cannot be reorganised again on or after that day",
        "row 3, old: 'MB' ceases on 2025-07-01 (row 2): it cannot be reorganised again on or after that day"]
    apply_reorganisation(session, HEADER + "merge,MB ML,LX,2025-07-01,\n", TODAY, None)
    assert [str(p) for p in refused(session, "replace,ML,MT,2024-01-01,\n")] == [
        "row 2, old: 'ML' ceases on 2025-07-01 by a stored reorganisation: it cannot be reorganised again on or "
        "after that day"]
    assert [str(p) for p in refused(session, "replace,LX,MT,2025-07-01,\n")] == [
        "row 2, old: 'LX' is formed on 2025-07-01 by a stored reorganisation: it cannot be reorganised on or "
        "before that day"]


def test_a_cycle_is_refused(session, communes):
    problems = [str(p) for p in refused(session, "replace,MB,MT,2025-07-01,\nreplace,MT,MB,2025-07-01,\n")]
    assert "row 2: a cycle: 'MB' would succeed itself" in problems
    assert "row 3: a cycle: 'MT' would succeed itself" in problems


def test_cli_dry_run_writes_nothing_then_applies(cli, session, communes, tmp_path):
    path = tmp_path / "moves.csv"
    path.write_text(HEADER + "merge,MB ML,LX,2025-07-01,\n", encoding="utf-8")
    dry = cli("units", "reorganise", str(path), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "row 2\tmerge\tMB ML -> LX\t2025-07-01\tdeactivates MB ML" in dry.output
    assert "would be recorded: 1" in dry.output and counts(session) == [0, 0, 0]
    done = cli("units", "reorganise", str(path))
    assert done.exit_code == 0 and "recorded: 1; already recorded: 0" in done.output
    assert counts(session) == [1, 2, 1]


def test_cli_lists_every_problem_and_exits_1(cli, session, communes, tmp_path):
    path = tmp_path / "moves.csv"
    path.write_text("kind,old,when\nmerge,MB,2025\n", encoding="utf-8")
    result = cli("units", "reorganise", str(path))
    assert result.exit_code == 1
    assert "row 1: missing column 'new'" in result.output and "row 1: unknown column 'when'" in result.output


def test_old_campaigns_keep_their_units(session, communes, make_campaign):
    old = session.scalars(select(Unit).where(Unit.code.in_(["MB", "ML"]))).all()
    campaign = make_campaign("sipas-2024", units=old)
    apply_reorganisation(session, HEADER + "merge,MB ML,LX,2025-07-01,\n", TODAY, None)
    session.expire_all()
    assert sorted(target.unit.code for target in campaign.units) == ["MB", "ML"]
