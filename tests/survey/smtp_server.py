"""A tiny SMTP server for tests (RFC 5321's plain subset): it keeps every message it receives.

Python 3.12 dropped ``smtpd``; this is enough for ``smtplib`` with ``security = none``.
``smtp_environment`` points the ``QUADHELIX_SMTP_*`` settings (CLI, pages and API) at it.
"""

from __future__ import annotations

import os
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

import pytest


@dataclass
class Mailbox:
    messages: list[Message] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    hang_up_after: int | None = None  # drop the connection once this many messages arrived

    def links(self) -> dict[str, str]:
        """The survey link in each message, by recipient."""
        found = {}
        for message, recipients in zip(self.messages, self.recipients, strict=True):
            body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
            link = next(w for w in body.split() if "/survey/sv_" in w)
            found.update((r, link) for r in recipients)
        return found


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._say("220 localhost test SMTP")
        recipients: list[str] = []
        while raw := self.rfile.readline():
            command = raw.decode().strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 localhost")
            elif verb == "MAIL":
                limit = self.server.mailbox.hang_up_after
                if limit is not None and len(self.server.mailbox.messages) >= limit:
                    return  # as a server that falls over in the middle of a mailing
                recipients = []
                self._say("250 OK")
            elif verb == "RCPT":
                address = command.partition(":")[2].strip().strip("<>")
                if address in self.server.mailbox.refuse:
                    self._say("550 no such user")
                else:
                    recipients.append(address)
                    self._say("250 OK")
            elif verb == "DATA":
                self._say("354 end with .")
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                self.server.mailbox.messages.append(message_from_bytes(b"".join(lines)))
                self.server.mailbox.recipients.append(recipients)
                self._say("250 queued")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("250 OK")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    mailbox: Mailbox


@contextmanager
def smtp_server() -> Iterator[tuple[int, Mailbox]]:
    """A server on a free local port; yields the port and the mailbox."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mailbox = Mailbox()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], server.mailbox
    finally:
        server.shutdown()
        server.server_close()


def clear_smtp_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No mail server, whatever the machine running the tests has set."""
    for name in list(os.environ):
        if name.startswith("QUADHELIX_SMTP_"):
            monkeypatch.delenv(name)


def smtp_environment(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    """The settings that make the CLI, pages and API mail through the test server."""
    clear_smtp_environment(monkeypatch)
    monkeypatch.setenv("QUADHELIX_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("QUADHELIX_SMTP_PORT", str(port))
    monkeypatch.setenv("QUADHELIX_SMTP_SECURITY", "none")
    monkeypatch.setenv("QUADHELIX_SMTP_SENDER", "Survey <survey@example.org>")
