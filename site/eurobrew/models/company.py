"""The company's contact record, shown in every page's footer."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow
from .translated import Versioned


class CompanyContact(Versioned, db.Model):
    """The one contact record; names and country differ by language."""

    __tablename__ = "company_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_sk: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(100))
    country_sk: Mapped[str] = mapped_column(String(100))
    country_en: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(50), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    design_credit: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(80), default="", server_default="")

    def name(self, lang: str) -> str:
        """The company's name in ``lang`` (Euro-Brew s.r.o. / Euro-Brew Ltd.)."""
        return self.name_sk if lang == "sk" else self.name_en

    def country(self, lang: str) -> str:
        """The country's name in ``lang``."""
        return self.country_sk if lang == "sk" else self.country_en

    @property
    def phone_uri(self) -> str:
        """The phone number as a ``tel:`` URI (digits and a leading plus only)."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")
