"""The TechEmpower "Fortunes" test in Flask: the ceiling of an ORM read and a template.

One table, ``fortune(id, message)``, with the benchmark's 12 rows. A request reads them all
through Flask-SQLAlchemy, adds one more in memory, sorts them by message and renders an
escaped HTML table with Jinja. The database is ``FORTUNES_DATABASE_URL`` (SQLite or
PostgreSQL); ``python bench/fortunes.py URL`` creates the table and its rows there.
"""

from __future__ import annotations

import os
import sys

from flask import Flask, render_template
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Integer, String, create_engine, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROWS = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. — Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    '<script>alert("This should not be displayed in a browser alert box.");</script>',
    "フレームワークのベンチマーク",
]
ADDED = "Additional fortune added at request time."


class Base(DeclarativeBase):
    """The declarative base of the one model."""


db = SQLAlchemy(model_class=Base)


class Fortune(db.Model):
    """A row of the ``fortune`` table."""

    __tablename__ = "fortune"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message: Mapped[str] = mapped_column(String(2048))


def create_app(database_url: str) -> Flask:
    """The app on ``database_url``."""
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    db.init_app(app)

    @app.route("/fortunes")
    def fortunes():
        """Every fortune and one more, by message, as an HTML table."""
        rows = list(db.session.scalars(db.select(Fortune)))
        rows.append(Fortune(id=0, message=ADDED))
        rows.sort(key=lambda fortune: fortune.message)
        return render_template("fortunes.html", fortunes=rows)

    return app


def create_table(database_url: str) -> None:
    """Create the ``fortune`` table with the benchmark's rows in an empty database."""
    engine = create_engine(database_url)
    try:
        Base.metadata.create_all(engine)
        with engine.begin() as connection:
            rows = [{"id": n, "message": text} for n, text in enumerate(ROWS, start=1)]
            connection.execute(insert(Fortune), rows)
    finally:
        engine.dispose()


app = create_app(os.environ.get("FORTUNES_DATABASE_URL", "sqlite://"))

if __name__ == "__main__":
    create_table(sys.argv[1])
