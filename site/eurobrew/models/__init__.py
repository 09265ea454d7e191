"""The content model: one module per aggregate."""

from .attempts import LimitedAttempt
from .audit import AuditEvent
from .company import CompanyContact
from .contact_messages import ContactMessage, MessageStatus
from .factors import Passkey, RecoveryCode
from .media import Image, ImageText
from .news import Article, ArticleOldSlug, ArticleStatus, ArticleTranslation
from .pages import Page, PageOldSlug, PageTranslation
from .search import SearchDocument, SearchTerm
from .sessions import AdminSession
from .state import SiteState, bump_content_version, track_content_changes
from .users import User

# Any change to these makes public pages change: their ETags and cached copies with them.
PUBLIC_CONTENT = (
    Article,
    ArticleTranslation,
    ArticleOldSlug,
    Page,
    PageTranslation,
    PageOldSlug,
    CompanyContact,
    Image,
    ImageText,
)
track_content_changes(PUBLIC_CONTENT)

__all__ = [
    "AdminSession",
    "AuditEvent",
    "Article",
    "ArticleOldSlug",
    "ArticleStatus",
    "ArticleTranslation",
    "CompanyContact",
    "Image",
    "ImageText",
    "LimitedAttempt",
    "ContactMessage",
    "MessageStatus",
    "Page",
    "Passkey",
    "RecoveryCode",
    "PageOldSlug",
    "PageTranslation",
    "PUBLIC_CONTENT",
    "SearchDocument",
    "SearchTerm",
    "SiteState",
    "bump_content_version",
    "User",
]
