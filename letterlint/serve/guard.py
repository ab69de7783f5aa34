"""Who may talk to the local page's server: only the page it served, on this computer.

Three checks, each answered with 403 and nothing else:
- `Host` must name the server itself (127.0.0.1:PORT or localhost:PORT). A web page whose
  domain was re-pointed at 127.0.0.1 (DNS rebinding) sends its own domain here.
- `Origin`, when a browser sends one, must be the page's own. Another site's script
  cannot read the answers anyway, but it must not even get a letter linted.
- The token printed at start-up (and carried in the page's address) must come with every
  API call, so other programs and other users of this computer are kept out too.
"""

from __future__ import annotations

import hmac
import secrets

TOKEN_BYTES = 24  # 192 bits; the contract asks for at least 128
MAX_BODY = 2 * 1024 * 1024  # a letter is a few kilobytes; 2 MB is generous
MAX_UPLOAD = 20 * 1024 * 1024  # a Word file may carry pictures; the reader's own limit


def new_token() -> str:
    """A fresh random token for one run of the server (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}"})


def host_ok(host: str | None, port: int) -> bool:
    return host is not None and host.strip().lower() in allowed_hosts(port)


def origin_ok(origin: str | None, port: int) -> bool:
    """No Origin (a non-browser client, or a same-origin GET) is fine; any other must be ours."""
    if origin is None:
        return True
    return origin.strip().lower() in {f"http://{host}" for host in allowed_hosts(port)}


def token_ok(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())
