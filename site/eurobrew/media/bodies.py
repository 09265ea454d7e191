"""Article and page bodies with their library images, in the page's language.

The Markdown is rendered when the text is saved and stored with it (``markup.body_html``,
language-free); each image marker in it becomes the image with the alt text and caption of
the language the page is in. An image on a paragraph of its own is a figure with its
caption; one inside a sentence is just the picture. An image no longer in the library leaves
nothing behind. Contact tokens (``{contact:phone}`` ...) are filled in from the contact
record first (``contact_tokens.py``).
"""

from __future__ import annotations

import re

from flask import url_for
from markupsafe import Markup, escape

from ..markup import MARK_END, MARK_START, body_html, render_markdown
from .contact_tokens import fill_contact_data
from .library import alt_text, figure, library_images, picture
from .renditions import rendition_name, rendition_widths

_ALONE = re.compile(f"<p>{MARK_START}(\\d+){MARK_END}</p>")
_INLINE = re.compile(f"{MARK_START}(\\d+){MARK_END}")


def render_body(item, lang: str, first_is_top: bool = False) -> Markup:
    """``item``'s body (an article's or page's text) as safe HTML with its images in ``lang``.

    ``first_is_top``: the body's first image is the top of the page (no photo above it), so
    it is fetched first instead of lazily.
    """
    html = fill_contact_data(body_html(item), lang)
    if MARK_START not in html:
        return Markup(html)  # noqa: S704 - cleaned by render_markdown
    images = library_images()
    first = [first_is_top]

    def place(match: re.Match, as_figure: bool) -> str:
        image = images.get(int(match.group(1)))
        if image is None:
            return ""
        priority, first[0] = first[0], False
        return str(figure(image, lang, priority) if as_figure else picture(image, lang, priority))

    html = _ALONE.sub(lambda m: place(m, True), html)
    html = _INLINE.sub(lambda m: place(m, False), html)
    return Markup(html)  # noqa: S704 - cleaned, and the images built from escaped values


def render_feed_body(text: str, lang: str) -> str:
    """A body for a feed reader: images as one plain ``<img>`` with an absolute address."""
    html = fill_contact_data(str(render_markdown(text)), lang)
    if MARK_START not in html:
        return html  # no image: the library is not looked up (twenty bodies a feed)
    images = library_images()

    def place(match: re.Match) -> str:
        image = images.get(int(match.group(1)))
        if image is None:
            return ""
        width = rendition_widths(image.width)[-1]
        name = rendition_name(image.stem, width, "jpg")
        src = url_for("media.photo", filename=name, _external=True)
        alt = escape(alt_text(image, lang))
        return f'<img src="{src}" alt="{alt}" width="{image.width}" height="{image.height}">'

    return _INLINE.sub(place, html)
