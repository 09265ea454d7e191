"""Bad input is a 404 in the requested language, with the menu and footer; never a 500."""

import pytest


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/en/news/?page=0", "en", "Page not found"),
        ("/en/news/?page=abc", "en", "Page not found"),
        ("/en/news/?page=99999", "en", "Page not found"),
        ("/en/news/?page=-1", "en", "Page not found"),
        ("/en/news/?page=1.5", "en", "Page not found"),
        ("/en/news/?page=%C2%B2", "en", "Page not found"),
        ("/en/news/?page=99999999999999999999", "en", "Page not found"),
        ("/sk/novinky/?page=0", "sk", "Stránka sa nenašla"),
        ("/sk/novinky/?page=abc", "sk", "Stránka sa nenašla"),
        ("/sk/novinky/?page=99999", "sk", "Stránka sa nenašla"),
        ("/sk/novinky/neexistuje", "sk", "Stránka sa nenašla"),
        ("/en/news/does-not-exist", "en", "Page not found"),
        ("/sk/neexistuje", "sk", "Stránka sa nenašla"),
        ("/en/no-such-page", "en", "Page not found"),
        ("/en/%00", "en", "Page not found"),
        ("/sk/" + "a" * 3000, "sk", "Stránka sa nenašla"),
    ],
)
def test_not_found_in_the_requested_language(client, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "Hlboká 22" in html  # the footer
    menu_word = "Aktuality" if lang == "sk" else "News"
    assert f">{menu_word}</a>" in html  # the menu


@pytest.mark.parametrize(
    ("accept", "lang", "heading"),
    [("en", "en", "Page not found"), ("sk", "sk", "Stránka sa nenašla"), ("", "sk", "Stránka")],
)
def test_unknown_language_prefix_is_404_in_the_visitors_language(client, accept, lang, heading):
    response = client.get("/de/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert heading in html


def test_page_one_of_an_empty_list_exists(app):
    client = app.test_client()
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert "There is no news yet." in response.get_data(as_text=True)
    assert client.get("/en/news/?page=2").status_code == 404
