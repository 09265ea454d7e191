"""The base of the site's forms: WTForms' own messages in the page's language.

Flask-WTF reads WTForms' catalog from disk for every request that builds a form (its
``_get_translations`` keeps it only for that request); the catalogs never change while
the site runs, so each language's is read once per worker.
"""

from __future__ import annotations

from functools import cache

from babel import support
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

from .locale import current_language


@cache
def wtforms_catalog(lang: str) -> support.NullTranslations:
    """WTForms' messages ("Not a valid integer value." ...) in ``lang``, read once."""
    return support.Translations.load(messages_path(), [lang], domain="wtforms")


class SiteForm(FlaskForm):
    """FlaskForm whose WTForms messages come from the catalog kept per language."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            """The kept catalog of the page's language."""
            return wtforms_catalog(current_language())
