"""The page form: title, slug and text per language, the parent page, menu order and
visibility."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange

from ..i18n import LANGUAGES
from ..validators import max_length, single_line
from ..web.routing import MAX_ROW_ID, reserved_segments
from .forms import REQUIRED, AdminForm, VersionField, strip_filter
from .media_forms import images_in_library
from .slugs import settle_slug, slug_field


class PageTextForm(Form):
    """One language of a page; left entirely empty it means "no such translation"."""

    title = StringField(
        _l("Menu title"), filters=[strip_filter], validators=[max_length(120), single_line]
    )
    slug = slug_field(120)
    body = TextAreaField(_l("Text"), filters=[strip_filter], validators=[images_in_library])

    # The home page lives at /<lang>/, keeps an empty slug and has every language.
    is_home = False

    def is_empty(self) -> bool:
        """True when the admin typed nothing in this language."""
        return not any(field.data for field in self)

    def validate(self, extra_validators=None) -> bool:
        """A language with any text needs a title; the slug comes from the title unless
        given; the home page has none."""
        valid = super().validate(extra_validators)
        if self.is_empty() and not self.is_home:
            return valid
        if not self.title.data:
            self.title.errors.append(str(REQUIRED))
            valid = False
        if self.is_home:
            self.slug.data = ""
            return valid
        return settle_slug(self, 120) and valid


class PageForm(AdminForm):
    """Create or edit a page in every language."""

    # Choices are the pages it may go under, filled in by the view; "" is the top level.
    parent = SelectField(_l("Under the page"), choices=[], validate_choice=False)
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

    def filled(self) -> dict[str, PageTextForm]:
        """The language sections with text: the page's translations once saved."""
        return {lang: s for lang, s in self.translations().items() if not s.is_empty()}

    def parent_id(self) -> int | None:
        """The chosen parent's id; None for the top level or a value that is no id."""
        value = str(self.parent.data or "")
        return int(value) if value.isdigit() and 0 < int(value) <= MAX_ROW_ID else None

    def validate(self, extra_validators=None) -> bool:
        """Field checks, at least one language, and no slug that would hide a path the site
        routes itself."""
        valid = super().validate(extra_validators)
        if not self.filled():
            self.form_errors.append(str(_l("Fill in at least one language.")))
            valid = False
        if self.parent.data and self.parent_id() is None:
            self.parent.errors.append(str(_l("Choose a page from the list.")))
            valid = False
        for lang, section in self.filled().items():
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
        """The home page's slugs stay empty, and each language needs its title."""
        for section in self.translations().values():
            section.is_home = True


# One section per language of the site, in the order of LANGUAGES.
for _lang in LANGUAGES:
    setattr(PageForm, _lang, FormField(PageTextForm))
