"""Dates through Babel: Slovak d. M. y and genitive months, English month names.

Each shown date is read back (support.shown_date), so a Babel release that changes only
the spaces between the parts passes, and a wrong day, month, order or case still fails.
"""

import re
from datetime import date

import pytest
from flask_babel import force_locale, format_date

from support import SLOVAK_GENITIVE_MONTHS, shown_date

DAY = date(2025, 5, 29)


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_medium_and_long_dates_read_back_as_the_same_day(app, lang):
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert shown_date(format_date(DAY, "medium"), lang) == DAY
        assert shown_date(format_date(DAY, "long"), lang) == DAY


def test_slovak_medium_dates_are_day_dot_month_dot_year_in_digits(app):
    with app.test_request_context("/sk/"):
        shown = format_date(DAY, "medium")
    assert re.fullmatch(r"29\.\s?5\.\s?2025", shown), shown


def test_english_dates_name_the_month(app):
    with app.test_request_context("/en/"), force_locale("en"):
        assert "May" in format_date(DAY, "medium").split()


def test_slovak_long_dates_use_the_genitive(app):
    with app.test_request_context("/sk/"):
        months = [format_date(date(2025, m, 1), "long").split()[1] for m in range(1, 13)]
    assert months == SLOVAK_GENITIVE_MONTHS
