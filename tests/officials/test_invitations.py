"""One single-use invitation per official, through survey.invitations; the answers given through
it carry the unit and the respondent group, never the official: no export column, page or table
puts a name next to them."""
import csv
import io

import openpyxl
from sqlalchemy import func, select

import forms
from survey.db import utcnow
from survey.invitations.models import Invitation
from survey.officials.models import Official
from survey.officials.operations import import_officials
from survey.responses.models import Response
from survey.tokens.operations import issue_token
from tests.officials.conftest import FORM, GOOD
from tests.public.conftest import Respondent

BASE = "https://khaosat.angiang.gov.vn"
CONTACTS = ("Nguyễn Văn An", "Đại biểu HĐND tỉnh", "an@angiang.gov.vn", "0296 3852 123", "Trần Thị Bình")


def invite(cli) -> list[dict]:
    result = cli("officials", "invite", "--campaign", "lanh-dao", "--base-url", BASE)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def registered(session, campaign) -> None:
    import_officials(session, campaign, GOOD.encode())
    session.commit()


def test_each_official_gets_one_link_of_their_own_unit(cli, leaders, session):
    registered(session, leaders)
    rows = invite(cli)
    assert sorted(row["name"] for row in rows) == sorted(session.scalars(select(Official.name)))
    tokens = {i.token: i for i in session.scalars(select(Invitation))}
    assert len(tokens) == 4 and all(i.dossier_code is None and i.response_id is None for i in tokens.values())
    for row in rows:
        token = row["link"].removeprefix(f"{BASE}/i/")
        assert tokens[token].unit.code == row["unit"]
    assert all(o.invited_at is not None for o in session.scalars(select(Official)))


def test_inviting_again_invites_only_those_added_since(cli, leaders, session):
    registered(session, leaders)
    invite(cli)
    again = cli("officials", "invite", "--campaign", "lanh-dao", "--base-url", BASE)
    assert again.exit_code == 1 and "has already been invited" in again.output
    added = "name,position,unit,group\nNgô Văn Hải,Phó giám đốc,AG-SNV,department_leader\n"
    import_officials(session, leaders, added.encode())
    session.commit()
    assert [row["name"] for row in invite(cli)] == ["Ngô Văn Hải"]
    assert session.scalar(select(func.count()).select_from(Invitation)) == 5


def test_a_past_expiry_is_refused_inviting_nobody(cli, leaders, session):
    registered(session, leaders)
    result = cli("officials", "invite", "--campaign", "lanh-dao", "--expires", "2001-01-01", "--base-url", BASE)
    assert result.exit_code == 1 and "The expiry day 2001-01-01 is already past." in result.output
    assert session.scalar(select(func.count()).select_from(Invitation)) == 0
    assert session.scalar(select(func.count()).where(Official.invited_at.is_not(None))) == 0


def test_a_past_expiry_names_the_day_typed_whatever_the_zone(app, cli, leaders, session, monkeypatch):
    registered(session, leaders)
    monkeypatch.setitem(app.config, "TIMEZONE", "UTC")  # the day ends at midnight UTC, on the next UTC date
    result = cli("officials", "invite", "--campaign", "lanh-dao", "--expires", "2001-01-01", "--base-url", BASE)
    assert result.exit_code == 1 and "The expiry day 2001-01-01 is already past." in result.output, result.output


def test_the_register_has_no_way_to_the_answers():
    referred = {key.column.table.name for key in Official.__table__.foreign_keys}
    assert referred == {"campaigns", "units", "campaign_units"}


def answer_all(app, link: str) -> Respondent:
    """Answers the leaders' questionnaire through `link`: every statement 'Agree'."""
    definition = forms.load_definition(FORM)
    respondent = Respondent(app.test_client())
    respondent.start(link.removeprefix(BASE))
    for section in definition.sections:
        respondent.answer({q.name: {"nhom": "department_leader", "don_vi": "AG-SNV"}.get(q.name, "4")
                           for q in section.questions})
    respondent.send()
    return respondent


def test_an_answer_keeps_unit_and_group_and_no_output_names_the_official(app, cli, leaders, session, tmp_path):
    registered(session, leaders)
    link = next(row["link"] for row in invite(cli) if row["name"] == "Trần Thị Bình")
    respondent = answer_all(app, link)
    assert respondent.url.endswith("/cam-on"), respondent.html[-2000:]
    response = session.scalar(select(Response))
    answers = {a.question_key: a.value for a in response.answers}
    assert response.unit.code == "AG-SNV" and answers["nhom"] == "department_leader"
    outputs = [respondent.html, api_responses(app, session)]
    for export_format in ("csv", "xlsx"):
        out = tmp_path / f"lanh-dao.{export_format}"
        assert cli("export", "lanh-dao", "--format", export_format, "--out", str(out)).exit_code == 0
        outputs.append(out.read_text("utf-8") if export_format == "csv" else workbook_text(out))
    assert all("department_leader" in output and "AG-SNV" in output for output in outputs[1:])
    assert not [contact for contact in CONTACTS for output in outputs if contact in output]


def api_responses(app, session) -> str:
    """What the API's response list says, as text."""
    _, secret = issue_token(session, "reader", ["responses:read"], None, None, utcnow())
    session.commit()
    reply = app.test_client().get("/api/v1/responses", headers={"Authorization": f"Bearer {secret}"})
    assert reply.status_code == 200
    return reply.get_data(as_text=True)


def workbook_text(path) -> str:
    """Every cell of every sheet of an XLSX file, one text."""
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row)


def test_the_list_shows_the_register_and_who_was_invited(cli, leaders, session):
    registered(session, leaders)
    before = list(csv.DictReader(io.StringIO(cli("officials", "list", "--campaign", "lanh-dao").output)))
    assert len(before) == 4 and {row["invited"] for row in before} == {"no"}
    invite(cli)
    after = list(csv.DictReader(io.StringIO(cli("officials", "list", "--campaign", "lanh-dao").output)))
    assert {row["invited"] for row in after} == {"yes"} and "link" not in after[0]
    assert ("Lê Văn Cường", "AG-SNV", "division_leader") in {(row["name"], row["unit"], row["group"]) for row in after}
