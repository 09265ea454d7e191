"""``flask messages purge``: old contact messages are deleted, as the privacy notice says."""

from datetime import timedelta

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from eurobrew.models.base import utcnow


def add_aged(app, days: int) -> None:
    with app.app_context():
        db.session.add(
            ContactMessage(
                name=f"{days} days",
                email="a@example.sk",
                text="Hello",
                language="sk",
                created_at=utcnow() - timedelta(days=days),
            )
        )
        db.session.commit()


def names(app) -> list[str]:
    with app.app_context():
        return sorted(db.session.scalars(select(ContactMessage.name)))


def test_purge_keeps_a_year_by_default(app, runner):
    for days in (400, 366, 364, 10):
        add_aged(app, days)
    result = runner.invoke(args=["messages", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 messages older than 365 days." in result.output
    assert names(app) == ["10 days", "364 days"]


def test_purge_older_than_a_given_number_of_days(app, runner):
    for days in (40, 20, 1):
        add_aged(app, days)
    result = runner.invoke(args=["messages", "purge", "--older-than", "30"])
    assert result.exit_code == 0 and "Deleted 1 message older than 30 days." in result.output
    assert names(app) == ["1 days", "20 days"]
    assert runner.invoke(args=["messages", "purge", "--older-than", "5"]).exit_code == 0
    assert names(app) == ["1 days"]


def test_purge_follows_the_retention_setting_and_refuses_nonsense(app, runner):
    app.config["CONTACT_RETENTION_DAYS"] = 7
    add_aged(app, 8)
    assert (
        "Deleted 1 message older than 7 days." in runner.invoke(args=["messages", "purge"]).output
    )
    for bad in ("0", "-3", "soon"):
        result = runner.invoke(args=["messages", "purge", "--older-than", bad])
        assert result.exit_code == 2, bad


def test_resend_with_nothing_unsent(app, runner):
    result = runner.invoke(args=["messages", "resend"])
    assert result.exit_code == 0 and "No unsent messages." in result.output
