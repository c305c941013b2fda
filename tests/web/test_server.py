"""``quadhelix serve`` builds the right settings and hands them to uvicorn (not started here)."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from quadhelix.cli import app
from quadhelix.web import server
from quadhelix.web.settings import Settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Settings, int, dict[str, Any]]]:
    calls: list[tuple[Settings, int, dict[str, Any]]] = []
    monkeypatch.setattr(
        server, "run", lambda settings, port, **kw: calls.append((settings, port, kw))
    )
    return calls


def test_serve_on_localhost_uses_plain_http_cookies(db_url: str, served: list[Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", db_url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    settings, port, options = served[0]
    assert port == 8123 and settings.database_url == db_url
    assert not settings.secure_cookies and not settings.public_read_only
    assert options == {"forwarded_allow_ips": None}
    assert "http://127.0.0.1:8123/" in result.stdout


def test_serve_elsewhere_insists_on_secure_cookies(db_url: str, served: list[Any]) -> None:
    args = [
        "serve",
        "--db",
        db_url,
        "--host",
        "0.0.0.0",
        "--public-read-only",
        "--forwarded-allow-ips",
        "10.0.0.5",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    settings, _port, options = served[0]
    assert settings.secure_cookies and settings.public_read_only and settings.host == "0.0.0.0"
    assert options == {"forwarded_allow_ips": "10.0.0.5"}
    refused = CliRunner().invoke(app, [*args[:5], "--no-secure-cookies"])
    assert refused.exit_code != 0


def test_serve_refuses_a_database_without_registry(tmp_path: Any, served: list[Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and "quadhelix init" in result.stderr
    assert served == []
