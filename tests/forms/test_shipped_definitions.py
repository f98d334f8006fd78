"""Checks on the questionnaire definitions shipped in forms/*.yaml.

Loading goes through ``forms.load_definition``; the structural checks read the YAML directly so
that they state what the files must contain independently of how the loader models it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

import forms

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"
SIPAS = FORMS_DIR / "sipas.yaml"
DESK = FORMS_DIR / "desk_rating.yaml"
OURS = [SIPAS, DESK]

# The five SIPAS elements of Quyết định 2640/QĐ-BNV, by question-name prefix, with the number of
# criteria our wording gives each (22 in all).
ELEMENTS = {"tc": 4, "tt": 5, "cc": 5, "kq": 4, "gy": 4}
CRITERION = re.compile(r"^(tc|tt|cc|kq|gy)_([0-9]+)$")

TRANSLATABLE = ("label", "title", "description", "hint", "constraint_message")


def _raw(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _questions(doc: dict) -> list[dict]:
    return [q for s in doc["sections"] for q in s["questions"]]


def _asked(doc: dict) -> list[dict]:
    """Questions that take an answer (notes only show text)."""
    return [q for q in _questions(doc) if q["type"] != "note"]


def _translatables(doc: dict):
    """Yield (where, value) for every translatable text in the definition."""
    form = doc["form"]
    for key in TRANSLATABLE:
        if key in form:
            yield f"form.{key}", form[key]
    for list_name, items in (doc.get("choices") or {}).items():
        for i, item in enumerate(items):
            yield f"choices.{list_name}[{i}].label", item["label"]
    for si, section in enumerate(doc["sections"]):
        for key in TRANSLATABLE:
            if key in section:
                yield f"sections[{si}].{key}", section[key]
        for qi, q in enumerate(section["questions"]):
            for key in TRANSLATABLE:
                if key in q:
                    yield f"sections[{si}].questions[{qi}].{key} ({q['name']})", q[key]


def _by_name(doc: dict) -> dict[str, dict]:
    return {q["name"]: q for q in _questions(doc)}


# --------------------------------------------------------------------------- every shipped file


def _shipped() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.yaml"))


def test_our_definitions_are_shipped():
    assert SIPAS in _shipped()
    assert DESK in _shipped()


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.name)
def test_shipped_definition_loads_without_problems(path):
    try:
        definition = forms.load_definition(path)
    except forms.DefinitionError as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"{path.name} does not load:\n{exc}")
    assert definition is not None


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_every_text_has_both_languages(path):
    doc = _raw(path)
    assert doc["form"]["languages"] == ["vi", "en"]
    problems = []
    for where, value in _translatables(doc):
        if not isinstance(value, dict):
            problems.append(f"{where}: not a vi/en mapping: {value!r}")
            continue
        if set(value) != {"vi", "en"}:
            problems.append(f"{where}: languages {sorted(value)}")
        for lang in ("vi", "en"):
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty {lang} text")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_vietnamese_text_is_nfc(path):
    doc = _raw(path)
    bad = [
        f"{where}: {value['vi']!r}"
        for where, value in _translatables(doc)
        if isinstance(value, dict)
        and isinstance(value.get("vi"), str)
        and not unicodedata.is_normalized("NFC", value["vi"])
    ]
    assert not bad, "not NFC-normalised:\n" + "\n".join(bad)
    # The file as a whole too (comments, choice values), so a decomposed character cannot hide.
    assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_question_labels_are_written_in_vietnamese_and_translated(path):
    """Every Vietnamese question label carries diacritics and differs from the English one."""
    problems = []
    for q in _questions(_raw(path)):
        vi, en = q["label"]["vi"], q["label"]["en"]
        if vi.isascii():
            problems.append(f"{q['name']}: Vietnamese label without diacritics: {vi!r}")
        if vi.strip() == en.strip():
            problems.append(f"{q['name']}: English label is a copy of the Vietnamese one")
        if not en.isascii() and any(ch in en for ch in "ăâđêôơưĂÂĐÊÔƠƯ"):
            problems.append(f"{q['name']}: English label contains Vietnamese letters: {en!r}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- SIPAS questionnaire


@pytest.fixture(scope="module")
def sipas() -> dict:
    return _raw(SIPAS)


def test_sipas_form_header(sipas):
    assert sipas["form"]["id"] == "sipas"
    assert sipas["form"]["languages"] == ["vi", "en"]


def test_sipas_has_22_criteria_in_five_elements(sipas):
    names = [q["name"] for q in _questions(sipas)]
    criteria = [m.groups() for n in names if (m := CRITERION.match(n))]
    assert len(criteria) == 22
    for prefix, expected in ELEMENTS.items():
        numbers = [int(num) for p, num in criteria if p == prefix]
        assert numbers == list(range(1, expected + 1)), f"{prefix}: criteria numbered {numbers}"


def test_sipas_criteria_are_factual_items(sipas):
    lists = sipas["choices"]
    for q in _questions(sipas):
        if not CRITERION.match(q["name"]):
            continue
        assert q["type"] in ("yes_no", "select_one"), q["name"]
        assert q.get("required") is True, f"{q['name']} should be required"
        if q["type"] == "select_one":
            assert q["choices"] in lists, q["name"]
            assert len(lists[q["choices"]]) >= 2, q["name"]


def test_sipas_each_element_is_one_section_closed_by_its_satisfaction_item(sipas):
    for prefix in ELEMENTS:
        holding = [s for s in sipas["sections"]
                   if any(CRITERION.match(q["name"]) and q["name"].startswith(prefix + "_") for q in s["questions"])]
        assert len(holding) == 1, f"criteria of {prefix} spread over {len(holding)} sections"
        questions = holding[0]["questions"]
        names = [q["name"] for q in questions]
        hl = f"hl_{prefix}"
        assert hl in names, f"section {holding[0]['name']} has no {hl}"
        item = questions[names.index(hl)]
        assert item["type"] == "satisfaction"
        assert item.get("required") is True
        last_criterion = max(i for i, n in enumerate(names) if n.startswith(prefix + "_") and CRITERION.match(n))
        assert names.index(hl) > last_criterion, f"{hl} must follow the criteria it sums up"


def test_sipas_overall_satisfaction_comes_after_the_elements(sipas):
    names = [q["name"] for q in _questions(sipas)]
    by_name = _by_name(sipas)
    assert by_name["hl_chung"]["type"] == "satisfaction"
    assert by_name["hl_chung"].get("required") is True
    assert all(names.index("hl_chung") > names.index(f"hl_{p}") for p in ELEMENTS)
    assert [q["name"] for q in _questions(sipas) if q["type"] == "satisfaction"] == [
        *(f"hl_{p}" for p in ELEMENTS),
        "hl_chung",
    ]


def test_sipas_screening_section_comes_first(sipas):
    first = sipas["sections"][0]
    names = {q["name"]: q for q in first["questions"]}
    assert not any(CRITERION.match(n) for n in names)
    submit = names["hinh_thuc_nop"]
    assert submit["type"] == "select_one" and submit.get("required") is True
    assert len(sipas["choices"][submit["choices"]]) == 3  # in person, by post, online
    assert names["da_nhan_ket_qua"]["type"] == "yes_no"
    assert names["linh_vuc"]["type"] == "select_one"
    # Everyone who has not received the result is screened out of every later section.
    for section in sipas["sections"][1:]:
        assert "da_nhan_ket_qua = 'yes'" in section.get("relevant", ""), section["name"]


def test_sipas_feedback_details_only_for_those_who_gave_feedback(sipas):
    by_name = _by_name(sipas)
    gave = by_name["gy_co_gop_y"]
    assert gave["type"] == "yes_no"
    for name in ("gy_2", "gy_3", "gy_4", "hl_gy"):
        assert by_name[name].get("relevant") == "gy_co_gop_y = 'yes'", name


def test_sipas_numbers_have_bounds(sipas):
    integers = [q for q in _questions(sipas) if q["type"] in ("integer", "decimal")]
    assert integers, "expected the 'how many times did you come back' item"
    for q in integers:
        assert q.get("constraint"), f"{q['name']} has no constraint"
        assert "constraint_message" in q
        assert q.get("relevant"), f"{q['name']} should only be asked when it applies"
    comeback = _by_name(sipas)["tt_so_lan_di_lai"]
    assert comeback["constraint"] == ". >= 0 and . <= 50"
    assert comeback["relevant"] == "tt_di_lai = 'yes'"


def test_sipas_expectations_with_other(sipas):
    by_name = _by_name(sipas)
    multi = [q for q in _questions(sipas) if q["type"] == "select_multiple"]
    assert len(multi) == 1
    q = multi[0]
    values = [c["value"] for c in sipas["choices"][q["choices"]]]
    assert "khac" in values
    followups = [
        f for f in by_name.values() if f["type"] == "text" and f.get("relevant") == f"selected({q['name']}, 'khac')"
    ]
    assert len(followups) == 1


def test_sipas_demographics(sipas):
    last = sipas["sections"][-1]
    by_name = {q["name"]: q for q in last["questions"]}
    lists = sipas["choices"]
    for name in ("gioi_tinh", "nhom_tuoi", "hoc_van", "dan_toc", "nghe_nghiep", "cap_co_quan"):
        assert by_name[name]["type"] == "select_one", name
        assert by_name[name].get("required") is True, name
    # adults only: every age group starts at 18 or later
    for choice in lists[by_name["nhom_tuoi"]["choices"]]:
        assert int(re.match(r"[0-9]+", choice["value"]).group()) >= 18, choice["value"]
    ethnic = [c["value"] for c in lists[by_name["dan_toc"]["choices"]]]
    assert {"kinh", "khmer", "hoa", "cham", "khac"} <= set(ethnic)
    # Two levels of local government since 1 July 2025: the province and the commune, no district.
    assert [c["value"] for c in lists[by_name["cap_co_quan"]["choices"]]] == ["tinh", "xa"]
    units = [q for q in last["questions"] if q["type"] == "unit"]
    assert [(q["name"], q["levels"]) for q in units] == [("xa_cu_tru", ["commune"])]
    assert "huyen_cu_tru" not in by_name


def test_sipas_choice_lists_are_all_used(sipas):
    used = {q["choices"] for q in _questions(sipas) if "choices" in q}
    assert used == set(sipas["choices"])


# The skip logic and checks, run through the loader's own answer checking.

WARD = "AG-PLX"  # Phường Long Xuyên in the reorganised demo units (illustrative)


@pytest.fixture(scope="module")
def sipas_def():
    return forms.load_definition(SIPAS)


def _full_sipas_answers() -> dict[str, str]:
    """A complete, valid response from someone who came to the desk and gave feedback."""
    return {
        "doi_tuong": "ca_nhan", "linh_vuc": "dat_dai", "hinh_thuc_nop": "truc_tiep",
        "da_nhan_ket_qua": "yes",
        "tc_1": "yes", "tc_2": "no", "tc_3": "yes", "tc_4": "co", "hl_tc": "4",
        "tt_1": "co", "tt_2": "co", "tt_3": "dung", "tt_4": "khong_phai_nop", "tt_5": "dung",
        "tt_di_lai": "yes", "tt_so_lan_di_lai": "2", "hl_tt": "3",
        "cc_1": "co", "cc_2": "co", "cc_3": "khong", "cc_4": "co", "cc_5": "co", "hl_cc": "5",
        "kq_1": "dung", "kq_2": "co", "kq_3": "co", "kq_4": "tre_hen", "kq_xin_loi": "khong",
        "hl_kq": "2",
        "gy_1": "co", "gy_co_gop_y": "yes", "gy_2": "yes", "gy_3": "co", "gy_4": "cham",
        "hl_gy": "9",
        "hl_chung": "4",
        "kv_cai_thien": "rut_ngan_thoi_gian thai_do khac", "kv_khac": "Trả kết quả qua Zalo",
        "gioi_tinh": "nu", "nhom_tuoi": "35-44", "hoc_van": "thpt", "dan_toc": "khmer",
        "nghe_nghiep": "nong_dan", "xa_cu_tru": WARD, "cap_co_quan": "xa",
    }


def _errors(definition, answers):
    return forms.check_answers(definition, answers, unit_codes={WARD})


def test_sipas_complete_response_is_accepted(sipas_def):
    assert _errors(sipas_def, _full_sipas_answers()) == {}


def test_sipas_required_items_are_enforced(sipas_def):
    answers = _full_sipas_answers()
    for name in ("hl_chung", "tt_3", "gy_co_gop_y", "cap_co_quan"):
        del answers[name]
    assert set(_errors(sipas_def, answers)) == {"hl_chung", "tt_3", "gy_co_gop_y", "cap_co_quan"}


def test_sipas_no_longer_takes_a_district_of_residence_or_a_district_agency(sipas_def):
    answers = _full_sipas_answers() | {"xa_cu_tru": "AG-LX", "cap_co_quan": "huyen"}
    assert set(_errors(sipas_def, answers)) == {"xa_cu_tru", "cap_co_quan"}


def test_sipas_screens_out_those_without_a_result(sipas_def):
    answers = {"doi_tuong": "to_chuc", "linh_vuc": "ho_tich", "hinh_thuc_nop": "truc_tuyen",
               "den_mot_cua": "no", "da_nhan_ket_qua": "no"}
    assert _errors(sipas_def, answers) == {}
    shown = forms.relevance(sipas_def, answers)
    assert [s.name for s in sipas_def.sections if shown[s.name]] == ["sang_loc"]
    assert shown["ket_thuc_sang_loc"]


def test_sipas_access_only_for_those_who_came_to_the_desk(sipas_def):
    relevance = forms.relevance
    online = {"hinh_thuc_nop": "truc_tuyen", "da_nhan_ket_qua": "yes"}
    assert not relevance(sipas_def, {**online, "den_mot_cua": "no"})["tiep_can"]
    assert relevance(sipas_def, {**online, "den_mot_cua": "yes"})["tiep_can"]
    assert relevance(sipas_def, {"hinh_thuc_nop": "truc_tiep", "da_nhan_ket_qua": "yes"})["tiep_can"]
    assert not relevance(sipas_def, {"hinh_thuc_nop": "truc_tiep"})["den_mot_cua"]


def test_sipas_feedback_items_skipped_without_feedback(sipas_def):
    answers = _full_sipas_answers()
    answers["gy_co_gop_y"] = "no"
    for name in ("gy_2", "gy_3", "gy_4", "hl_gy"):
        del answers[name]
    assert _errors(sipas_def, answers) == {}
    shown = forms.relevance(sipas_def, answers)
    assert not any(shown[n] for n in ("gy_2", "gy_3", "gy_4", "hl_gy"))
    # and required when feedback was given
    answers["gy_co_gop_y"] = "yes"
    assert set(_errors(sipas_def, answers)) == {"gy_2", "gy_3", "gy_4", "hl_gy"}


@pytest.mark.parametrize(("times", "ok"), [("0", True), ("50", True), ("51", False), ("-1", False)])
def test_sipas_comeback_count_is_bounded(sipas_def, times, ok):
    answers = {**_full_sipas_answers(), "tt_so_lan_di_lai": times}
    errors = _errors(sipas_def, answers)
    assert ("tt_so_lan_di_lai" not in errors) is ok
    if not ok:
        assert errors["tt_so_lan_di_lai"] == "Vui lòng nhập một số từ 0 đến 50."


def test_sipas_comeback_count_only_if_they_came_back(sipas_def):
    answers = {**_full_sipas_answers(), "tt_di_lai": "no"}
    del answers["tt_so_lan_di_lai"]
    assert _errors(sipas_def, answers) == {}


def test_sipas_expectations_limit_and_other(sipas_def):
    answers = _full_sipas_answers()
    answers["kv_cai_thien"] = "co_so_vat_chat giam_phi thai_do khac"
    assert set(_errors(sipas_def, answers)) == {"kv_cai_thien"}
    answers["kv_cai_thien"] = "giam_phi thai_do"
    del answers["kv_khac"]
    assert _errors(sipas_def, answers) == {}
    answers["kv_cai_thien"] = "khac"
    assert set(_errors(sipas_def, answers)) == {"kv_khac"}


# --------------------------------------------------------------------------- desk rating form


@pytest.fixture(scope="module")
def desk() -> dict:
    return _raw(DESK)


def test_desk_form_is_short(desk):
    assert desk["form"]["id"] == "desk-rating"
    assert 5 <= len(_asked(desk)) <= 8


def test_desk_form_loaded_question_count():
    definition = forms.load_definition(DESK)
    assert definition.id == "desk-rating"
    assert 5 <= sum(1 for q in definition.questions if q.kind.has_answer) <= 8


def test_desk_form_minimal_response():
    definition = forms.load_definition(DESK)
    answers = {"hl_chung": "5", "muc_dich": "nop_ho_so", "hl_thai_do": "4", "thoi_gian_cho": "duoi_15"}
    assert forms.check_answers(definition, answers) == {}
    assert not forms.relevance(definition, answers)["dung_hen"]
    answers["muc_dich"] = "nhan_ket_qua"
    assert set(forms.check_answers(definition, answers)) == {"dung_hen"}


def test_desk_form_items(desk):
    asked = _asked(desk)
    first = asked[0]
    assert first["type"] == "satisfaction" and first.get("required") is True
    types = [q["type"] for q in asked]
    assert "yes_no" in types  # result on time
    texts = [q for q in asked if q["type"] == "text"]
    assert texts and all(not q.get("required") for q in texts), "free text must stay optional"
    used = {q["choices"] for q in asked if "choices" in q}
    assert used == set(desk.get("choices") or {})


def test_desk_dossier_code_length_is_checked():
    desk = forms.load_definition(FORMS_DIR / "desk_rating.yaml")
    base = {"hl_chung": "4"}
    assert "ma_ho_so" in forms.check_answers(desk, {**base, "ma_ho_so": "H1"})
    assert "ma_ho_so" not in forms.check_answers(desk, {**base, "ma_ho_so": "H12.345-2026"})
