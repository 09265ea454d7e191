"""The library image form: the file, and what the image shows in every language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    StringField,
    SubmitField,
)
from wtforms.validators import NumberRange, Optional, ValidationError

from ..i18n import LANGUAGES
from ..markup import media_ids
from ..media.library import existing_image_ids
from ..validators import max_length, single_line
from .forms import AdminForm, VersionField, strip_filter
from .uploads import decoded_upload


class ImageTextForm(Form):
    """What the image shows (alt text) and its caption, in one language."""

    alt = StringField(
        _l("Description (alt text)"),
        filters=[strip_filter],
        validators=[max_length(300), single_line],
    )
    caption = StringField(
        _l("Caption"), filters=[strip_filter], validators=[max_length(500), single_line]
    )


def percent_field(label) -> IntegerField:
    """A focal point coordinate: 0 to 100 per cent, 50 (the middle) when left empty."""
    return IntegerField(label, default=50, validators=[Optional(), NumberRange(0, 100)])


class ImageForm(AdminForm):
    """A library image: a new file (when adding one), its texts, credit and focal point."""

    file = FileField(_l("Picture (JPEG, PNG or WebP)"))
    # A file stored with an earlier sending of this form (an error): kept, not asked again.
    pending_file = HiddenField()
    decorative = BooleanField(_l("Decorative: it shows nothing a reader needs (no alt text)"))
    credit = StringField(
        _l("Credit"), filters=[strip_filter], validators=[max_length(200), single_line]
    )
    # Translators: the point of a picture that a crop keeps, from the left edge.
    focal_x = percent_field(_l("Focal point across, in per cent from the left"))
    # Translators: the point of a picture that a crop keeps, from the top edge.
    focal_y = percent_field(_l("Focal point down, in per cent from the top"))
    version = VersionField()
    save = SubmitField(_l("Save"))

    picture = None  # the decoded new file, set by validate_file

    def translations(self) -> dict[str, ImageTextForm]:
        """The language sections by language code."""
        return {lang: self[lang].form for lang in LANGUAGES}

    def validate_file(self, field) -> None:
        """A JPEG, PNG or WebP image that decodes in full, whatever its file name says."""
        self.picture = decoded_upload(field.data)

    def validate(self, extra_validators=None) -> bool:
        """Field checks, and an alt text in every language unless the image is decorative."""
        valid = super().validate(extra_validators)
        if self.decorative.data:
            return valid
        for section in self.translations().values():
            if not section.alt.data:
                section.alt.errors.append(
                    str(_l("Say what the picture shows, or mark it decorative."))
                )
                valid = False
        return valid

    def texts(self) -> dict[str, dict]:
        """Alt text and caption per language, as typed."""
        return {
            lang: {"alt": section.alt.data, "caption": section.caption.data}
            for lang, section in self.translations().items()
        }


for _lang in LANGUAGES:
    setattr(ImageForm, _lang, FormField(ImageTextForm))


def images_in_library(form, field) -> None:
    """A body may place only images the library holds (out of the trash)."""
    placed = media_ids(field.data)
    missing = sorted(set(placed) - existing_image_ids(placed))
    if missing:
        raise ValidationError(
            _l(
                "The library has no image %(numbers)s. Check the number in media:…",
                numbers=", ".join(str(n) for n in missing),
            )
        )


def library_number(form, field) -> None:
    """An image number the library holds (out of the trash)."""
    if field.data and not existing_image_ids([field.data]):
        raise ValidationError(_l("The library has no image %(number)d.", number=field.data))
