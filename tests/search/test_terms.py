"""Word forms to terms: the list of Slovak forms (data/slovak_word_forms.tsv) and English."""

from pathlib import Path

from eurobrew.search.terms import fold, terms_of, words

FORMS = Path(__file__).with_name("data") / "slovak_word_forms.tsv"
# Measured on the list when LemmaGen was chosen: 99 of 105 forms reach their lemma (94 %);
# simplemma reached 93 (89 %), failing every form typed without its diacritics.
LEAST_SHARE = 0.94


def slovak_forms() -> list[tuple[str, str]]:
    lines = [line for line in FORMS.read_text().splitlines() if line and line[0] != "#"]
    return [tuple(line.split("\t")) for line in lines[1:]]


def test_slovak_forms_reach_their_lemma():
    forms = slovak_forms()
    missed = [
        (form, lemma, terms_of(form.lower(), "sk"))
        for form, lemma in forms
        if fold(lemma.lower()) not in terms_of(form.lower(), "sk")
    ]
    share = 1 - len(missed) / len(forms)
    assert share >= LEAST_SHARE, f"{share:.1%} of {len(forms)}; missed: {missed}"
    # Every form written with its diacritics reaches its lemma; the misses are forms typed
    # without them, which still match the same form in a text by its folded spelling.
    assert all(fold(f) == f for f, _, _ in missed), missed


def test_english_words_meet_their_stem():
    for word, other in (
        ("chips", "chip"),
        ("semiconductors", "semiconductor"),
        ("breweries", "brewery"),
    ):
        assert set(terms_of(word, "en")) & set(terms_of(other, "en")), (word, other)


def test_words_split_on_everything_but_letters_and_digits():
    assert words("Čipy_a pivo-vary, 2025! ǅ") == ["čipy", "a", "pivo", "vary", "2025", "ǆ"]
