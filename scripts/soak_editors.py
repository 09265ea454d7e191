"""The soak's admins: two accounts editing the same articles and pages at once, as people do.

Each admin makes new articles, changes article titles and page texts. Every few edits both
load the same form before either sends it (a barrier holds the faster one back), so one of
the two saves must answer 409 Conflict. The admin answered 409 checks that the form still
holds what they typed, keeps it ("Keep what I typed", the default for a field both changed)
and sends it again, as a person would. Afterwards ``verify`` reads the database: every
save is in the history, applied on top of the version its admin was shown, and what each
item holds now is its newest revision.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import create_engine, text

from http_client import AdminSession, FormValues, saved_id

EDITED_ARTICLES = (1, 2, 3)  # the seed article and two demo news, shared by both admins
EDITED_PAGES = (2, 3, 4, 5)  # products, activities, links, about
COLLIDE_EVERY = 4  # every 4th edit, both admins have the same form open when they send it
MOST_CONFLICTS = 5  # sends of one edit before giving up (each after a new conflict)


@dataclass(frozen=True)
class Save:
    """One edit the site answered "saved": what, by whom, on top of which version."""

    kind: str  # "article" or "page"
    item_id: int
    field: str  # the form field changed, e.g. "en-title"
    value: str
    base_version: int
    by: str


@dataclass
class Editor:
    """One admin account making ``edits`` edits, and what came of them."""

    session: AdminSession
    username: str
    barrier: threading.Barrier
    run: str = field(default_factory=lambda: secrets.token_hex(3))
    made: int = 0
    saves: list[Save] = field(default_factory=list)
    new_articles: dict[int, str] = field(default_factory=dict)
    conflicts: int = 0  # 409 answers, each with the typed text kept
    saved_after_conflict: int = 0
    refused: list[str] = field(default_factory=list)
    lost_in_409: list[str] = field(default_factory=list)  # a 409 form without the text
    cut_off: int = 0

    @property
    def saved(self) -> int:
        return len(self.saves) + len(self.new_articles)

    def work(self, edits: int) -> None:
        """Make edit 0 to ``edits - 1``; the other admin makes the same ones alongside."""
        for number in range(edits):
            self.edit(number)

    def edit(self, number: int) -> None:
        """Edit ``number``: a new article, an article title or a page text, in turn."""
        self.made += 1
        try:
            self.make(number)
        except (OSError, http.client.HTTPException):
            self.cut_off += 1  # no answer: the edit may or may not have been committed
        except threading.BrokenBarrierError:
            self.refused.append(f"edit {number}: the other admin never opened the form")

    def make(self, number: int) -> None:
        kind = number % 3
        collide = number % COLLIDE_EVERY == 1
        if kind == 0:
            self.new_article(number)
        elif kind == 1:
            article_id = EDITED_ARTICLES[number // 3 % len(EDITED_ARTICLES)]
            value = f"Soak {self.run} {self.username} title {number}"
            self.change("article", article_id, "en-title", value, collide)
        else:
            page_id = EDITED_PAGES[number // 3 % len(EDITED_PAGES)]
            value = f"Soak {self.run} {self.username} page text {number}."
            self.change("page", page_id, "en-body", value, collide)

    def new_article(self, number: int) -> None:
        shown = self.session.form("/admin/articles/new")
        title = f"Soak {self.run} {self.username} article {number}"
        fields = {
            "csrf_token": shown["csrf_token"],
            "version": shown["version"],
            "sk-title": f"Skúška {self.run} {self.username} článok {number}",
            "sk-body": f"Text článku {number}.",
            "en-title": title,
            "en-body": f"Text of article {number}.",
            "published_on": date.today().isoformat(),
            "status": "published",
            "save": "Save",
        }
        article_id = saved_id(self.session.post("/admin/articles/new", fields))
        if article_id is None:
            self.refused.append(f"new article {number}")
        else:
            self.new_articles[article_id] = title

    def change(self, kind: str, item_id: int, name: str, value: str, collide: bool) -> None:
        """Open the item's form, type ``value`` into ``name`` and save until it holds."""
        path = f"/admin/{kind}s/{item_id}/edit"
        fields = self.session.form(path)
        if collide:
            self.barrier.wait(timeout=60)  # both admins have this form open now
        else:
            time.sleep(secrets.randbelow(20) / 1000)  # typing: the other may save meanwhile
        fields.update({name: value, "save": "Save"})
        for attempt in range(MOST_CONFLICTS):
            base = int(fields["version"])
            reply = self.session.post(path, fields)
            if saved_id(reply) == item_id:
                self.saves.append(Save(kind, item_id, name, value, base, self.username))
                self.saved_after_conflict += attempt > 0
                return
            if reply.status != 409:
                self.refused.append(f"{path}: {reply.status} {form_errors(reply.body)}")
                return
            fields = FormValues(reply.body).values
            if fields.get(name) != value:
                self.lost_in_409.append(f"{path}: 409 without the typed {name}")
                return
            self.conflicts += 1
            fields["save"] = "Save"
        self.refused.append(f"{path}: still in conflict after {MOST_CONFLICTS} sends")


def form_errors(html: str) -> str:
    """The error messages a form page shows, joined (for the report)."""
    found = re.findall(r'class="(?:error|flash flash-error)"[^>]*>(.*?)</', html, re.S)
    return "; ".join(" ".join(m.split()) for m in found)[:300]


def revisions_by_item(connection) -> dict[tuple[str, int], list[dict]]:
    """Every revision, oldest first, by (kind, item id)."""
    rows = connection.execute(
        text(
            "SELECT kind, item_id, number, version, data, created_by FROM revisions "
            "ORDER BY kind, item_id, number"
        )
    ).mappings()
    found: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        data = row["data"] if isinstance(row["data"], dict) else json.loads(row["data"])
        found.setdefault((row["kind"], row["item_id"]), []).append({**row, "data": data})
    return found


def text_of(revision: dict, name: str) -> str | None:
    """The value of form field ``name`` ("en-title") in a revision's snapshot."""
    lang, _, column = name.partition("-")
    return revision["data"].get("translations", {}).get(lang, {}).get(column)


def unaccounted(save: Save, history: list[dict]) -> str | None:
    """Why ``save`` is not in the history as a change on top of its base version, or None."""
    for before, revision in zip(history, history[1:], strict=False):
        if revision["created_by"] == save.by and text_of(revision, save.field) == save.value:
            if before["version"] == save.base_version:
                return None
            return f"applied on version {before['version']}, not the {save.base_version} shown"
    return "not in the history"


def current_text(connection, kind: str, item_id: int, name: str) -> str | None:
    lang, _, column = name.partition("-")
    table, key = {
        "article": ("article_translations", "article_id"),
        "page": ("page_translations", "page_id"),
    }[kind]
    query = text(f"SELECT {column} FROM {table} WHERE {key} = :id AND lang = :lang")  # noqa: S608 - names from this module
    return connection.execute(query, {"id": item_id, "lang": lang}).scalar()


def verify(database_url: str, editors: list[Editor]) -> list[str]:
    """Every save each admin was told of, found where it belongs; the problems found."""
    lost: list[str] = []
    engine = create_engine(database_url)
    with engine.connect() as connection:
        history = revisions_by_item(connection)
        for editor in editors:
            for article_id, title in editor.new_articles.items():
                if current_text(connection, "article", article_id, "en-title") != title:
                    lost.append(f"new article {article_id} ({title})")
            for save in editor.saves:
                problem = unaccounted(save, history.get((save.kind, save.item_id), []))
                if problem:
                    lost.append(f"{save.kind} {save.item_id} {save.value!r}: {problem}")
        edited = {(s.kind, s.item_id, s.field) for e in editors for s in e.saves}
        for kind, item_id, name in sorted(edited):
            newest = history[(kind, item_id)][-1]
            if current_text(connection, kind, item_id, name) != text_of(newest, name):
                lost.append(f"{kind} {item_id}: holds other than its newest revision")
    engine.dispose()
    return lost
