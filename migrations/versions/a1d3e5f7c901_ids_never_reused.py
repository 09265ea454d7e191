"""Ids never reused: AUTOINCREMENT on the SQLite tables whose ids reach URLs and forms

Revision ID: a1d3e5f7c901
Revises: acb49a4024c2
Create Date: 2026-12-01 16:30:00

PostgreSQL's sequences never hand out an id twice; SQLite without AUTOINCREMENT reuses the
id of the last row deleted. The tables are rebuilt with their rows, indexes and keys.
"""
from alembic import op


revision = 'a1d3e5f7c901'
down_revision = 'acb49a4024c2'
branch_labels = None
depends_on = None

TABLES = ("articles", "pages", "contact_messages", "users")


def rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade():
    rebuild(True)


def downgrade():
    rebuild(False)
