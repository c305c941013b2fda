"""The settings object refuses unsafe values, and the secret key is made once and kept."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quadhelix.registry.database import make_engine
from quadhelix.web.settings import Settings, load_or_create_secret, secret_for


@pytest.mark.parametrize(
    "key", ["changethis", "changethis-changethis-changethis-1", "a" * 40, "short-but-random-9f8"]
)
def test_placeholder_or_weak_secret_keys_are_refused(key: str) -> None:
    with pytest.raises(ValidationError, match="secret key"):
        Settings(database_url="x.db", secret_key=key)


def test_a_random_secret_key_is_accepted() -> None:
    settings = Settings(database_url="x.db", secret_key="k3J9-vQ2xZ8pL5mN7rT1wY4uB6cE0gH2")
    assert settings.secret_key is not None
    assert "k3J9" not in repr(settings)  # secrets do not leak into logs


def test_plain_http_cookies_only_on_localhost() -> None:
    assert not Settings(database_url="x.db", secure_cookies=False, host="127.0.0.1").secure_cookies
    assert not Settings(database_url="x.db", secure_cookies=False, host="::1").secure_cookies
    with pytest.raises(ValidationError, match="localhost"):
        Settings(database_url="x.db", secure_cookies=False, host="0.0.0.0")


def test_database_urls_are_read_like_the_cli_does() -> None:
    assert Settings(database_url="city.db").database_url == "sqlite:///city.db"
    url = Settings(database_url="postgresql://u@h/db").database_url
    assert url == "postgresql+psycopg://u@h/db"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUADHELIX_PUBLIC_READ_ONLY", "true")
    monkeypatch.setenv("QUADHELIX_SESSION_LIFETIME", "PT1H")
    settings = Settings(database_url="x.db")
    assert settings.public_read_only
    assert settings.session_lifetime.total_seconds() == 3600


def test_the_generated_secret_is_stored_once_and_reused(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        first = load_or_create_secret(engine)
        assert len(first) >= 48
        assert load_or_create_secret(engine) == first
        given = Settings(database_url=db_url, secret_key="k3J9-vQ2xZ8pL5mN7rT1wY4uB6cE0gH2")
        assert secret_for(given, engine) == b"k3J9-vQ2xZ8pL5mN7rT1wY4uB6cE0gH2"
    finally:
        engine.dispose()
