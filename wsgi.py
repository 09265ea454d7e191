"""The WSGI entry point: gunicorn serves ``wsgi:app``, Flask's CLI uses ``--app wsgi``."""

from eurobrew import create_app

app = create_app()
