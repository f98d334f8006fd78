"""Static files: versioned URLs from url_for, cached for a year only under the current version."""
import re


def stylesheet_url(client) -> str:
    return re.search(r'href="(/static/site\.css\?v=[0-9a-f]{12})"', client.get("/").get_data(as_text=True)).group(1)


def test_pages_link_the_stylesheet_with_its_version(client):
    with client.get(stylesheet_url(client)) as response:
        cache = response.headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache


def test_an_unversioned_or_stale_url_is_revalidated(client):
    for url in ("/static/site.css", "/static/site.css?v=000000000000"):
        with client.get(url) as response:
            assert response.status_code == 200 and "max-age=31536000" not in response.headers.get("Cache-Control", "")


def test_a_new_file_content_gets_a_new_url(app, client, tmp_path, monkeypatch):
    before = stylesheet_url(client)
    (tmp_path / "site.css").write_text("body{}")
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    assert stylesheet_url(client) != before
