"""From code to catalogs: extract the template, merge it into every catalog, add a language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from ..config import PROJECT_ROOT
from .catalogs import (
    TRANSLATIONS_DIR,
    CatalogError,
    catalog_languages,
    message_key,
    po_path,
    pot_path,
    read_catalog,
    write_catalog,
)

MAPPING_FILE = PROJECT_ROOT / "babel.cfg"
COMMENT_TAG = "Translators:"
PROJECT = "eurobrew"
COPYRIGHT_HOLDER = "Euro-Brew s.r.o."
BUGS_ADDRESS = "info@eurobrew.sk"


@dataclass(frozen=True)
class UpdateResult:
    """What merging the template into one catalog changed."""

    lang: str
    added: int
    removed: int
    fuzzy: int


def extract_messages(root: Path = PROJECT_ROOT, mapping: Path = MAPPING_FILE) -> Catalog:
    """Collect the interface strings of the code and templates, as babel.cfg describes."""
    with Path(mapping).open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(mapping))
    template = Catalog(
        project=PROJECT,
        version=metadata.version(PROJECT),
        copyright_holder=COPYRIGHT_HOLDER,
        msgid_bugs_address=BUGS_ADDRESS,
        charset="utf-8",
    )
    found = extract_from_dir(
        str(root), method_map, options_map, comment_tags=(COMMENT_TAG,), strip_comment_tags=True
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def translator_comment(message: Message) -> str:
    """The extracted comments as one line, independent of how a file wrapped them."""
    return " ".join(" ".join(message.auto_comments).split())


def template_signature(catalog: Catalog) -> dict[tuple, tuple[str, bool]]:
    """Entry key -> (translators' comment, python-format): what a template promises."""
    return {
        message_key(m): (translator_comment(m), "python-format" in m.flags) for m in catalog if m.id
    }


def extract_to_pot(directory: Path = TRANSLATIONS_DIR, root: Path = PROJECT_ROOT) -> bool:
    """Write ``messages.pot`` from the code; returns False when it was already current.

    An unchanged template is left alone, so its creation date does not churn.
    """
    template = extract_messages(root)
    target = pot_path(directory)
    if target.is_file() and template_signature(read_catalog(target)) == template_signature(
        template
    ):
        return False
    write_catalog(template, target)
    return True


def update_catalogs(directory: Path = TRANSLATIONS_DIR) -> list[UpdateResult]:
    """Merge ``messages.pot`` into every catalog: new entries empty, changed ones fuzzy.

    Entries whose text changed keep their old translation marked fuzzy, so translators see
    what to review; entries no longer in the code are dropped.
    """
    template = read_catalog(pot_path(directory))
    results = []
    for lang in catalog_languages(directory):
        path = po_path(lang, directory)
        catalog = read_catalog(path, lang)
        before = {message_key(m) for m in catalog if m.id}
        catalog.update(template)
        catalog.project, catalog.version = template.project, template.version
        after = {message_key(m) for m in catalog if m.id}
        write_catalog(catalog, path)
        results.append(
            UpdateResult(
                lang,
                added=len(after - before),
                removed=len(before - after),
                fuzzy=sum(1 for m in catalog if m.id and m.fuzzy),
            )
        )
    return results


def init_catalog(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """Start the catalog of a new language from ``messages.pot``; never overwrite one."""
    try:
        locale = Locale.parse(lang)
    except (ValueError, TypeError) as error:
        raise CatalogError(f"{lang!r} is not a language code Babel knows: {error}") from error
    target = po_path(lang, directory)
    if target.exists():
        raise CatalogError(f"{target} already exists")
    catalog = read_catalog(pot_path(directory), str(locale))
    catalog.locale = locale
    catalog.revision_date = datetime.now(UTC)
    catalog.fuzzy = False
    write_catalog(catalog, target)
    return target
