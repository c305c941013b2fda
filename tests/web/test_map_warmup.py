"""The map's background worker: maps computed ahead of time, progress instead of waiting."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import quadhelix.web.network as network
from quadhelix.accounts.model import Role
from quadhelix.registry.actors import create_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.schemas import ActorCreate
from quadhelix.web.state import AppState
from tests.web.conftest import Site
from tests.web.seed import seed

ASYNC = {"Prefer": "respond-async"}


class Layouts:
    """Counts layouts and holds them at a gate until the test opens it."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, graph: Any, seed: int = 0) -> Any:
        self.calls += 1
        assert self.gate.wait(30), "the test never opened the gate"
        return self.real(graph, seed)


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Layouts]:
    counted = Layouts(network.layout)
    monkeypatch.setattr(network, "layout", counted)
    yield counted
    counted.gate.set()


def _until(condition: Callable[[], bool], limit: float = 20.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _state(site: Site) -> AppState:
    state: AppState = site.app.state.quadhelix
    state.maps.poll = 0.05
    return state


def test_a_map_being_made_is_answered_with_its_progress_then_the_data(
    site: Site, layouts: Layouts
) -> None:
    seed(site.engine)
    state = _state(site)
    layouts.gate.clear()
    with site.client(Role.VIEWER) as client:
        _until(lambda: layouts.calls == 1)  # the default map, warmed at start-up, is at its layout
        began = time.monotonic()
        waiting = client.get("/api/v1/network", headers=ASYNC)
        assert time.monotonic() - began < 5
        assert waiting.status_code == 202
        assert waiting.headers["retry-after"] == "1"
        assert waiting.json() == {
            "status": "preparing",
            "stage": "layout",
            "step": 4,
            "steps": 5,
        }
        layouts.gate.set()
        _until(lambda: client.get("/api/v1/network", headers=ASYNC).status_code == 200)
        ready = client.get("/api/v1/network", headers=ASYNC).json()
        assert ready == client.get("/api/v1/network").json()
        assert len(ready["nodes"]) == 2
    assert layouts.calls == 1  # computed once, by the worker
    assert not state.maps.running


def test_the_default_map_is_ready_before_anyone_asks_and_again_after_a_change(
    site: Site, layouts: Layouts
) -> None:
    records = seed(site.engine)
    _state(site)
    with site.client(Role.VIEWER) as client:
        _until(lambda: layouts.calls == 1)
        _until(lambda: client.get("/api/v1/network", headers=ASYNC).status_code == 200)
        with transaction(site.engine) as session:
            create_actor(session, ActorCreate(name="Nieuw Buurthuis", helix="citizens"))
        _until(lambda: layouts.calls == 2)  # the worker noticed the change by itself
        _until(lambda: client.get("/api/v1/network", headers=ASYNC).status_code == 200)
        nodes = client.get("/api/v1/network", headers=ASYNC).json()["nodes"]
        assert {n["label"] for n in nodes} >= {"Nieuw Buurthuis"}
        assert records.actor in {n["id"] for n in nodes}
    assert layouts.calls == 2


def test_other_filters_are_made_on_request_and_kept_apart(site: Site, layouts: Layouts) -> None:
    seed(site.engine)
    _state(site)
    with site.client(Role.VIEWER) as client:
        _until(lambda: layouts.calls == 1)
        path = "/api/v1/network?tie_type=funding"
        _until(lambda: client.get(path, headers=ASYNC).status_code == 200)
        assert client.get(path, headers=ASYNC).json()["edges"] == []
        assert client.get("/api/v1/network", headers=ASYNC).json()["edges"] != []
        assert client.get(path + "&colour=red", headers=ASYNC).status_code == 422
        unknown = "/api/v1/network?theme=nowhere"
        _until(lambda: client.get(unknown, headers=ASYNC).status_code != 202)
        refused = client.get(unknown, headers=ASYNC)
        assert refused.status_code == 422
        assert refused.headers["content-type"] == "application/problem+json"
    assert layouts.calls == 2


def test_a_failing_map_is_reported_until_the_registry_changes(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(site.engine)
    state = _state(site)
    real = network.layout
    failing = {"on": True}

    def layout(graph: Any, seed: int = 0) -> Any:
        if failing["on"]:
            raise RuntimeError("layout exploded")
        return real(graph, seed)

    monkeypatch.setattr(network, "layout", layout)
    with site.client(Role.VIEWER) as client:
        _until(lambda: client.get("/api/v1/network", headers=ASYNC).status_code == 500)
        failed = client.get("/api/v1/network", headers=ASYNC)
        assert failed.headers["content-type"] == "application/problem+json"
        assert "layout exploded" in failed.json()["detail"]
        failing["on"] = False
        time.sleep(0.2)  # not retried while the registry stays as it is
        assert client.get("/api/v1/network", headers=ASYNC).status_code == 500
        with transaction(site.engine) as session:
            create_actor(session, ActorCreate(name="Nieuw Buurthuis", helix="citizens"))
        _until(lambda: client.get("/api/v1/network", headers=ASYNC).status_code == 200)
        assert state.maps.running


def test_shutting_down_during_a_layout_stops_the_worker_cleanly(
    site: Site, layouts: Layouts, caplog: pytest.LogCaptureFixture
) -> None:
    seed(site.engine)
    state = _state(site)
    layouts.gate.clear()
    with caplog.at_level(logging.ERROR), site.client(Role.VIEWER):
        _until(lambda: layouts.calls == 1)
        threading.Timer(0.3, layouts.gate.set).start()  # the layout ends after shutdown began
    assert not state.maps.running
    assert state.maps._thread is not None and not state.maps._thread.is_alive()
    assert len(state.results) == 0  # the abandoned map was not stored
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_without_the_worker_the_map_is_computed_in_the_request(site: Site) -> None:
    seed(site.engine)
    client = site.client(Role.VIEWER)  # not entered: no lifespan, no worker
    answer = client.get("/api/v1/network", headers=ASYNC)
    assert answer.status_code == 200
    assert len(answer.json()["nodes"]) == 2
