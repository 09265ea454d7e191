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
