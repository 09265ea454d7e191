"""The framework's ceiling: the smallest Flask app, served under the same gunicorn config."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    """A constant page."""
    return "Hello, World!"
