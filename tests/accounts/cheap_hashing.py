"""Cheap argon2 parameters for tests: the real ones cost a second per sign-in on a busy CI box.

The production parameters are checked in ``test_passwords.py``; everything else only needs a
hash that verifies, so the hasher is swapped for one with minimal cost while a test session runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from argon2 import PasswordHasher

from quadhelix.accounts import passwords

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@contextmanager
def cheap_password_hashing() -> Iterator[None]:
    original = passwords._hasher
    passwords._hasher = lambda: CHEAP  # type: ignore[assignment]
    passwords._dummy_hash.cache_clear()
    try:
        yield
    finally:
        passwords._hasher = original
        passwords._dummy_hash.cache_clear()
