"""Recovery codes: ten single-use codes for a lost phone, stored as slow hashes."""

from __future__ import annotations

import secrets

from sqlalchemy import delete
from werkzeug.security import check_password_hash

from ..extensions import db
from ..models import RecoveryCode, User
from ..models.factors import unused_recovery_codes
from ..models.users import hash_password

CODE_COUNT = 10
# No 0/o, 1/l/i: the codes are copied from paper.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 10  # about 49 bits each


def normal_code(code: str) -> str:
    """A typed code without spaces and dashes, in lower case."""
    return "".join(char for char in code.lower() if char.isalnum())


def new_recovery_codes(user: User) -> list[str]:
    """Replace the account's recovery codes with ten new ones; returns them (shown once)."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(CODE_COUNT):
        raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        db.session.add(RecoveryCode(user_id=user.id, code_hash=hash_password(raw)))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    db.session.commit()
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """True when ``code`` is one of the account's unused codes; it is used up at once."""
    code = normal_code(code)
    if len(code) != CODE_LENGTH:
        return False
    for row in unused_recovery_codes(user.id):
        if check_password_hash(row.code_hash, code):
            used = row.use()
            db.session.commit()
            return used
    return False
