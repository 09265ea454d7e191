"""The content model: one module per aggregate."""

from .company import CompanyContact
from .news import Article, ArticleStatus, ArticleTranslation
from .pages import Page, PageTranslation

__all__ = [
    "Article",
    "ArticleStatus",
    "ArticleTranslation",
    "CompanyContact",
    "Page",
    "PageTranslation",
]
