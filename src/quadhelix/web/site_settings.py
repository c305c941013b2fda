"""Settings an admin changes in the browser, kept in the registry's ``setting`` table.

"Public read-only" is on when the server was started with it (``--public-read-only`` or
``QUADHELIX_PUBLIC_READ_ONLY``: then the page cannot switch it off) or when an admin switched it
on in the settings page; every request sees the stored value at once, whatever the worker.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quadhelix.registry.model import Setting

PUBLIC_READ_ONLY = "web.public_read_only"


def stored_public_read_only(session: Session) -> bool:
    value = session.scalar(select(Setting.value).where(Setting.key == PUBLIC_READ_ONLY))
    return value == "true"


def store_public_read_only(session: Session, on: bool) -> None:
    setting = session.get(Setting, PUBLIC_READ_ONLY)
    if setting is None:
        session.add(Setting(key=PUBLIC_READ_ONLY, value="true" if on else "false"))
    else:
        setting.value = "true" if on else "false"
    session.flush()
