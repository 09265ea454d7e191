"""The content model: one module per aggregate."""

from .company import CompanyContact
from .news import Article, ArticleOldSlug, ArticleStatus, ArticleTranslation
from .pages import Page, PageOldSlug, PageTranslation
from .users import User

__all__ = [
    "Article",
    "ArticleOldSlug",
    "ArticleStatus",
    "ArticleTranslation",
    "CompanyContact",
    "Page",
    "PageOldSlug",
    "PageTranslation",
    "User",
]
