"""Generated articles in both languages, inserted in bulk (100 000 take seconds, not hours)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import func, insert, select, text

from ..extensions import db
from ..models import Article, ArticleStatus, ArticleTranslation, bump_content_version
from ..models.base import utcnow
from ..models.rendered_bodies import rendered_body
from ..models.search_upkeep import settle_index
from ..search.index import article_rows, store

CHUNK = 5000
PLACES = [
    ("Bratislava", "Bratislava"),
    ("Viedeň", "Vienna"),
    ("Tokio", "Tokyo"),
    ("Brusel", "Brussels"),
    ("Praha", "Prague"),
    ("Trnava", "Trnava"),
]
TOPICS = [
    ("Obchodná bilancia", "Trade balance"),
    ("Priemyselná výroba", "Industrial output"),
    ("Polovodiče", "Semiconductors"),
    ("Výmenný kurz", "Exchange rates"),
    ("Investície", "Investment"),
    ("Energetika", "Energy"),
]
BODY_SK = (
    "{topic}: ukážkový článok číslo {n} na skúšku zoznamu noviniek.\n\n"
    "Text slúži len na otestovanie stránkovania a výkonu webu."
)
BODY_EN = (
    "{topic}: demo article number {n}, written to exercise the news list.\n\n"
    "The text only serves to test the site's pagination and speed."
)


def generate_articles(count: int, start: date | None = None) -> int:
    """Insert ``count`` published articles with Slovak and English translations.

    Dates run backwards from ``start`` (default: yesterday), several a day. Returns the
    number of articles inserted. Each chunk is inserted with one executemany per table.
    """
    start = start or date.today() - timedelta(days=1)
    offset = db.session.scalar(select(func.count()).select_from(Article)) or 0
    now = utcnow()
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        numbers = range(offset + done + 1, offset + done + size + 1)
        rows = [_article(start - timedelta(days=(n - offset - 1) // 3), now) for n in numbers]
        ids = db.session.scalars(
            insert(Article).returning(Article.id, sort_by_parameter_order=True), rows
        ).all()
        translations = [
            row
            for n, article_id in zip(numbers, ids, strict=True)
            for row in _texts(n, article_id, now)
        ]
        db.session.execute(insert(ArticleTranslation), translations)
        store(db.session, *article_rows(translations))  # the session's own hook sees no rows
        # Bulk inserts bypass the ORM's change tracking, so count the change here.
        bump_content_version(db.session)
        db.session.commit()
        done += size
    # Fresh statistics, so the planner walks the newest-first index instead of sorting; a
    # new content version with them, so that workers read them again (search/language_indexes).
    db.session.execute(text("ANALYZE"))
    settle_index(db.session)
    bump_content_version(db.session)
    db.session.commit()
    return done


def _article(published_on: date, now) -> dict:
    return {
        "published_on": published_on,
        "status": ArticleStatus.PUBLISHED.value,
        "publish_at": now,
        "source_url": "",
        "created_at": now,
        "updated_at": now,
    }


def _texts(n: int, article_id: int, now) -> list[dict]:
    """Article number ``n`` in Slovak and English."""
    (place_sk, place_en), (topic_sk, topic_en) = PLACES[n % 6], TOPICS[n % 6]
    return [
        _translation(
            article_id,
            "sk",
            f"{topic_sk}: správa č. {n}",
            f"sprava-{n}-{article_id}",
            place_sk,
            BODY_SK.format(topic=topic_sk, n=n),
            now,
        )
        | _rendered(BODY_SK, topic_sk, n),
        _translation(
            article_id,
            "en",
            f"{topic_en}: report no. {n}",
            f"report-{n}-{article_id}",
            place_en,
            BODY_EN.format(topic=topic_en, n=n),
            now,
        )
        | _rendered(BODY_EN, topic_en, n),
    ]


# Stands for the article's number while a body's pattern is rendered (digits are plain text).
_NUMBER = "\ue010"


@lru_cache(maxsize=64)
def _rendered_pattern(pattern: str, topic: str) -> dict:
    return rendered_body(pattern.format(topic=topic, n=_NUMBER))


def _rendered(pattern: str, topic: str, n: int) -> dict:
    """The stored rendering of ``pattern`` for article ``n``: each topic's pattern is
    rendered once, not 100,000 times."""
    rendering = _rendered_pattern(pattern, topic)
    return {**rendering, "body_html": rendering["body_html"].replace(_NUMBER, str(n))}


def _translation(article_id, lang, title, slug, place, body, now) -> dict:
    return {
        "article_id": article_id,
        "lang": lang,
        "title": title,
        "slug": slug,
        "place": place,
        "body": body,
        "note": "",
        "updated_at": now,
    }
