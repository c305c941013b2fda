"""One typed settings object for the web application, validated when it is made.

Values come from arguments or ``QUADHELIX_*`` environment variables. A secret key that looks like
a placeholder is refused; without one, a random key is made and kept in the database.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from ipaddress import ip_address
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from quadhelix.registry.database import resolve_url, transaction
from quadhelix.registry.model import Setting

SECRET_SETTING = "web_secret_key"  # noqa: S105  (the key under which it is stored)
_PLACEHOLDERS = ("changethis", "changeme", "change-me", "secret", "password", "example", "xxx")


def default_vendor_dir() -> Path:
    """``node_modules`` at the root of the source tree, where ``npm ci`` puts it."""
    return Path(__file__).resolve().parents[3] / "node_modules"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUADHELIX_", extra="forbid", frozen=True)

    database_url: str = Field(
        default_factory=lambda: resolve_url(None),
        description="Database URL or SQLite file, as for the CLI's --db.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Key for signing; at least 32 characters. Made and stored if not given.",
    )
    public_read_only: bool = Field(
        default=False, description="Let anyone read the registry without signing in."
    )
    secure_cookies: bool = Field(
        default=True, description="Send cookies over HTTPS only; off only for http on localhost."
    )
    host: str = Field(default="127.0.0.1", description="Address the server listens on.")
    base_url: str | None = Field(
        default=None,
        description="Public address of the application, for the links in survey mails and CSVs "
        "(the CLI reads the same variable); without it, the address a request came in on.",
    )
    session_lifetime: timedelta = Field(default=timedelta(hours=12), gt=timedelta(0))
    login_attempts_per_user: int = Field(default=5, ge=1)
    login_attempts_per_client: int = Field(default=50, ge=1)
    login_window: timedelta = Field(default=timedelta(minutes=15), gt=timedelta(0))
    max_page_size: int = Field(default=500, ge=10)
    vendor_dir: Path = Field(default_factory=default_vendor_dir)

    @field_validator("database_url")
    @classmethod
    def _url(cls, value: str) -> str:
        return resolve_url(value)

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("the base URL starts with https:// (or http://)")
        return value

    @field_validator("secret_key")
    @classmethod
    def _no_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        key = value.get_secret_value()
        if len(key) < 32:
            raise ValueError("a secret key has at least 32 characters")
        if any(word in key.lower() for word in _PLACEHOLDERS) or len(set(key)) < 8:
            raise ValueError("the secret key looks like a placeholder; generate a random one")
        return value

    @model_validator(mode="after")
    def _cookies_secure_off_localhost(self) -> Self:
        if not self.secure_cookies and not is_loopback(self.host):
            raise ValueError(
                "secure_cookies can be switched off only for plain http on localhost "
                f"(host is {self.host!r}); put the server behind HTTPS instead"
            )
        return self


def load_or_create_secret(engine: Engine) -> str:
    """The secret kept in the ``setting`` table, made on first use (safe if two start at once)."""
    for _ in range(2):
        try:
            with transaction(engine) as session:
                stored = session.scalar(select(Setting).where(Setting.key == SECRET_SETTING))
                if stored is not None:
                    return stored.value
                value = secrets.token_urlsafe(48)
                session.add(Setting(key=SECRET_SETTING, value=value))
                return value
        except IntegrityError:
            continue
    raise RuntimeError("could not store the web secret key")


def secret_for(settings: Settings, engine: Engine) -> bytes:
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    return load_or_create_secret(engine).encode()
