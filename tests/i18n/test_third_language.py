"""Adding a language is adding it to i18n (name, locale, path words): the site then serves it.

A fresh interpreter adds Czech before the app is built, as a new entry in i18n/__init__.py
would, without a catalog (its interface falls back to the English source texts), and walks
the site in it.
"""

from __future__ import annotations

import json
import subprocess
import sys

from eurobrew.config import PROJECT_ROOT

SCRIPT = r"""
import json, sys
from pathlib import Path

import eurobrew.i18n as i18n

i18n.LANGUAGES = (*i18n.LANGUAGES, "cs")
i18n.LANGUAGE_NAMES["cs"] = "Česky"
i18n.OG_LOCALES["cs"] = "cs_CZ"
i18n.PATH_WORDS["cs"] = {
    "news": "zpravy", "contact": "napiste", "thanks": "napiste/dekujeme", "privacy": "soukromi",
    "search": "hledat",
}

from eurobrew import create_app
from eurobrew.admin.article_forms import ArticleForm
from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.models import Article, ArticleTranslation

app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "UPLOAD_FOLDER": sys.argv[2],
                  "SITE_URL": "http://www.eurobrew.test", "WTF_CSRF_ENABLED": False})
with app.app_context():
    db.create_all()
    load_demo(Path(sys.argv[2]))
    article = db.session.scalars(db.select(Article)).first()
    article.translations.append(ArticleTranslation(
        lang="cs", title="Český titulek", slug="cesky-titulek", place="Praha", body="Text."))
    db.session.commit()
with app.test_request_context("/admin/articles/new"):
    sections = list(ArticleForm().translations())
client = app.test_client()
pages = {}
for path in ["/cs/", "/cs/zpravy/", "/cs/zpravy/cesky-titulek", "/cs/napiste",
             "/cs/napiste/dekujeme", "/cs/soukromi", "/cs/zpravy/feed.xml", "/sitemap.xml",
             "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
             "/cs/o-nas", "/yy/", "/cs/hledat?q=titulky", "/cs/hledat?q=CESKY"]:
    response = client.get(path)
    pages[path] = [response.status_code, response.get_data(as_text=True)]
print(json.dumps({"sections": sections, "pages": pages}))
"""


def test_a_third_language_is_served_everywhere(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"sqlite:///{tmp_path}/x.sqlite3", str(tmp_path / "up")],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={"INSTANCE_PATH": str(tmp_path / "instance"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    pages = {path: (status, body) for path, (status, body) in result["pages"].items()}
    assert result["sections"] == ["sk", "en", "cs"]
    for path in ("/cs/", "/cs/zpravy/", "/cs/zpravy/cesky-titulek", "/cs/napiste", "/cs/soukromi"):
        status, body = pages[path]
        assert status == 200, path
        assert '<html lang="cs">' in body, path
        assert 'hreflang="cs"' in body or "Česky" in body, path  # the switch names it
    assert "Český titulek" in pages["/cs/zpravy/"][1]
    assert "<h1>Český titulek</h1>" in pages["/cs/zpravy/cesky-titulek"][1]
    assert (
        pages["/cs/zpravy/feed.xml"][0] == 200
        and "cesky-titulek" in pages["/cs/zpravy/feed.xml"][1]
    )
    # Search speaks Czech too: another word form, without diacritics, finds the title.
    for query in ("titulky", "CESKY"):
        status, body = pages[f"/cs/hledat?q={query}"]
        assert status == 200 and 'href="/cs/zpravy/cesky-titulek"' in body, query
    sitemap = pages["/sitemap.xml"][1]
    assert "http://www.eurobrew.test/cs/zpravy/cesky-titulek" in sitemap
    assert "http://www.eurobrew.test/cs/zpravy/" in sitemap
    # The Slovak article offers the new language in its switch: the translation exists.
    assert (
        'href="/cs/zpravy/cesky-titulek"'
        in pages["/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"][1]
    )
    # A page not translated into Czech is a 404 in Czech, an unknown language a 404 as before.
    assert pages["/cs/o-nas"][0] == 404 and pages["/yy/"][0] == 404
