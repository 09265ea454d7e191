"""The content's .po files: export, a translator's edits, the checks and the import."""

from __future__ import annotations

import gc

import pytest
from babel.messages.pofile import escape
from flask_babel import force_locale
from sqlalchemy import select, update

from eurobrew.content_po.apply import apply_plan
from eurobrew.content_po.blocks import join, split
from eurobrew.content_po.plan import make_plan
from eurobrew.extensions import db
from eurobrew.models import Article, ArticleTranslation, Image, ImageText
from eurobrew.models.recording import EditConflict, commit_revision, ensure_baseline
from eurobrew.models.revisions import RevisionAction, revisions_of
from eurobrew.models.snapshots import article_snapshot
from support import SITE_URL, tool_missing
from support.builders import add_article
from support.po_files import edited, entry, msgfmt_check, revision_count, site_texts

BODY_SK = (
    "## Úroda\n\nJačmeň sa tento rok urodil dobre.\n\n"
    "- Viac na [stránke ministerstva](https://www.mpsr.sk/jacmen).\n"
    "- Volajte {{contact:phone}}.\n\n![](media:{image})\n\nSladovne sú spokojné."
)
BODY_EN = (
    "## Harvest\n\nBarley did well this year.\n\n"
    "- More on [the ministry's site](https://www.mpsr.sk/jacmen).\n"
    "- Call {{contact:phone}}.\n\n![](media:{image})\n\nMaltings are pleased."
)


class ArticleKind:
    """The article kind as its history names it."""

    name = "article"
    snapshot = staticmethod(article_snapshot)


@pytest.fixture
def site(demo_app):
    """The demo site with an image and an article that shows it, saved with revisions."""
    with demo_app.app_context():
        image = Image(stem="barley", width=1600, height=900)
        image.texts = [
            ImageText(lang="sk", alt="Klasy jačmeňa", caption="Jačmeň pred žatvou"),
            ImageText(lang="en", alt="Ears of barley", caption="Barley before the harvest"),
        ]
        db.session.add(image)
        db.session.flush()
        article = add_article(500, body=BODY_SK.format(image=image.id), commit=False)
        article.translation("en").body = BODY_EN.format(image=image.id)
        db.session.commit()
        ids = {"article": article.id, "image": image.id}
    return ids


def export(demo_app, lang: str, *options: str) -> bytes:
    """``flask translations export-content LANG`` to standard output."""
    result = demo_app.test_cli_runner().invoke(
        args=["translations", "export-content", lang, *options]
    )
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout_bytes


def import_file(demo_app, tmp_path, data: bytes, *options: str):
    """``flask translations import-content FILE``: its result."""
    path = tmp_path / "translated.po"
    path.write_bytes(data)
    return demo_app.test_cli_runner().invoke(
        args=["translations", "import-content", str(path), *options]
    )


def save_article(demo_app, article_id: int, lang: str, **fields) -> None:
    """Change an article's texts in ``lang`` and save it with its revision, as the editor does."""
    with demo_app.app_context():
        article = db.session.get(Article, article_id)
        ensure_baseline(ArticleKind, article)
        for name, value in fields.items():
            setattr(article.translation(lang), name, value)
        article.updated_by = "eva"
        commit_revision(ArticleKind, article, RevisionAction.SAVED, "eva")


def test_blocks_split_and_join_give_the_body_back():
    blocks = split(BODY_SK.format(image=3))
    assert [b.text for b in blocks if b.translatable] == [
        "Úroda",
        "Jačmeň sa tento rok urodil dobre.",
        "Viac na [stránke ministerstva](https://www.mpsr.sk/jacmen).",
        "Volajte {contact:phone}.",
        "Sladovne sú spokojné.",
    ]
    assert join(blocks) == BODY_SK.format(image=3)
    assert join(blocks, {1: "Harvest"}).startswith("## Harvest\n\nJačmeň")


def test_export_has_paths_sources_translations_and_addresses(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    title = entry(data, f"{article}/title")
    assert (title.id, title.string) == ("Clanok 500", "Article 500")
    assert title.auto_comments[0] == f"{SITE_URL}/en/news/article-500"
    block = entry(data, f"{article}/body/3")
    assert block.id == "Viac na [stránke ministerstva](https://www.mpsr.sk/jacmen)."
    assert block.string == "More on [the ministry's site](https://www.mpsr.sk/jacmen)."
    assert entry(data, f"image/{site['image']}/alt").string == "Ears of barley"
    assert entry(data, "contact/country").id == "Slovensko"
    assert entry(data, "page/about/title") is not None
    assert entry(data, f"{article}/body/5") is None  # the image alone: nothing to translate


def test_msgfmt_accepts_every_exported_file(demo_app, site, tmp_path):
    if msgfmt_check(b"", tmp_path).returncode is None:
        tool_missing("msgfmt")
    save_article(demo_app, site["article"], "sk", title="Clanok 500, 85% hotovy")
    for lang in ("sk", "en"):
        for options in ((), ("--only-missing",), ("--only-outdated",)):
            result = msgfmt_check(export(demo_app, lang, *options), tmp_path)
            assert result.returncode == 0, (lang, options, result.stderr)


def test_round_trip_changes_exactly_the_translated_items(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article, image = f"article/{site['article']}", f"image/{site['image']}"
    translated = edited(
        data,
        {
            f"{article}/title": "A good barley harvest",
            f"{article}/body/2": "Barley did very well this year.",
            f"{image}/caption": "Barley, a week before the harvest",
        },
    )
    with demo_app.app_context():
        before, revisions = site_texts(), revision_count()
    result = import_file(demo_app, tmp_path, translated, "--apply")
    assert result.exit_code == 0, result.output + result.stderr
    assert "2 items saved" in result.output
    with demo_app.app_context():
        after = site_texts()
        changed = {key for key in after if after[key] != before.get(key)}
        # Two items changed, each with its first "existing" revision and the new one.
        assert revision_count() == revisions + 4
    assert changed == {
        ("article_translations", site["article"], "en", "title"),
        ("article_translations", site["article"], "en", "body"),
        ("image", site["image"], "en", "caption"),
    }
    assert after["article_translations", site["article"], "en", "body"] == BODY_EN.format(
        image=site["image"]
    ).replace("Barley did well", "Barley did very well")


def poedit_style(data: bytes) -> bytes:
    """Lines wrapped as Poedit does (wider) and header fields in another order."""
    text = data.decode()
    header, rest = text.split("\n\n", 1)
    lines = header.split("\n")
    start = lines.index('msgstr ""') + 1
    fields = lines[start:]
    return ("\n".join(lines[:start] + fields[::-1]) + "\n\n" + rest).encode()


def test_a_poedit_style_file_imports_the_same(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    changes = {f"article/{site['article']}/body/2": "Barley did very well indeed this year."}
    plain = import_file(demo_app, tmp_path, edited(data, changes))
    rewrapped = import_file(demo_app, tmp_path, poedit_style(edited(data, changes, width=0)))
    assert plain.exit_code == rewrapped.exit_code == 0
    assert rewrapped.output == plain.output
    assert "1 items change in en" in plain.output


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"body/3": "More on [the site](https://example.com/barley)."}, "Keep the link addresses"),
        ({"body/3": "More on the ministry's site."}, "Keep the link addresses"),
        ({"body/4": "Call us."}, "Keep the contact codes"),
    ],
)
def test_a_lost_link_or_code_refuses_the_file(demo_app, site, tmp_path, changes, reason):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    changes = {f"{article}/{path}": text for path, text in changes.items()}
    changes[f"{article}/title"] = "Fine title"
    with demo_app.app_context():
        before = site_texts()
    result = import_file(demo_app, tmp_path, edited(data, changes), "--apply")
    assert result.exit_code != 0
    assert reason in result.stderr
    with demo_app.app_context():
        assert site_texts() == before


def test_a_missing_image_reference_is_refused(demo_app, tmp_path):
    with demo_app.app_context():
        add_article(501, langs=("sk",), body="Text.\n\nObrázok: ![](media:4) nižšie.")
    data = export(demo_app, "en", "--only-missing")
    path = next(m.context for m in _messages(data) if m.id == "Obrázok: ![](media:4) nižšie.")
    result = import_file(demo_app, tmp_path, edited(data, {path: "A picture below."}))
    assert result.exit_code != 0
    assert "Keep the library images as in the source: media:4." in result.stderr


def _messages(data: bytes):
    import io

    from babel.messages.pofile import read_po

    return list(read_po(io.BytesIO(data)))


def test_a_broken_file_and_an_unknown_path_are_refused(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    broken = data.replace(b'msgstr "Article 500"', b'msgstr "Article 500')
    result = import_file(demo_app, tmp_path, broken, "--apply")
    assert result.exit_code != 0 and "is not a quoted string" in result.stderr
    assert gc.isenabled()  # the import paused the collector for its bulk work only
    unknown = data.replace(b'msgctxt "page/about/title"', b'msgctxt "page/nowhere/title"')
    result = import_file(demo_app, tmp_path, unknown, "--apply")
    assert result.exit_code != 0
    assert "page/nowhere: No such item on the site" in result.stderr
    odd = data.replace(b'msgctxt "page/about/title"', b'msgctxt "page/about/subtitle"')
    result = import_file(demo_app, tmp_path, odd, "--apply")
    assert "page/about/subtitle: This site has no such text (unknown msgctxt)." in result.stderr


def test_a_text_given_twice_is_refused_by_msgfmt(demo_app, site, tmp_path):
    # Babel's reader keeps one of the two translations without a word; msgfmt, run beside
    # it, says where the second one is, and nothing is imported.
    if msgfmt_check(b"", tmp_path).returncode is None:
        tool_missing("msgfmt")
    path = f"article/{site['article']}/title"
    once = edited(export(demo_app, "en"), {path: "Article 500, first"})
    source = escape(entry(once, path).id)
    twice = once + f'\nmsgctxt "{path}"\nmsgid {source}\nmsgstr "Article 500, second"\n'.encode()
    with demo_app.app_context():
        before = site_texts()
    result = import_file(demo_app, tmp_path, twice, "--apply")
    assert result.exit_code != 0
    assert "duplicate message definition" in result.stderr
    with demo_app.app_context():
        assert site_texts() == before


def test_a_stale_entry_is_skipped_with_its_reason(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    save_article(demo_app, site["article"], "sk", title="Clanok 500 (opravený)")
    translated = edited(data, {f"{article}/title": "Article 500, new"})
    with demo_app.app_context():
        before = site_texts()
    result = import_file(demo_app, tmp_path, translated, "--apply")
    assert result.exit_code == 0
    assert f"{article}/title: The source text changed after the export" in result.output
    assert "0 items saved" in result.output
    with demo_app.app_context():
        assert site_texts() == before


def test_an_admin_edit_after_the_export_is_a_conflict(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    save_article(demo_app, site["article"], "en", title="Article 500 as the admin wrote it")
    result = import_file(demo_app, tmp_path, edited(data, {f"{article}/title": "Mine"}), "--apply")
    assert f"{article}/title: Changed in the admin after the export; not overwritten." in (
        result.output
    )
    with demo_app.app_context():
        title = db.session.get(Article, site["article"]).translation("en").title
    assert title == "Article 500 as the admin wrote it"


def test_an_import_counts_each_version_once_with_its_editor(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    with demo_app.app_context():
        version = db.session.get(Article, site["article"]).version
    translated = edited(data, {f"{article}/title": "A good barley harvest"})
    result = import_file(demo_app, tmp_path, translated, "--apply", "--user", "jana")
    assert result.exit_code == 0, result.output + result.stderr
    with demo_app.app_context():
        saved = db.session.get(Article, site["article"])
        newest = max(revisions_of("article", saved.id), key=lambda r: r.number)
        assert (saved.version, saved.updated_by) == (version + 1, "jana")
        assert (newest.version, newest.created_by) == (saved.version, "jana")


def test_an_item_changed_while_the_import_writes_is_a_conflict(demo_app, site, tmp_path):
    data = export(demo_app, "en")
    article = f"article/{site['article']}"
    translated = edited(data, {f"{article}/title": "A good barley harvest"})
    with demo_app.test_request_context("/"), force_locale("en"):
        plan = make_plan(translated)
        loaded = db.session.get(Article, site["article"])  # as the import reads it
        title = loaded.translation("en").title
        # Another save lands between the import's read and its write (the row changes,
        # the article the import holds does not).
        table = Article.__table__
        db.session.execute(
            update(table).where(table.c.id == loaded.id).values(version=table.c.version + 1)
        )
        with pytest.raises(EditConflict):
            apply_plan(plan, "jana")
        assert db.session.get(Article, site["article"]).translation("en").title == title


def test_outdated_translations_are_fuzzy_with_the_previous_source(demo_app, site, tmp_path):
    article = f"article/{site['article']}"
    save_article(demo_app, site["article"], "en", title="Article 500")  # the translation saved
    new_body = BODY_SK.format(image=site["image"]).replace("dobre", "výborne")
    save_article(demo_app, site["article"], "sk", title="Clanok 500 nový", body=new_body)
    data = export(demo_app, "en", "--only-outdated")
    text = data.decode()
    # As gettext writes it: the mark, the source the translation was made from, the entry.
    assert (
        f'#, fuzzy\n#| msgid "Clanok 500"\nmsgctxt "{article}/title"\n'
        'msgid "Clanok 500 nový"\nmsgstr "Article 500"\n'
    ) in text
    assert (
        f'#, fuzzy\n#| msgid "Jačmeň sa tento rok urodil dobre."\nmsgctxt "{article}/body/2"\n'
        'msgid "Jačmeň sa tento rok urodil výborne."\nmsgstr "Barley did well this year."\n'
    ) in text
    assert entry(data, f"{article}/body/1") is None  # unchanged blocks are not outdated


def test_the_memory_offers_a_translation_the_site_has(demo_app, site, tmp_path):
    with demo_app.app_context():
        new = add_article(502, langs=("sk",), body="Nové.\n\nSladovne sú spokojné.")
        new_id = new.id
    data = export(demo_app, "en", "--only-missing")
    suggested = entry(data, f"article/{new_id}/body/2")
    assert suggested.fuzzy and suggested.string == "Maltings are pleased."
    assert f"Suggested: the same text is translated in article/{site['article']}/body/6." in (
        " ".join(suggested.auto_comments)
    )
    assert entry(data, f"article/{new_id}/body/1").string == ""


def test_a_missing_translation_is_created_only_whole(demo_app, tmp_path):
    with demo_app.app_context():
        new_id = add_article(503, langs=("sk",), body="Prvý odsek.\n\nDruhý odsek.").id
    data = export(demo_app, "en", "--only-missing")
    article = f"article/{new_id}"
    part = {f"{article}/title": "Article 503", f"{article}/place": "Trnava"}
    result = import_file(demo_app, tmp_path, edited(data, part), "--apply")
    assert "A new translation is saved only with all of the item's texts." in result.output
    whole = {**part, f"{article}/body/1": "First paragraph.", f"{article}/body/2": "Second one."}
    result = import_file(demo_app, tmp_path, edited(data, whole), "--apply")
    assert "1 items saved" in result.output, result.output
    with demo_app.app_context():
        english = db.session.scalars(
            select(ArticleTranslation).where(
                ArticleTranslation.article_id == new_id, ArticleTranslation.lang == "en"
            )
        ).one()
        assert (english.slug, english.body) == ("article-503", "First paragraph.\n\nSecond one.")
