"""A throwaway certificate authority and a server certificate for loopback HTTPS.

Made with the ``openssl`` command line, so nothing beyond the system's OpenSSL is needed.
The certificate names ``localhost`` and ``127.0.0.1``; clients trust it through the CA file
(``NODE_EXTRA_CA_CERTS`` for Node, ``ssl.create_default_context(cafile=...)`` for Python).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Valid for two days: long enough for any run, useless if a file ever leaks.
DAYS = "2"
# P-256 keys: quick to make, accepted by every client.
KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
SERVER_EXTENSIONS = """\
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
"""


@dataclass(frozen=True)
class LocalTls:
    """Files of a local CA and of the server certificate it signed."""

    ca: Path
    cert: Path
    key: Path


def openssl_path() -> str | None:
    """The openssl binary, or None when it is not installed."""
    return shutil.which("openssl")


def run_openssl(*args: str) -> None:
    """Run ``openssl`` with ``args``; raise with its output when it fails."""
    result = subprocess.run(["openssl", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"openssl {args[0]} failed:\n{result.stderr}")


def make_local_tls(folder: Path) -> LocalTls:
    """Create a CA and a certificate for localhost/127.0.0.1 signed by it, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ca, ca_key = folder / "ca.pem", folder / "ca.key"
    cert, key, request = folder / "server.pem", folder / "server.key", folder / "server.csr"
    extensions = folder / "server.ext"
    extensions.write_text(SERVER_EXTENSIONS)
    run_openssl(
        "req", "-x509", *KEY, "-keyout", str(ca_key), "-out", str(ca), "-days", DAYS,
        "-subj", "/CN=Euro-Brew throwaway test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    run_openssl(
        "req", *KEY, "-keyout", str(key), "-out", str(request), "-subj", "/CN=localhost"
    )  # fmt: skip
    run_openssl(
        "x509", "-req", "-in", str(request), "-CA", str(ca), "-CAkey", str(ca_key),
        "-set_serial", str(secrets.randbits(63)), "-days", DAYS,
        "-extfile", str(extensions), "-out", str(cert),
    )  # fmt: skip
    # nginx's master reads the key as root; its workers need neither file.
    key.chmod(0o600)
    ca_key.unlink()  # nothing else is ever signed with it
    return LocalTls(ca=ca, cert=cert, key=key)
