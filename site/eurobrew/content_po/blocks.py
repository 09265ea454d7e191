"""Long texts as a translation tool should show them: a Markdown body cut into blocks
(paragraphs, headings, list items), each a sentence or a few, put back together exactly.

Markers a block starts with (``## ``, ``- ``, ``1. ``) stay out of the text a translator
sees; the source's arrangement of blocks is kept when a translation is put together.
Blocks without words (a library image alone, a rule, a contact code) are not translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markup import plain_text

BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
HEADING = re.compile(r"^(#{1,6}[ \t]+)(.*)$", re.S)
LIST_ITEM = re.compile(r"^([ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$", re.S)
FENCE = "```"


@dataclass(frozen=True)
class Block:
    """One block of a body: its marker, its text and what follows it."""

    prefix: str  # "## ", "- ", "1. " or "" (kept as typed)
    text: str
    after: str  # the line breaks up to the next block ("" for the last)

    @property
    def shape(self) -> tuple[str, bool]:
        """What a translation must keep for blocks to pair up: the kind and whether it is
        translated (a heading of level 2, a list item, a paragraph ...)."""
        marker = self.prefix.strip()
        kind = "ol" if marker[:1].isdigit() else marker
        return kind, self.translatable

    @property
    def translatable(self) -> bool:
        """True when the block has words (not only an image, a code or a rule)."""
        if self.text.startswith(FENCE):
            return False
        return any(character.isalpha() for character in plain_text(self.text))


def _chunks(body: str) -> list[tuple[str, str]]:
    """(chunk, the blank lines after it), fenced code kept whole."""
    pieces = BLANK_LINES.split(body)
    gaps = BLANK_LINES.findall(body) + [""]
    chunks: list[tuple[str, str]] = []
    open_fence = False
    for piece, gap in zip(pieces, gaps, strict=True):
        if open_fence:
            text, before = chunks.pop()
            chunks.append((text + before + piece, gap))
        else:
            chunks.append((piece, gap))
        if piece.count(FENCE) % 2:
            open_fence = not open_fence
    return chunks


def _lines_to_blocks(chunk: str, after: str) -> list[Block]:
    if chunk.startswith(FENCE):
        return [Block("", chunk, after)]
    blocks: list[list[str]] = []  # [prefix, text]
    for line in chunk.split("\n"):
        starts = HEADING.match(line) or LIST_ITEM.match(line)
        if starts or not blocks or HEADING.match(blocks[-1][0] + "x"):
            found = starts.groups() if starts else ("", line)
            blocks.append(list(found))
        else:
            blocks[-1][1] += "\n" + line
    last = len(blocks) - 1
    return [Block(p, t, after if n == last else "\n") for n, (p, t) in enumerate(blocks)]


def split(body: str) -> list[Block]:
    """``body`` (LF line ends) as blocks; ``join(split(body))`` gives it back unchanged."""
    body = (body or "").strip()
    if not body:
        return []
    return [block for chunk, gap in _chunks(body) for block in _lines_to_blocks(chunk, gap)]


def join(blocks: list[Block], texts: dict[int, str] | None = None) -> str:
    """The body of ``blocks``, block ``n`` (1-based) replaced by ``texts[n]`` if given."""
    texts = texts or {}
    return "".join(b.prefix + texts.get(n, b.text) + b.after for n, b in enumerate(blocks, start=1))


def aligned(first: list[Block], second: list[Block]) -> bool:
    """True when two bodies have the same blocks in the same order (so pair by number)."""
    return [b.shape for b in first] == [b.shape for b in second]
