"""Password hashing with argon2id (RFC 9106), via argon2-cffi's recommended parameters."""

from __future__ import annotations

import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from quadhelix.registry.errors import InvalidValue

MIN_LENGTH = 10
MAX_LENGTH = 256


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def check_password_rules(password: str, field: str = "password") -> str:
    """Refuse passwords that are too short to resist guessing or too long to hash cheaply."""
    if len(password) < MIN_LENGTH:
        raise InvalidValue(
            field, "…", "a password has at least %(least)s characters", least=MIN_LENGTH
        )
    if len(password) > MAX_LENGTH:
        raise InvalidValue(
            field, "…", "a password has at most %(most)s characters", most=MAX_LENGTH
        )
    return password


def hash_password(password: str) -> str:
    return _hasher().hash(check_password_rules(password))


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher().check_needs_rehash(password_hash)


def waste_time_like_a_check(password: str) -> None:
    """Verify against a throw-away hash, so an unknown user name takes as long as a known one."""
    verify_password(_dummy_hash(), password)


def generate_password() -> str:
    """A random password for demo and reset use: 16 URL-safe characters, about 96 bits."""
    return secrets.token_urlsafe(12)
