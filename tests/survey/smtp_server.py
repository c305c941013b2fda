"""A tiny SMTP server for tests (RFC 5321's plain subset): it keeps every message it receives.

Python 3.12 dropped ``smtpd``; this is enough for ``smtplib`` with ``security = none``.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message


@dataclass
class Mailbox:
    messages: list[Message] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)


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
