"""Browser-facing safety: cookie attributes, CSRF tokens and the headers on every response.

* Sessions are server-side (``accounts.tokens``); the cookie holds only a random id, marked
  HttpOnly, SameSite=Lax and, outside plain-http localhost, Secure with the ``__Host-`` prefix.
* Every unsafe form request carries a synchroniser token tied to the session; the sign-in form,
  which has no session yet, uses a double-submit cookie whose form value is an HMAC of it.
  API calls with a bearer token are exempt (a browser never adds that header by itself); API
  calls that ride on the session cookie must send the token in ``X-CSRF-Token``.
* The Content-Security-Policy allows scripts and styles from this server only: no inline code.
* A request body larger than the largest upload is refused with 413 while it arrives, before
  anything is parsed or spooled to disk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
LANGUAGE_COOKIE = "qh_lang"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)


def session_cookie_name(secure: bool) -> str:
    """``__Host-`` makes browsers refuse the cookie unless it is Secure, host-only, Path=/."""
    return "__Host-qh_session" if secure else "qh_session"


def login_cookie_name(secure: bool) -> str:
    return "__Host-qh_login" if secure else "qh_login"


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def login_form_token(secret: bytes, nonce: str) -> str:
    """The sign-in form's CSRF value: an HMAC of the nonce in its cookie."""
    return hmac.new(secret, f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def tokens_match(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def client_address(connection: HTTPConnection) -> str:
    """The peer address; behind a proxy, uvicorn's --forwarded-allow-ips sets it correctly."""
    return connection.client.host if connection.client else "unknown"


def safe_next(target: str | None, default: str = "/") -> str:
    """A redirect target on this site only: a path, never ``//host`` or a full URL."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ch in target for ch in "\r\n\\"):
        return default
    return target


def security_headers(hsts: bool) -> list[tuple[str, str]]:
    """The headers every response carries (HSTS only when the site is served over HTTPS)."""
    headers = list(_HEADERS)
    if hsts:
        headers.append(("Strict-Transport-Security", "max-age=31536000"))
    return headers


class SecurityHeaders:
    """ASGI middleware adding the security headers, and ``no-store`` outside ``/static``."""

    def __init__(self, app: ASGIApp, *, hsts: bool, extra: Iterable[tuple[str, str]] = ()):
        self.app = app
        self.headers = security_headers(hsts) + list(extra)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    if name not in headers:
                        headers[name] = value
                if not cacheable and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    """Raised from ``receive`` when a body passes the limit."""


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413.

    A declared ``Content-Length`` over the limit is refused before the body is read; a body
    without one (chunked) is counted as it arrives and cut off at the limit, so a large upload
    never reaches the form parser, which would otherwise spool it whole to a temporary file.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        too_large = started = False

        async def counted() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if too_large and not started:
                return  # the app's own error response for the cut-off body: 413 replaces it
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except Exception:
            if not too_large or started:
                raise
        if too_large and not started:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Made only when needed: other middleware may change a response's headers in place."""
        message = f"the request is larger than {self.max_bytes // 1024**2} MB"
        await PlainTextResponse(message, status_code=413)(scope, receive, send)
