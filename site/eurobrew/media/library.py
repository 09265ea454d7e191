"""Library images on public pages: their data per content version, and their markup.

Every image is read in one statement per content version (a library holds hundreds, not
millions) and kept per worker; a page's ``<picture>`` is built from that, in the page's
language: AVIF and WebP sources, a JPEG fallback, every width, and the size it is shown at.
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

from flask import url_for
from flask_babel import gettext
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models.media import Image
from ..web.memo import memoize_per_content
from .renditions import MIME_TYPES, rendition_name, rendition_widths, share_name, share_size

# How wide an image is shown: the text column on wide screens, the screen on phones.
BODY_SIZES = "(min-width: 48rem) 46rem, 100vw"


def library_images() -> dict[int, SimpleNamespace]:
    """Every image out of the trash by id: size, credit, focal point, texts by language."""
    return memoize_per_content(("library_images",), load_library_images)


def load_library_images() -> dict[int, SimpleNamespace]:
    """The images, read from the database."""
    query = select(Image).where(Image.deleted_at.is_(None)).options(selectinload(Image.texts))
    return {
        image.id: SimpleNamespace(
            id=image.id,
            version=image.version,
            stem=image.stem,
            width=image.width,
            height=image.height,
            credit=image.credit,
            decorative=image.decorative,
            alts={t.lang: t.alt for t in image.texts},
            captions={t.lang: t.caption for t in image.texts},
        )
        for image in db.session.scalars(query)
    }


def existing_image_ids(ids: list[int]) -> set[int]:
    """Which of ``ids`` name images in the library (out of the trash)."""
    if not ids:
        return set()
    query = select(Image.id).where(Image.id.in_(ids), Image.deleted_at.is_(None))
    return set(db.session.scalars(query))


def library_image(image_id: int | None) -> SimpleNamespace | None:
    """One image out of the trash, or None."""
    return library_images().get(image_id) if image_id else None


def alt_text(image: SimpleNamespace, lang: str) -> str:
    """What the image shows in ``lang``; empty for a decorative one."""
    return "" if image.decorative else image.alts.get(lang, "")


def _media_prefix() -> str:
    """Where the library's files are ("/media/"): a picture names a dozen of them."""
    return url_for("media.photo", filename="_").removesuffix("_")


def _srcset(image: SimpleNamespace, extension: str, prefix: str) -> str:
    return ", ".join(
        f"{prefix}{quote(rendition_name(image.stem, w, extension))} {w}w"
        for w in rendition_widths(image.width)
    )


def picture(image: SimpleNamespace, lang: str, priority: bool = False, sizes: str = BODY_SIZES):
    """``<picture>`` of ``image`` with the alt text of ``lang``.

    ``priority``: the top image of a page, fetched first; any other waits until it nears
    the screen (``loading="lazy"``).
    """
    widths = rendition_widths(image.width)
    prefix = _media_prefix()
    fallback = prefix + quote(rendition_name(image.stem, widths[-1], "jpg"))
    sources = "".join(
        f'<source type="{MIME_TYPES[ext]}" srcset="{_srcset(image, ext, prefix)}" sizes="{sizes}">'
        for ext in ("avif", "webp")
    )
    loading = 'fetchpriority="high"' if priority else 'loading="lazy" decoding="async"'
    img = (
        f'<img src="{fallback}" srcset="{_srcset(image, "jpg", prefix)}" sizes="{sizes}" '
        f'width="{image.width}" height="{image.height}" alt="{escape(alt_text(image, lang))}" '
        f"{loading}>"
    )
    return Markup(f"<picture>{sources}{img}</picture>")  # noqa: S704 - only escaped values


def figure(image: SimpleNamespace, lang: str, priority: bool = False) -> Markup:
    """The image as a figure: the picture, its caption in ``lang`` and its credit.

    Kept per content version (a bounded area of the memo): every page that shows a library
    image shows the same figure, a dozen file addresses long. A preview's image, described
    as typed, has no id and is never kept.
    """
    image_id = getattr(image, "id", None)
    if image_id is None:
        return _figure(image, lang, priority)
    key = ("figure", image_id, lang, priority)
    return memoize_per_content(key, lambda: _figure(image, lang, priority), "fragments")


def _figure(image: SimpleNamespace, lang: str, priority: bool) -> Markup:
    caption = image.captions.get(lang, "")
    parts = [str(escape(caption))] if caption else []
    if image.credit:
        # Translators: the credit under a photo; %(credit)s is the photographer or agency.
        credit = gettext("Photo: %(credit)s", credit=image.credit)
        parts.append(f'<span class="credit">{escape(credit)}</span>')
    figcaption = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
    return Markup(  # noqa: S704 - picture() escapes, the rest is escaped above
        f'<figure class="photo">{picture(image, lang, priority)}{figcaption}</figure>'
    )


def largest_jpeg_url(image: SimpleNamespace) -> str:
    """The absolute address of an image's widest JPEG (for structured data and feeds)."""
    name = rendition_name(image.stem, rendition_widths(image.width)[-1], "jpg")
    return url_for("media.photo", filename=name, _external=True)


def share_image(image: SimpleNamespace, lang: str) -> dict:
    """The Open Graph image of ``image``: its 1200 x 630 crop, absolute URL and alt text."""
    width, height = share_size(image.width, image.height)
    return {
        "url": url_for("media.photo", filename=share_name(image.stem), _external=True),
        "width": width,
        "height": height,
        "alt": alt_text(image, lang),
    }
