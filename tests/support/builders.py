"""Small builders for test content."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from eurobrew.extensions import db
from eurobrew.models import Article, ArticleStatus, ArticleTranslation
from eurobrew.models.base import utcnow


def add_article(
    number: int,
    *,
    langs: tuple[str, ...] = ("sk", "en"),
    published_on: date | None = None,
    status: str = ArticleStatus.PUBLISHED.value,
    publish_at: datetime | None = None,
    body: str | None = None,
    commit: bool = True,
) -> Article:
    """Add an article titled after ``number`` in each of ``langs``."""
    article = Article(
        published_on=published_on or date(2024, 1, 1) + timedelta(days=number),
        status=status,
        publish_at=publish_at or utcnow() - timedelta(minutes=1),
    )
    for lang in langs:
        word = "Clanok" if lang == "sk" else "Article"
        article.translations.append(
            ArticleTranslation(
                lang=lang,
                title=f"{word} {number}",
                slug=f"{word.lower()}-{number}",
                place="Trnava",
                body=body or f"Body of {word.lower()} {number}.",
            )
        )
    db.session.add(article)
    if commit:
        db.session.commit()
    return article


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (1600, 900), mode: str = "RGB") -> bytes:
    """An image file of ``fmt`` as an upload would carry it."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    color = (200, 120, 40, 128) if mode == "RGBA" else (200, 120, 40)
    Image.new(mode, size, color if mode in ("RGB", "RGBA") else 0).save(buffer, fmt)
    return buffer.getvalue()


def article_form(token: str | dict, **fields) -> dict:
    """A complete article form in both languages, as a browser would post it.

    ``token`` is the CSRF token, or every hidden field of the form (``hidden_fields_in``).
    """
    data = {
        "version": "0",  # what the new article form carries; an edit form's hidden fields say
        **(token if isinstance(token, dict) else {"csrf_token": token}),
        "sk-title": "Článok o pivovare",
        "sk-slug": "",
        "sk-place": "Trnava",
        "sk-body": "Prvý **odsek**.",
        "sk-note": "",
        "sk-photo_alt": "",
        "en-title": "An article about the brewery",
        "en-slug": "",
        "en-place": "Trnava",
        "en-body": "First **paragraph**.",
        "en-note": "",
        "en-photo_alt": "",
        "published_on": "2025-06-01",
        "status": "published",
        "publish_at": "",
        "photo_credit": "",
        "source_url": "",
        "save": "Save",
    }
    data.update(fields)
    return data


def add_many_articles(app, count: int) -> None:
    """Add ``count`` published articles in both languages, in one transaction."""
    with app.app_context():
        for number in range(1, count + 1):
            add_article(number, commit=False)
        db.session.commit()
