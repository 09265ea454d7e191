"""Dates through Babel: Slovak d. M. y and genitive months, English month names."""

from datetime import date

import pytest
from flask_babel import force_locale, format_date


@pytest.mark.parametrize(
    ("lang", "medium", "long"),
    [
        ("sk", "29. 5. 2025", "29. mája 2025"),
        ("en", "May 29, 2025", "May 29, 2025"),
    ],
)
def test_formats(app, lang, medium, long):
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert format_date(date(2025, 5, 29), "medium") == medium
        assert format_date(date(2025, 5, 29), "long") == long


def test_slovak_long_dates_use_the_genitive(app):
    with app.test_request_context("/sk/"):
        months = [format_date(date(2025, m, 1), "long").split()[1] for m in range(1, 13)]
    assert months == [
        "januára",
        "februára",
        "marca",
        "apríla",
        "mája",
        "júna",
        "júla",
        "augusta",
        "septembra",
        "októbra",
        "novembra",
        "decembra",
    ]
