"""The content model: one module per aggregate."""

from .company import CompanyContact
from .news import Article, ArticleStatus, ArticleTranslation
from .pages import Page, PageTranslation
from .state import SiteState, bump_content_version, track_content_changes

# Any change to these makes public pages change: their ETags and cached copies with them.
PUBLIC_CONTENT = (Article, ArticleTranslation, Page, PageTranslation, CompanyContact)
track_content_changes(PUBLIC_CONTENT)

__all__ = [
    "Article",
    "ArticleStatus",
    "ArticleTranslation",
    "CompanyContact",
    "Page",
    "PageTranslation",
    "PUBLIC_CONTENT",
    "SiteState",
    "bump_content_version",
]
