"""Fill in deploy/nginx.conf's placeholders.

    python deploy/render_nginx.py --upstream 127.0.0.1:8000 \
        --static-root /srv/eurobrew/site/eurobrew/static \
        --media-root /srv/eurobrew/instance/uploads > /etc/nginx/conf.d/eurobrew.conf

With ``--standalone PREFIX`` it wraps the site in a complete nginx.conf that runs in the
foreground with every temporary path under PREFIX (what the tests and benchmarks use).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

STANDALONE = """\
daemon off;
worker_processes auto;
pid ${PREFIX}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path ${PREFIX}/client_body;
    proxy_temp_path ${PREFIX}/proxy;
    fastcgi_temp_path ${PREFIX}/fastcgi;
    uwsgi_temp_path ${PREFIX}/uwsgi;
    scgi_temp_path ${PREFIX}/scgi;
${SITE}
}
"""


PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``${NAME}`` placeholders; nginx's own ``$variables`` are left alone."""
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def render_site(**values: str) -> str:
    """The site configuration with its placeholders filled in."""
    return fill((HERE / "nginx.conf").read_text(), values)


def render_standalone(prefix: Path, **values: str) -> str:
    """A complete nginx.conf for a foreground nginx with all state under ``prefix``."""
    site = "\n".join("    " + line if line else "" for line in render_site(**values).splitlines())
    return fill(STANDALONE, {"PREFIX": str(prefix), "SITE": site})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address")
    parser.add_argument("--listen", default="80", help="nginx's listen directive value")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--static-root", required=True, help="site/eurobrew/static, absolute")
    parser.add_argument("--media-root", required=True, help="the upload folder, absolute")
    parser.add_argument("--cache-dir", default="/var/cache/nginx/eurobrew")
    parser.add_argument("--max-body", default="10m", help="largest upload nginx accepts")
    parser.add_argument("--standalone", metavar="PREFIX", help="emit a complete nginx.conf")
    args = parser.parse_args()
    values = {
        "UPSTREAM": args.upstream,
        "LISTEN": args.listen,
        "SERVER_NAME": args.server_name,
        "STATIC_ROOT": args.static_root,
        "MEDIA_ROOT": args.media_root,
        "CACHE_DIR": args.cache_dir,
        "MAX_BODY": args.max_body,
    }
    if args.standalone:
        print(render_standalone(Path(args.standalone), **values))
    else:
        print(render_site(**values))


if __name__ == "__main__":
    main()
