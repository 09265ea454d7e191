"""A short soak: public traffic from wrk while an admin saves 30 edits; nothing is lost."""

import os
import shutil

import soak
from support import tool_missing


def test_a_short_soak_loses_no_edit_and_answers_no_5xx(tmp_path):
    if shutil.which("wrk") is None:
        tool_missing("wrk (Debian package wrk)")
    report = soak.soak(
        tmp_path,
        seconds=5,
        edits=30,
        connections=16,
        database_url=os.environ.get("TEST_SOAK_DATABASE_URL"),
        ports=(18620, 18640),
    )
    assert report.passed, report.text()
    assert report.editor.saved == 30, report.text()
    assert int(report.wrk["requests"]) > 0, report.text()
