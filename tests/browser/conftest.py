"""Real-browser tests: the app under uvicorn on a demo-city database, driven by headless Chromium.

Chromium is Debian's ``chromium`` package (``scripts/install_browser.sh``), driven by Playwright
for Python; Playwright's own browser download is never used. Tests are marked ``browser`` and
skipped when Chromium or Playwright is missing. Set QUADHELIX_SCREENSHOTS to a folder (e.g.
``docs/screenshots``) to keep screenshots of the main pages.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from quadhelix.accounts.service import add_user
from quadhelix.demo.city import build_demo_city
from quadhelix.registry.actors import create_actor
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from quadhelix.registry.schemas import ActorCreate, TieCreate
from quadhelix.registry.ties import add_tie
from quadhelix.web.app import create_app
from quadhelix.web.settings import Settings

CHROMIUM = Path(os.environ.get("QUADHELIX_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "browser tests only, not a real password"
EVIL_NAME = '<script>alert("owned")</script> "Quote" & \'Co\' <b>bold</b>'
FINDABLE_NAME = "Buurtwerk Sluizeken vzw"
WAIT_MS = 15_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: real-browser tests (headless Chromium)")


@dataclass(frozen=True)
class LiveSite:
    url: str
    evil_actor: int
    findable_actor: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fill(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    initialise(engine)
    with transaction(engine) as session:
        build_demo_city(session, seed=1)
        evil = create_actor(session, ActorCreate(name=EVIL_NAME, helix="citizens")).actor
        findable = create_actor(
            session, ActorCreate(name=FINDABLE_NAME, helix="civil_society")
        ).actor
        for partner in (1, 2, findable.id):
            add_tie(session, TieCreate(source_actor=f"#{evil.id}", target_actor=f"#{partner}"))
        add_user(session, "editor", PASSWORD, "editor")
        add_user(session, "beheerder", PASSWORD, "admin")
        ids = evil.id, findable.id
    engine.dispose()
    return ids


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """``quadhelix serve`` in a thread, on a free loopback port, over a demo-city SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'city.db'}"
    evil, findable = _fill(url)
    port = _free_port()
    app = create_app(Settings(database_url=url, secure_cookies=False))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield LiveSite(f"http://127.0.0.1:{port}", evil, findable)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM}; run scripts/install_browser.sh"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must run the browser tests, never skip them
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=30_000
        )
        yield browser
        browser.close()


@dataclass
class Tab:
    """One signed-in browser tab, with what the page complained about."""

    page: Any
    site: LiveSite
    problems: list[str]

    def open(self, path: str) -> Any:
        response = self.page.goto(self.site.url + path, wait_until="load", timeout=WAIT_MS)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def shoot(self, name: str) -> None:
        folder = os.environ.get("QUADHELIX_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), timeout=WAIT_MS)


@pytest.fixture
def tab(chromium: Any, live_site: LiveSite) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="nl-BE")
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.goto(f"{live_site.url}/login", timeout=WAIT_MS)
    page.fill("#f-username", "editor")
    page.fill("#f-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/", timeout=WAIT_MS)
    yield Tab(page, live_site, problems)
    context.close()
