"""`flask sample draw`: the invitations of a draw as CSV (links on PUBLIC_BASE_URL), the seed that redoes
it, and every bad list refused naming its row with nothing written."""
import csv
import io

import pytest
from sqlalchemy import func, select

from survey.draws.models import DossierDraw
from survey.invitations.models import Invitation
from tests.draws.test_draws import dossier_list

BASE = "https://khaosat.angiang.gov.vn"


@pytest.fixture
def campaigns(app, make_unit, make_campaign, session, monkeypatch):
    """Two campaigns over the same two districts (quotas 100, N_h 1,000), committed for the command."""
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", BASE)
    units = [make_unit("AG-LX"), make_unit("AG-CD")]
    made = [make_campaign(slug, units=units) for slug in ("sipas-2026", "sipas-2027")]
    session.commit()
    return made


def draw(cli, tmp_path, text: str, *options: str, slug: str = "sipas-2026"):
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    return cli("sample", "draw", slug, "--dossiers", str(tmp_path / "list.csv"), "--out", str(tmp_path / "out.csv"),
               *options)


def written(tmp_path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))


def counts(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(DossierDraw)),
            session.scalar(select(func.count()).select_from(Invitation)))


def test_the_command_writes_the_invitations_and_the_seed_redoes_the_draw(cli, campaigns, session, tmp_path):
    text = dossier_list({"AG-LX": 30, "AG-CD": 20})
    result = draw(cli, tmp_path, text, "--size", "5", "--seed", "42")
    assert result.exit_code == 0, result.output
    rows = written(tmp_path)
    assert list(rows[0]) == ["dossier_code", "unit_code", "token", "link"] and len(rows) == 10
    assert all(row["link"] == f"{BASE}/i/{row['token']}" for row in rows)
    assert "seed 42, 10 dossiers drawn from 50 listed" in result.output
    again = draw(cli, tmp_path, text, "--size", "5", "--seed", "42", slug="sipas-2027")
    assert again.exit_code == 0 and [r["dossier_code"] for r in written(tmp_path)] == [r["dossier_code"] for r in rows]
    logged = session.scalars(select(DossierDraw).order_by(DossierDraw.id)).all()
    assert [d.seed for d in logged] == [42, 42] and logged[0].list_checksum == logged[1].list_checksum


def test_without_a_seed_one_is_drawn_and_recorded(cli, campaigns, session, tmp_path):
    result = draw(cli, tmp_path, dossier_list({"AG-LX": 3}), "--size", "2")
    [logged] = session.scalars(select(DossierDraw)).all()
    assert result.exit_code == 0 and f"draw {logged.id}: seed {logged.seed}," in result.output


def test_a_plan_file_sizes_each_unit(cli, campaigns, session, tmp_path):
    (tmp_path / "plan.csv").write_text("unit_code,n\nAG-LX,4\nAG-CD,0\n", encoding="utf-8")
    result = draw(cli, tmp_path, dossier_list({"AG-LX": 10, "AG-CD": 10}), "--plan", str(tmp_path / "plan.csv"))
    assert result.exit_code == 0 and {row["unit_code"] for row in written(tmp_path)} == {"AG-LX"}
    assert len(written(tmp_path)) == 4


HEADER = "dossier_code,unit_code,date,field\n"


@pytest.mark.parametrize(("text", "problem"), [
    (HEADER + "A-1,AG-LX,2026-10-01,\nA-2,AG-XX,2026-10-01,\n",
     "row 3, unit_code: unit 'AG-XX' is not surveyed by campaign 'sipas-2026'"),
    (HEADER + "A-1,AG-LX,2026-10-01,\nA-2,AG-LX,2026-10-02,\nA-1,AG-LX,2026-10-03,\n",
     "row 4, dossier_code: 'A-1' repeats row 2"),
    (HEADER + "A-1,AG-LX,2026-10-01,\nA-2,AG-LX,31/02/2026,\n",
     "row 3, date: '31/02/2026' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
    (HEADER + "A-1,AG-LX,2026-10-01,\nA\x00-2,AG-LX,2026-10-01,\n",
     "row 3, dossier_code: holds a control character (such as NUL)"),
    (HEADER + "A-1,AG-LX,2026-10-01,Đất\x1bđai\n", "row 2, field: holds a control character (such as NUL)"),
    (HEADER + "A-1,,2026-10-01,\n", "row 2, unit_code: a value is required"),
    (HEADER + "A-1,AG-LX,2026-10-01,,extra\n", "row 2: more cells than columns"),
    ("dossier_code,unit,date\nA-1,AG-LX,2026-10-01\n", "row 1: the dossier list lacks the column 'unit_code'"),
    (HEADER, "the dossier list has no dossier"),
    (HEADER + "A-1,AG-LX,2026-10-01,\nA-2,AG-LX,2026-10-01,\nA-3,AG-CD,2026-10-01,\n",
     "unit 'AG-LX': a sample of 3 is larger than the 2 dossiers listed and not yet invited"),
])
def test_a_bad_list_is_refused_naming_the_row_and_nothing_is_written(cli, campaigns, session, tmp_path, text,
                                                                     problem):
    result = draw(cli, tmp_path, text, "--size", "3") if "AG-CD" in text else draw(cli, tmp_path, text, "--size", "1")
    assert result.exit_code == 1 and problem in result.output
    assert counts(session) == (0, 0) and not (tmp_path / "out.csv").exists()


def test_a_unit_without_its_number_of_transactions_is_refused(cli, campaigns, session, tmp_path):
    next(t for t in campaigns[0].units if t.unit.code == "AG-CD").transactions = None
    session.commit()
    result = draw(cli, tmp_path, dossier_list({"AG-LX": 3, "AG-CD": 3}), "--size", "1")
    assert result.exit_code == 1 and counts(session) == (0, 0)
    assert "row 5, unit_code: unit 'AG-CD' has no number of transactions (N_h) in the campaign" in result.output


def test_size_and_plan_together_are_refused(cli, campaigns, session, tmp_path):
    (tmp_path / "plan.csv").write_text("unit_code,n\nAG-LX,1\n", encoding="utf-8")
    result = draw(cli, tmp_path, dossier_list({"AG-LX": 3}), "--size", "1", "--plan", str(tmp_path / "plan.csv"))
    assert result.exit_code == 2 and "give --size or --plan, not both" in result.output and counts(session) == (0, 0)


def test_a_list_that_is_not_utf8_is_refused(cli, campaigns, session, tmp_path):
    (tmp_path / "list.csv").write_bytes(HEADER.encode() + b"A-1,AG-LX,2026-10-01,\xd0\xe2t \xf0ai\n")
    result = cli("sample", "draw", "sipas-2026", "--dossiers", str(tmp_path / "list.csv"), "--out",
                 str(tmp_path / "out.csv"))
    assert result.exit_code == 1 and "is not UTF-8 text" in result.output and counts(session) == (0, 0)
