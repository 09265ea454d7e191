"""gunicorn workers killed (SIGKILL) while an admin saves: every edit that was answered as
saved is in the database afterwards, in the history on top of the version it was loaded
from, and the database is intact."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path

import soak
from http_client import AdminSession
from soak_editors import Editor, verify


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's children, read from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == master:
            children.append(int(stat.parent.name))
    return children


def test_killed_workers_lose_no_committed_edit(tmp_path):
    kills, stop = [], threading.Event()
    with soak.serve(
        tmp_path,
        os.environ.get("TEST_KILL_DATABASE_URL"),
        ports=(18610, 18620),
        articles=5,
        use_nginx=False,
        products=False,
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
    ) as site:
        master = int(site.pid_file.read_text())
        session = AdminSession(site.app)
        session.login(soak.ADMINS[0], site.password)
        editor = Editor(session, soak.ADMINS[0], threading.Barrier(1))  # one admin alone

        def killer():
            # Ten kills in quick succession, then one every second or two: a new worker
            # needs a moment to start, and on a slow machine a steady storm would leave
            # almost no edit answered at all.
            rng = random.Random(7)
            while not stop.wait(rng.uniform(0.1, 0.4) if len(kills) < 10 else rng.uniform(1, 2)):
                pids = worker_pids(master)
                if pids:
                    pid = rng.choice(pids)
                    os.kill(pid, signal.SIGKILL)  # a worker of the gunicorn started above
                    kills.append(pid)

        thread = threading.Thread(target=killer)
        thread.start()
        # Edit until enough kills have landed and enough edits were answered, not for a
        # fixed count: how many of each fit into a number of edits depends on how fast
        # this machine answers.
        deadline, number = time.monotonic() + 180, 0
        try:
            while number < 36 or len(kills) < 10 or editor.cut_off == 0 or editor.saved < 15:
                if time.monotonic() > deadline:
                    break
                editor.edit(number)
                number += 1
        finally:
            stop.set()
            thread.join()
    lost, integrity = (
        verify(site.database_url, [editor]),
        soak.database_integrity(site.database_url),
    )
    figures = f"{len(kills)} kills, {editor.saved} saved, {editor.cut_off} cut off"
    assert len(kills) >= 10, figures
    assert editor.cut_off > 0, figures  # some kills did land mid-request
    assert editor.saved >= 15, (figures, editor.refused)
    assert not lost, lost
    assert integrity == "ok"
