"""Article and page bodies: Markdown rendered to HTML, then cleaned with nh3."""

import re
import threading
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


_converters = threading.local()


def markdown_converter() -> markdown.Markdown:
    """This thread's Markdown converter, reset for a new text.

    Building one loads its extensions, which took 40% of a body's rendering; a converter
    keeps state while it works, so each thread has its own.
    """
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
        _converters.markdown = converter
    return converter.reset()


# A library image in a body: ![anything](media:42). Markdown and nh3 would drop the <img>,
# so it becomes a marker of private-use characters (kept by both, never typed by an
# author) that the page replaces with the image in its own language (media/bodies.py).
MEDIA_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*media:(\d{1,9})(?:\s+\"[^\"\n]*\")?\s*\)")
MARK_START, MARK_END = "\ue000", "\ue001"
MEDIA_MARK = re.compile(f"{MARK_START}(\\d+){MARK_END}")


# A part of the company's contact record in a body: {contact:phone}. It becomes a marker
# too, which the page fills in from the record (media/contact_tokens.py): the rendered body
# depends on neither the record nor the language, so it can be stored with the text, and
# an edited phone number shows everywhere.
CONTACT_TOKEN = re.compile(r"\{contact:(name|address|phone|fax|email)\}")
CONTACT_START, CONTACT_END = "\ue002", "\ue003"
CONTACT_MARK = re.compile(f"{CONTACT_START}(name|address|phone|fax|email){CONTACT_END}")
_MARKERS = (MARK_START, MARK_END, CONTACT_START, CONTACT_END)

# The renderer's version, stored with each body's HTML: bump it when the HTML a text
# renders to changes (extensions, allowed tags, markers), and stored bodies of another
# version are rendered on the page until `flask bodies render` has stored them again.
MARKUP_VERSION = 2


def media_ids(text: str) -> list[int]:
    """The library images a body places, in order (each once)."""
    return list(dict.fromkeys(int(n) for n in MEDIA_IMAGE.findall(text or "")))


def _marked(text: str) -> str:
    plain = text or ""
    for marker in _MARKERS:  # never typed by an author: a pasted one must not place anything
        plain = plain.replace(marker, "")
    plain = MEDIA_IMAGE.sub(lambda m: f"{MARK_START}{int(m.group(1))}{MARK_END}", plain)
    return CONTACT_TOKEN.sub(lambda m: f"{CONTACT_START}{m.group(1)}{CONTACT_END}", plain)


@lru_cache(maxsize=512)
def render_markdown(text: str) -> Markup:
    """Markdown to safe HTML: raw HTML in the source never reaches a page unfiltered.

    Library images and contact data stay as markers (MEDIA_MARK, CONTACT_MARK) for the
    page to fill in.
    """
    html = markdown_converter().convert(_marked(text))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)  # noqa: S704 - cleaned by nh3 just above


def body_html(item) -> str:
    """``item``'s body as cleaned HTML with its markers: the HTML stored with it when this
    version of the renderer made it, else rendered now."""
    stored = getattr(item, "body_html", None)
    if stored is not None and getattr(item, "body_html_version", None) == MARKUP_VERSION:
        return stored
    return str(render_markdown(item.body or ""))


_MARKDOWN_SYNTAX = re.compile(r"[*_`#>\[\]]|\(https?://[^)]*\)|^\s*[-+]\s+", re.MULTILINE)


def without_images(text: str) -> str:
    """A body without its library images' or contact data's syntax (for excerpts and the
    search index)."""
    return CONTACT_TOKEN.sub(" ", MEDIA_IMAGE.sub(" ", text or ""))


def plain_text(text: str) -> str:
    """A body's words without Markdown syntax or link targets, on one line."""
    return " ".join(_MARKDOWN_SYNTAX.sub("", without_images(text)).split())


@lru_cache(maxsize=256)
def excerpt(text: str, length: int = 220) -> str:
    """Plain text of a body's start, cut at a word boundary; escaping is left to the template.

    Kept per text (a feed asks for twenty on every request, each a few regular expressions).
    """
    plain = plain_text((text or "").strip().split("\n\n", 1)[0])
    if len(plain) <= length:
        return plain
    cut = plain[:length].rsplit(" ", 1)[0].rstrip(",;:.-–")
    return cut + "…"
