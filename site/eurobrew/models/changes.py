"""Whether the database may have changed since a worker thread last read it, without asking it.

The content stamp is read before every public page. On PostgreSQL that read is a round trip
to the server (about a tenth of a cold page's cost, and of the server's CPU), so a thread
keeps the stamp it read and reads it again only when something may have changed:

- SQLite: ``PRAGMA data_version`` changes whenever another connection commits to the file
  (a read of the open file's header, in process: exact, whoever wrote);
- PostgreSQL: the kept connection LISTENs on ``CHANGES_CHANNEL``, and every content change
  notifies it in its own transaction (``bump_content_version``), delivered at commit.
  Looking for a notification reads the connection's socket, without a round trip. Another
  worker's change is seen once the server has delivered the notification, which it does as
  the change commits; a change made in this process is seen at once (``LocalChanges``);
- either way, the stamp's reader does not trust a mark older than ``RECHECK_AFTER``.
"""

from __future__ import annotations

import select
import threading
from dataclasses import dataclass

from .kept_connection import KeptConnection
from .state import CHANGES_CHANNEL, LocalChanges


@dataclass(frozen=True)
class Mark:
    """What the database looked like to one thread: its connection and a change token."""

    connection: object
    token: int | None
    local_changes: int


class ChangeWatch:
    """Marks taken on the kept connection of the calling thread, and whether they still hold."""

    def __init__(self, connection: KeptConnection):
        self.kept = connection
        self.postgresql = connection.engine.dialect.name == "postgresql"
        self.errors = connection.engine.dialect.loaded_dbapi.Error
        self.local = threading.local()  # the connection this thread LISTENs on

    def mark(self) -> Mark:
        """Now, before the stamp is read: a change from here on breaks the mark.

        A dropped connection (a server restart) is replaced and tried once more.
        """
        try:
            return self._mark()
        except self.errors:
            self.kept.reset()
            return self._mark()

    def _mark(self) -> Mark:
        connection = self.kept.connection()
        local_changes = LocalChanges.count
        if self.postgresql:
            self._listen(connection)
            self._drain(connection)
            return Mark(connection, None, local_changes)
        return Mark(connection, self._data_version(), local_changes)

    def holds(self, mark: Mark) -> bool:
        """Whether nothing has changed since ``mark``: same connection, no commit seen."""
        connection = self.kept.current()
        if connection is not mark.connection or LocalChanges.count != mark.local_changes:
            return False
        try:
            if self.postgresql:
                return not self._drain(connection) and not _unread_input(connection)
            return self._data_version() == mark.token
        except self.errors:
            # The connection failed (a server restart): the next read opens a new one.
            self.kept.reset()
            return False

    def _listen(self, connection) -> None:
        if getattr(self.local, "listening", None) is not connection:
            with connection.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANGES_CHANNEL}")
            self.local.listening = connection

    @staticmethod
    def _drain(connection) -> bool:
        """Whether notifications had come (received now or during earlier statements).

        Every one is read, so that a burst of edits costs one more read of the stamp, not one
        per notification.
        """
        return bool(list(connection.dbapi_connection.notifies(timeout=0)))

    def _data_version(self) -> int:
        """SQLite's count of other connections' commits, read on the thread's kept cursor."""
        cursor = self.kept.cursor()
        cursor.execute("PRAGMA data_version")
        ((version,),) = cursor.fetchall()  # every row: the statement is done, no snapshot
        return version


def _unread_input(connection) -> bool:
    """Whether the server sent more than the notifications just read.

    A server that shuts down sends its reason and then closes the connection, and one read
    takes only the first: what is left is read by the stamp's statement, which then fails
    (a 503) rather than a page being answered from the kept stamp.
    """
    readable, _, _ = select.select([connection.dbapi_connection.fileno()], [], [], 0)
    return bool(readable)
