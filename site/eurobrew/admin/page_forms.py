"""The page form: title, slug and text per language, menu order and visibility."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    Form,
    FormField,
    IntegerField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange

from ..i18n import LANGUAGES
from ..validators import max_length, single_line
from ..web.routing import reserved_segments
from .forms import REQUIRED, AdminForm, VersionField, strip_filter
from .media_forms import images_in_library
from .slugs import settle_slug, slug_field


class PageTextForm(Form):
    """One language of a page."""

    title = StringField(
        _l("Menu title"),
        filters=[strip_filter],
        validators=[InputRequired(message=REQUIRED), max_length(120), single_line],
    )
    slug = slug_field(120)
    body = TextAreaField(_l("Text"), filters=[strip_filter], validators=[images_in_library])

    # The home page lives at /<lang>/ and keeps an empty slug.
    is_home = False

    def validate(self, extra_validators=None) -> bool:
        """The slug comes from the title unless given; the home page has none."""
        valid = super().validate(extra_validators)
        if self.is_home:
            self.slug.data = ""
            return valid
        return settle_slug(self, 120) and valid


class PageForm(AdminForm):
    """Edit a page in every language."""

    menu_order = IntegerField(
        _l("Position in the menu"),
        validators=[
            InputRequired(message=REQUIRED),
            NumberRange(0, 9999, message=_l("Enter a number from 0 to 9999.")),
        ],
    )
    visible = BooleanField(_l("Shown in the menu and on the site"))
    # The version of the page the form was loaded from (admin/editing.py).
    version = VersionField()
    preview = SubmitField(_l("Preview"))
    save = SubmitField(_l("Save"))

    def translations(self) -> dict[str, PageTextForm]:
        """The language sections by language code."""
        return {lang: self[lang].form for lang in LANGUAGES}

    def validate(self, extra_validators=None) -> bool:
        """Field checks, and no slug that would hide a path the site routes itself."""
        valid = super().validate(extra_validators)
        for lang, section in self.translations().items():
            slug = section.slug.data
            if slug and slug in reserved_segments(current_app, lang):
                section.slug.errors.append(
                    str(
                        _l(
                            "The address /%(lang)s/%(slug)s belongs to the site itself. "
                            "Choose another slug.",
                            lang=lang,
                            slug=slug,
                        )
                    )
                )
                valid = False
        return valid

    def mark_home(self) -> None:
        """The home page's slugs stay empty."""
        for section in self.translations().values():
            section.is_home = True


# One section per language of the site, in the order of LANGUAGES.
for _lang in LANGUAGES:
    setattr(PageForm, _lang, FormField(PageTextForm))
