"""A short soak: public traffic from wrk while two admins make 30 edits each, often of the
same article at the same moment; every save is kept, every conflict keeps the typed text."""

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
        products=False,
    )
    assert report.passed, report.text()
    assert report.total("saved") == 2 * 30, report.text()
    assert report.total("conflicts") >= 5, report.text()  # the admins did collide
    assert int(report.wrk["requests"]) > 0, report.text()
