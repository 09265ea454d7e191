"""Fill in deploy/nginx.conf's placeholders.

    python deploy/render_nginx.py --upstream 127.0.0.1:8000 \
        --static-root /srv/eurobrew/site/eurobrew/static \
        --media-root /srv/eurobrew/instance/uploads > /etc/nginx/conf.d/eurobrew.conf

With ``--tls-cert`` and ``--tls-key`` the site is served over HTTPS (HTTP/2) on
``--https-listen`` (443) with deploy/nginx-tls.conf's settings, and ``--listen`` (80) only
redirects to it (deploy/nginx-redirect.conf).

With ``--standalone PREFIX`` it wraps the site in a complete nginx.conf that runs in the
foreground with every temporary path under PREFIX (what the tests and benchmarks use).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Tls:
    """HTTPS for the site: certificate chain and key files, and the address to listen on."""

    cert: str
    key: str
    listen: str = "443"

    def port_suffix(self) -> str:
        """``:PORT`` for redirects to the HTTPS site, empty on the default port 443."""
        port = self.listen.rsplit(":", 1)[-1]
        return "" if port == "443" else f":{port}"


def indent(text: str, prefix: str = "    ") -> str:
    """``text`` with every non-empty line indented by ``prefix``."""
    return "\n".join(prefix + line if line else "" for line in text.splitlines())


def without_tls(template: str) -> str:
    """A template with its ``${TLS}`` line removed, for plain HTTP."""
    return re.sub(r"^[ \t]*\$\{TLS\}\n", "", template, flags=re.M)


def default_server(listen: str, certificate: str = "") -> str:
    """The catch-all server for ``listen``: it closes requests for names not the site's."""
    template = (HERE / "nginx-default.conf").read_text()
    if not certificate:
        return fill(without_tls(template), {"LISTEN": listen})
    return fill(template, {"LISTEN": listen, "TLS": certificate})


def render_site(tls: Tls | None = None, **values: str) -> str:
    """The site configuration with its placeholders filled in; over HTTPS with ``tls``."""
    site = (HERE / "nginx.conf").read_text()
    if tls is None:
        return fill(without_tls(site), values) + "\n" + default_server(values["LISTEN"])
    settings = fill(
        (HERE / "nginx-tls.conf").read_text(), {"TLS_CERT": tls.cert, "TLS_KEY": tls.key}
    )
    # ${TLS} stands indented in nginx.conf: its first line is indented already.
    https_listen = f"{tls.listen} ssl http2"
    https = {**values, "LISTEN": https_listen, "TLS": indent(settings).lstrip()}
    redirect = fill(
        (HERE / "nginx-redirect.conf").read_text(),
        {
            "LISTEN": values["LISTEN"],
            "SERVER_NAME": values["SERVER_NAME"],
            "HTTPS_PORT": tls.port_suffix(),
        },
    )
    # The catch-all on the HTTPS port completes the handshake with the site's certificate
    # (clients that name an address send no SNI) and then closes the request.
    certificate = f"ssl_certificate {tls.cert};\n    ssl_certificate_key {tls.key};"
    defaults = default_server(values["LISTEN"]) + "\n" + default_server(https_listen, certificate)
    return "\n".join((fill(site, https), redirect, defaults))


def render_standalone(prefix: Path, tls: Tls | None = None, **values: str) -> str:
    """A complete nginx.conf for a foreground nginx with all state under ``prefix``."""
    return fill(STANDALONE, {"PREFIX": str(prefix), "SITE": indent(render_site(tls, **values))})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address")
    parser.add_argument("--listen", default="80", help="nginx's listen value for plain HTTP")
    parser.add_argument(
        "--server-name",
        default="localhost 127.0.0.1",
        help="the site's host names, space-separated; requests for others are closed (444)",
    )
    parser.add_argument("--static-root", required=True, help="site/eurobrew/static, absolute")
    parser.add_argument("--media-root", required=True, help="the upload folder, absolute")
    parser.add_argument("--cache-dir", default="/var/cache/nginx/eurobrew")
    parser.add_argument("--max-body", default="10m", help="largest upload nginx accepts")
    parser.add_argument("--standalone", metavar="PREFIX", help="emit a complete nginx.conf")
    parser.add_argument("--tls-cert", help="certificate chain (PEM): serve the site over HTTPS")
    parser.add_argument("--tls-key", help="the certificate's private key (PEM)")
    parser.add_argument("--https-listen", default="443", help="listen value for HTTPS")
    args = parser.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    tls = Tls(args.tls_cert, args.tls_key, args.https_listen) if args.tls_cert else None
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
        print(render_standalone(Path(args.standalone), tls, **values))
    else:
        print(render_site(tls, **values))


if __name__ == "__main__":
    main()
