"""The kinds of content that have versions, history and (articles, pages) a trash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..models import Article, CompanyContact, Image, Page
from ..models.snapshots import (
    article_snapshot,
    contact_snapshot,
    image_snapshot,
    page_snapshot,
    restore_article,
    restore_contact,
    restore_image,
    restore_page,
)


@dataclass(frozen=True)
class Kind:
    """One kind of content: its model, how it is kept in a revision, where it is edited."""

    name: str
    model: type
    snapshot: Callable
    restore: Callable
    edit_endpoint: str
    id_argument: str | None  # the edit URL's argument; None for the one contact record
    label: object  # lazy text, in the admin's language

    def edit_url(self, item_id: int) -> str:
        """The editor of one item."""
        if self.id_argument is None:
            return url_for(self.edit_endpoint)
        return url_for(self.edit_endpoint, **{self.id_argument: item_id})


ARTICLE = Kind(
    "article",
    Article,
    article_snapshot,
    restore_article,
    "admin.edit_article",
    "article_id",
    _l("Article"),
)
PAGE = Kind("page", Page, page_snapshot, restore_page, "admin.edit_page", "page_id", _l("Page"))
CONTACT = Kind(
    "contact",
    CompanyContact,
    contact_snapshot,
    restore_contact,
    "admin.contact",
    None,
    _l("Contact data"),
)
IMAGE = Kind(
    "image", Image, image_snapshot, restore_image, "admin.edit_image", "image_id", _l("Image")
)
KINDS = {kind.name: kind for kind in (ARTICLE, PAGE, CONTACT, IMAGE)}
