"""The audit trail of account security events (second factors, their resets and failures)."""

from __future__ import annotations

from flask import current_app, has_request_context, request

from .access import log_safe


def record_event(action: str, username: str | None, detail: str = "") -> None:
    """Note ``action`` on the account ``username`` with the client's address, in the log."""
    address = (request.remote_addr or "-") if has_request_context() else "-"
    current_app.logger.info(
        "audit: action=%s user=%s address=%s detail=%s",
        log_safe(action),
        log_safe(username),
        log_safe(address),
        log_safe(detail),
    )
