"""Which registry a file came from: a short random key, made once per database.

The CSV export names a record without an external id ``qh-<key>-<id>``. An import reads such a
name as record #id only when the key is this registry's own, so an exported file updates the
records it came from, and a file from another registry never lands on unrelated records.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quadhelix.registry.model import Setting

KEY = "registry.key"
# What the export writes for a record without an external id; at most 9 digits (an INTEGER id).
EXPORT_KEY = re.compile(r"^qh-([0-9a-f]{6})-(\d{1,9})$")


def registry_key(session: Session) -> str:
    """This registry's key, made the first time an export needs it."""
    found = session.scalar(select(Setting.value).where(Setting.key == KEY))
    if found is not None:
        return found
    value = secrets.token_hex(3)
    try:
        with session.begin_nested():
            session.add(Setting(key=KEY, value=value))
    except IntegrityError:  # another export made it at the same moment
        return session.scalars(select(Setting.value).where(Setting.key == KEY)).one()
    return value


def stored_registry_key(connection: Connection) -> str | None:
    """The key, if an export ever made one (an import only reads it)."""
    query = select(Setting.value).where(Setting.key == KEY)
    return connection.execute(query).scalar_one_or_none()


def export_name(key: str, record_id: int) -> str:
    return f"qh-{key}-{record_id}"


def exported_id(name: str, key: str | None) -> int | None:
    """The database id an export's ``qh-<key>-<id>`` names, if ``key`` is this registry's."""
    found = EXPORT_KEY.match(name)
    if found is None or key is None or found.group(1) != key:
        return None
    return int(found.group(2))
