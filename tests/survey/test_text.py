"""survey.text: the request's language and each blueprint's catalogue, whatever the order the
blueprints are registered in; a unit's name in a language."""
from types import SimpleNamespace

import pytest
from flask import Blueprint, Flask, render_template_string

from survey.text import Catalogue, register_text, speaks, unit_name

SITE = Catalogue({"greeting": ("Chào", "Hello"), "site": ("Trang", "Site")})
STAFF = Catalogue({"greeting": ("Chào cán bộ", "Hello, staff")}, fallback=SITE)
PAGE = "{{ say('greeting') }}|{{ t('site') }}|{{ known('greeting') }}|{{ lang }}"


def app_with(text_first: bool) -> Flask:
    app = Flask(__name__)
    app.secret_key = "test"
    staff = Blueprint("staff", __name__, url_prefix="/staff")
    speaks(staff, STAFF)
    staff.add_url_rule("/", "page", lambda: render_template_string(PAGE))
    app.add_url_rule("/", "home", lambda: render_template_string(PAGE))
    if text_first:
        register_text(app, default=SITE)
    app.register_blueprint(staff)
    if not text_first:
        register_text(app, default=SITE)
    return app


@pytest.mark.parametrize("text_first", [True, False])
def test_each_blueprint_reads_its_catalogue_whatever_the_order(text_first):
    client = app_with(text_first).test_client()
    assert client.get("/staff/").text == "Chào cán bộ|Trang|True|vi"
    assert client.get("/?lang=en").text == "Hello|Site|True|en"
    assert client.get("/staff/").text == "Hello, staff|Site|True|en", "the session keeps the language"


def test_the_language_switch_keeps_the_page_and_a_missing_page_its_path():
    app = app_with(True)
    app.add_url_rule("/switch", "switch", lambda: render_template_string("{{ switch_url }}"))
    client = app.test_client()
    assert client.get("/switch").text == "/switch?lang=en"
    with app.test_request_context("/nowhere"):
        app.preprocess_request()
        assert render_template_string("{{ switch_url }}") == "/nowhere?lang=en"


def test_a_unit_is_named_in_english_only_where_it_has_an_english_name():
    named = SimpleNamespace(name="Xã An Phú", name_en="An Phu Commune")
    unnamed = SimpleNamespace(name="Xã Mỹ Đức", name_en=None)
    assert [unit_name(named, "en"), unit_name(named, "vi"), unit_name(unnamed, "en")] == \
        ["An Phu Commune", "Xã An Phú", "Xã Mỹ Đức"]
