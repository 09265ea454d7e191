"""The article form: Slovak and English side by side, and the fields both share."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from ..i18n import LANGUAGES
from ..models import ArticleStatus
from ..validators import max_length, single_line
from .forms import REQUIRED, AdminForm, VersionField, strip_filter, web_address
from .media_forms import images_in_library, library_number
from .slugs import settle_slug, slug_field
from .uploads import decoded_upload


class ArticleTextForm(Form):
    """One language of an article; left entirely empty it means "no such translation"."""

    title = StringField(
        _l("Title"), filters=[strip_filter], validators=[max_length(300), single_line]
    )
    slug = slug_field(200)
    place = StringField(
        _l("Place"), filters=[strip_filter], validators=[max_length(120), single_line]
    )
    body = TextAreaField(_l("Text"), filters=[strip_filter], validators=[images_in_library])
    note = StringField(
        _l("Note"), filters=[strip_filter], validators=[max_length(500), single_line]
    )
    photo_alt = StringField(
        _l("Photo description (alt text)"),
        filters=[strip_filter],
        validators=[max_length(300), single_line],
    )

    def is_empty(self) -> bool:
        """True when the admin typed nothing in this language."""
        return not any(field.data for field in self)

    def validate(self, extra_validators=None) -> bool:
        """A language with any text needs a title and a text; its slug comes from the title."""
        valid = super().validate(extra_validators)
        if self.is_empty():
            return valid
        for field in (self.title, self.body):
            if not field.data:
                field.errors.append(str(REQUIRED))
                valid = False
        return settle_slug(self, 200) and valid


# Dates outside these years are typing mistakes, and the first and last years cannot be
# moved into UTC and back without leaving the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 9998


def plausible_year(form, field) -> None:
    """A date (or time) between the years FIRST_YEAR and LAST_YEAR."""
    if field.data and not FIRST_YEAR <= field.data.year <= LAST_YEAR:
        raise ValidationError(
            _l(
                "Enter a date between the years %(first)d and %(last)d.",
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )


class ArticleForm(AdminForm):
    """Create or edit an article."""

    published_on = DateField(
        _l("Publication date"), validators=[InputRequired(message=REQUIRED), plausible_year]
    )
    status = SelectField(
        _l("Status"),
        choices=[
            # Translators: the state of an article not yet public (Slovak: Koncept).
            SelectChoice(ArticleStatus.DRAFT.value, _l("Draft")),
            # Translators: the state of a public article (Slovak: Zverejnený).
            SelectChoice(ArticleStatus.PUBLISHED.value, _l("Published")),
        ],
        default=ArticleStatus.DRAFT.value,
    )
    publish_at = DateTimeLocalField(
        _l("Publish at"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        validators=[Optional(), plausible_year],
    )
    photo = FileField(_l("Photo (JPEG, PNG or WebP)"))
    # A photo stored with an earlier sending of this form (an error, a conflict): kept.
    pending_photo = HiddenField()
    image_id = IntegerField(
        _l("Or an image from the library (its number)"),
        validators=[Optional(), NumberRange(min=1), library_number],
    )
    remove_photo = BooleanField(_l("Remove the current photo"))
    photo_credit = StringField(
        _l("Photo credit"), filters=[strip_filter], validators=[max_length(200), single_line]
    )
    source_url = StringField(
        _l("Source address"), filters=[strip_filter], validators=[max_length(500), web_address]
    )
    # The version of the article the form was loaded from (admin/editing.py).
    version = VersionField()
    preview = SubmitField(_l("Preview"))
    save = SubmitField(_l("Save"))

    # The decoded photo, set by validate_photo for the view to store.
    photo_image = None

    def translations(self) -> dict[str, ArticleTextForm]:
        """The language sections by language code."""
        return {lang: self[lang].form for lang in LANGUAGES}

    def validate(self, extra_validators=None) -> bool:
        """Field checks, and at least one language filled in."""
        valid = super().validate(extra_validators)
        if all(section.is_empty() for section in self.translations().values()):
            self.form_errors.append(str(_l("Fill in at least one language.")))
            valid = False
        return valid

    def validate_photo(self, field) -> None:
        """A JPEG, PNG or WebP image that decodes in full, whatever its file name says."""
        self.photo_image = decoded_upload(field.data)


# One section per language of the site, in the order of LANGUAGES.
for _lang in LANGUAGES:
    setattr(ArticleForm, _lang, FormField(ArticleTextForm))
