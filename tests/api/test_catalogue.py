"""Campaigns, questionnaire versions and units as the API shows them."""


def test_campaigns_and_one_campaign(api, session, make_campaign):
    make_campaign(channels=("web", "paper"))
    session.commit()
    [listed] = api.get("/campaigns").get_json()["campaigns"]
    assert listed == api.get("/campaigns/test-campaign").get_json()
    assert listed["state"] == "open" and listed["channels"] == ["paper", "web"]
    assert listed["questionnaire"] == {"slug": "small", "version": 1}
    assert listed["units"] == [{"unit": "AG-LX", "name": "Unit AG-LX", "quota": 100, "transactions": 1000}]
    assert api.get("/campaigns/khong-co").status_code == 404


def test_a_questionnaire_version_with_questions_and_choices(api, session, make_version):
    make_version()
    session.commit()
    found = api.get("/questionnaires/small/versions/1").get_json()
    questions = {q["key"]: q for section in found["sections"] for q in section["questions"]}
    assert list(questions) == ["overall", "sex", "visits", "why"]
    assert [c["value"] for c in questions["sex"]["choices"]] == ["male", "female"]
    assert questions["why"]["relevant"] == "overall <= 2" and questions["overall"]["required"]
    assert questions["visits"]["constraint"] == ". >= 1 and . <= 50"
    assert api.get("/questionnaires/small/versions/2").status_code == 404
    assert api.get("/questionnaires/small/versions/99999999999").status_code == 404


def test_units(api, session, make_unit):
    make_unit("AG-LX-MB", "commune", parent=make_unit("AG-LX"))
    session.commit()
    codes = [(u["code"], u["parent"]) for u in api.get("/units").get_json()["units"]]
    assert codes == [("AG-LX-MB", "AG-LX"), ("AG-LX", "AG"), ("AG", None)]
    assert api.get("/units/AG-LX").get_json()["level"] == "district"
    assert api.get("/units/KHONG").status_code == 404


def test_a_unit_token_sees_the_units_below_its_own(api_with, session, make_unit):
    district = make_unit("AG-LX")
    make_unit("AG-LX-MB", "commune", parent=district)
    session.commit()
    scoped = api_with("campaigns:read", unit=district)
    assert sorted(u["code"] for u in scoped.get("/units").get_json()["units"]) == ["AG-LX", "AG-LX-MB"]
    assert scoped.get("/units/AG").status_code == 403
