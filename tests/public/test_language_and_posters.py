"""Vietnamese by default, English on request; the message catalogue; QR posters; the SIPAS form."""
import re
from pathlib import Path

from sqlalchemy import select

import forms
from survey.public.messages import CATALOGUE, MESSAGES
from survey.questionnaires.web_form import MESSAGES as FORM_PAGE
from survey.responses.models import Response
from survey.text import LANGUAGES
from survey.texts_shared import MESSAGES as SHARED
from tests.public.conftest import Respondent, first_choices

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "survey"
SIPAS = (ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8")


def test_every_message_has_both_languages_and_every_key_used_exists():
    every = (*MESSAGES.values(), *FORM_PAGE.values(), *SHARED.values())
    assert all(len(texts) == len(LANGUAGES) and all(text.strip() for text in texts) for texts in every)
    used = set()
    for template in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z0-9_]+)'", template.read_text(encoding="utf-8")))
    for module in (TEMPLATES / "public").glob("*.py"):
        used |= set(re.findall(r'\bt\("([a-z0-9_]+)"', module.read_text(encoding="utf-8")))
    assert used and [key for key in sorted(used) if not CATALOGUE.known(key)] == []


def test_english_is_chosen_with_lang_and_kept_in_the_session(respondent, three_pages):
    respondent.get("/?lang=en")
    assert '<html lang="en">' in respondent.html and "Open surveys" in respondent.html
    respondent.start("/k/ba-trang/AG-LX")
    assert all(text in respondent.html for text in ("Screening", "Page 1 of 3", "Visited the desk?"))
    respondent.get("/k/ba-trang/AG-LX?lang=vi")
    assert "Sàng lọc" in respondent.html and "Trang 1/3" in respondent.html



def test_the_english_problem_summary_reads_without_a_plural_in_brackets(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX?lang=en")
    respondent.answer({})
    assert respondent.status == 422 and "Answers to correct below: 1" in respondent.html
    assert "(s)" not in respondent.html

def test_every_control_is_labelled_and_every_question_a_fieldset(respondent, sipas_campaign):
    respondent.start("/k/sipas-web/AG-PLX")
    respondent.answer({"doi_tuong": "ca_nhan", "linh_vuc": "dat_dai", "hinh_thuc_nop": "truc_tiep",
                       "da_nhan_ket_qua": "yes"})
    html = respondent.html
    inputs = re.findall(r"<input [^>]*>", html)
    visible = [tag for tag in inputs if 'type="hidden"' not in tag]
    for tag in visible:
        field_id = re.search(r'id="([^"]+)"', tag).group(1)
        assert f'<label class="opt" for="{field_id}">' in html or "aria-labelledby" in tag, tag
    assert html.count("<fieldset") == html.count("<legend") > 0
    assert "https://" not in html.replace('href="https://', "")  # nothing loaded from elsewhere


def test_qr_codes_and_the_a4_poster_point_at_the_open_link(client, three_pages):
    svg = client.get("/k/ba-trang/AG-LX/qr.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml" and b"<svg" in svg.data
    png = client.get("/k/ba-trang/AG-LX/qr.png")
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG")
    poster = client.get("/k/ba-trang/AG-LX/ap-phich").get_data(as_text=True)
    assert "Long Xuyên" in poster and "http://localhost/k/ba-trang/AG-LX" in poster
    assert 'src="/k/ba-trang/AG-LX/qr.svg"' in poster
    assert client.get("/k/ba-trang/KHONG/qr.png").status_code == 404


def test_the_qr_code_decodes_to_the_link():
    import segno

    code = segno.make("http://localhost/k/ba-trang/AG-LX", error="m", micro=False)
    assert code.error == "M" and code.designator  # the same call the poster endpoint makes


def test_the_whole_sipas_questionnaire_in_vietnamese(respondent, sipas_campaign, session):
    definition = forms.load_definition(SIPAS)
    respondent.start("/k/sipas-web/AG-PLX")
    assert "Trang 1/9" in respondent.html
    answered: dict = {}
    while "/trang/" in respondent.url:
        section = definition.section(respondent.url.rsplit("/", 1)[1])
        page = first_choices(definition, section, answered)
        respondent.answer(page)
        assert respondent.status == 200, re.findall(r'class="error"[^>]*>([^<]+)', respondent.html)
        answered |= page
    assert respondent.url.endswith("/xem-lai") and "Rất hài lòng" not in respondent.html
    respondent.send()
    response = session.scalar(select(Response))
    assert respondent.url.endswith("/cam-on") and response.language == "vi"
    assert {a.question_key for a in response.answers} >= {"hl_tc", "hl_gy", "hl_chung", "xa_cu_tru"}
    assert {a.value for a in response.answers if a.question_key == "xa_cu_tru"} == {"AG-PLX"}


def test_a_respondent_who_has_no_result_yet_sees_one_page(app, sipas_campaign):
    respondent = Respondent(app.test_client())
    respondent.start("/k/sipas-web/AG-PCD")
    respondent.answer({"doi_tuong": "ca_nhan", "linh_vuc": "ho_tich", "hinh_thuc_nop": "truc_tiep",
                       "da_nhan_ket_qua": "no"})
    assert "Khảo sát này chỉ dành cho người đã nhận kết quả" in respondent.html  # the note it reveals
    respondent.answer({"doi_tuong": "ca_nhan", "linh_vuc": "ho_tich", "hinh_thuc_nop": "truc_tiep",
                       "da_nhan_ket_qua": "no"})
    assert respondent.url.endswith("/xem-lai")
