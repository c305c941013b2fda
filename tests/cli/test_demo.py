"""``quadhelix demo``: builds the demo city, prints its stats, never overwrites real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quadhelix.accounts.service import authenticate
from quadhelix.registry.database import make_engine, transaction
from quadhelix.web.settings import Settings
from tests.cli.helpers import Quadhelix


def test_demo_builds_the_city_and_prints_stats(qh: Quadhelix) -> None:
    stats = qh("demo", "--no-serve", "--json").json()
    assert stats["actors"]["by_kind"]["department"] + stats["actors"]["by_kind"]["team"] >= 55
    assert 550 <= stats["actors"]["total"] <= 750
    assert all(count > 0 for count in stats["actors"]["by_helix"].values())
    assert 140 <= stats["coalitions"]["total"] <= 160
    assert stats["coalitions"]["by_kind"]["event"] == 2
    assert stats["memberships"] > stats["coalitions"]["total"] * 3
    assert stats["ties"]["total"] > 1000
    assert qh("stats", "--json").json() == stats


def test_demo_replaces_a_demo_but_refuses_other_data(tmp_path: Path) -> None:
    qh = Quadhelix(f"sqlite:///{tmp_path / 'demo.db'}")
    first = qh("demo", "--no-serve")
    assert "Built the demo city" in first.stdout
    assert "Memberships:" in first.stdout
    assert "Try:" not in first.stdout
    qh("actors", "add", "Extra vzw", "--helix", "middenveld")
    qh("demo", "--no-serve")
    assert qh("actors", "list", "--search", "Extra vzw", "--json").json() == []

    other = Quadhelix(f"sqlite:///{tmp_path / 'city.db'}")
    other("init")
    other("actors", "add", "Echte vzw", "--helix", "middenveld")
    message = other.error("demo", "--no-serve")
    assert "not the demo" in message
    assert [a["name"] for a in other("actors", "list", "--json").json()] == ["Echte vzw"]


def test_demo_serves_the_city_with_a_demo_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --no-serve the demo prints its story and credentials, then starts the server."""
    import quadhelix.web.server

    started: list[tuple[Settings, int]] = []
    monkeypatch.setattr(
        quadhelix.web.server, "run", lambda settings, port, **_: started.append((settings, port))
    )
    qh = Quadhelix(f"sqlite:///{tmp_path / 'demo.db'}")
    run = qh("demo", "--port", "8123")
    assert "fictional" in run.stdout
    assert "silo" in run.stdout
    assert "Seminars:" in run.stdout
    assert f"--db {tmp_path / 'demo.db'}" in run.stdout
    match = re.search(r"as (\S+) with password (\S+)", run.stdout)
    assert match is not None
    [(settings, port)] = started
    assert port == 8123
    assert settings.database_url == qh.db_url
    engine = make_engine(qh.db_url)
    try:
        with transaction(engine) as session:
            user = authenticate(session, match.group(1), match.group(2))
            assert user is not None and user.role.value == "admin"
    finally:
        engine.dispose()
