"""The map's background worker: computes network maps ahead of time, one at a time.

A layout of 10,000 actors takes seconds, too long for a request to wait. The worker runs in one
thread per app (started and stopped by the app's lifespan). It computes the default map after
start-up and again whenever the registry changes (it looks at ``registry_marker`` every
``poll`` seconds, so changes made by the CLI or another process count too), then the maps that
users asked for with other filters. Results go to the app's result cache, where requests find
them; a request for a map that is not ready yet gets a ``Progress`` instead of blocking.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quadhelix.registry.errors import QuadhelixError
from quadhelix.web.analysis import NetworkQuery, registry_marker
from quadhelix.web.network import STAGES, cache_key, compute_json

if TYPE_CHECKING:
    from quadhelix.web.state import AppState

log = logging.getLogger(__name__)
RECENT = 4  # the other filter sets users asked for, recomputed after a change as well
WAIT_LIMIT = 600.0  # seconds a blocking request waits for the worker's map at most


class Stopped(Exception):
    """The app is shutting down: the map being computed is given up."""


@dataclass
class Progress:
    """How far the worker is with one map."""

    stage: str = "queued"
    error: str | None = None
    # A registry error (e.g. a filter naming an unknown theme): the request re-raises it (422).
    refused: QuadhelixError | None = None
    marker: object = None  # the registry state the map was made for
    done: threading.Event = field(default_factory=threading.Event)

    @property
    def step(self) -> int:
        """1-based number of the step being worked on (0 while queued)."""
        return STAGES.index(self.stage) + 1 if self.stage in STAGES else 0

    def as_json(self) -> dict[str, object]:
        return {"status": "preparing", "stage": self.stage, "step": self.step, "steps": len(STAGES)}


class MapWarmer:
    """One background thread computing maps; created with the app state, started by its lifespan."""

    def __init__(self, poll: float = 2.0) -> None:
        self.poll = poll
        self._state: AppState | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._queue: queue.Queue[NetworkQuery | None] = queue.Queue()
        self._lock = threading.Lock()
        self._jobs: dict[Hashable, Progress] = {}
        self._recent: OrderedDict[Hashable, NetworkQuery] = OrderedDict()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stop.is_set()

    def start(self, state: AppState) -> None:
        if self._thread is not None:
            return
        self._state = state
        self._thread = threading.Thread(target=self._run, name="quadhelix-map-warmer", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop and wait a little; a layout in progress is abandoned."""
        self._stop.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
        with self._lock:
            for job in self._jobs.values():
                job.done.set()

    def request(self, query: NetworkQuery, marker: object = None) -> Progress:
        """The progress of this map, queueing it unless it is already queued or being made.

        A map that failed for the registry state ``marker`` is not tried again until the
        registry changes; its failure is the answer.
        """
        key = query.key()
        with self._lock:
            self._recent[key] = query
            self._recent.move_to_end(key)
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
            job = self._jobs.get(key)
            failed = job is not None and job.error is not None and job.marker == marker
            if job is None or (job.done.is_set() and not failed):
                job = self._jobs[key] = Progress()
                self._queue.put(query)
            return job

    def progress(self, query: NetworkQuery) -> Progress | None:
        """The last job for this map, done or not; None if it was never asked for."""
        with self._lock:
            return self._jobs.get(query.key())

    def wait_for(self, query: NetworkQuery) -> None:
        """If the worker is making this map now, wait until it is done (the cache then has it)."""
        with self._lock:
            job = self._jobs.get(query.key())
        if job is not None and self.running:
            job.done.wait(WAIT_LIMIT)

    def _run(self) -> None:
        seen: object = None
        while not self._stop.is_set():
            try:
                marker = self._marker()
                if marker != seen:  # start-up, or the registry changed: warm the usual maps
                    seen = marker
                    with self._lock:
                        others = [q for k, q in self._recent.items() if k != NetworkQuery().key()]
                    for query in [NetworkQuery(), *others]:
                        self.request(query, marker)
                try:
                    wanted = self._queue.get(timeout=self.poll)
                except queue.Empty:
                    continue
                if wanted is None or self._stop.is_set():
                    break
                self._make(wanted)
            except Stopped:
                break
            except Exception:  # the worker must outlive one failing map
                log.exception("the map's background worker failed")
                self._stop.wait(self.poll)

    def _marker(self) -> object:
        assert self._state is not None
        with self._state.sessions() as session:
            return registry_marker(session)

    def _make(self, query: NetworkQuery) -> None:
        assert self._state is not None
        with self._lock:
            job = self._jobs.setdefault(query.key(), Progress())

        def progress(stage: str) -> None:
            if self._stop.is_set():
                raise Stopped
            job.stage = stage

        try:
            with self._state.sessions() as session, session.begin():
                job.marker = registry_marker(session)
                key = (cache_key(query), job.marker)
                if self._state.results.peek(key) is None:
                    body = compute_json(session, query, progress)
                    if self._stop.is_set():
                        raise Stopped
                    self._state.results.put(key, body)
        except Stopped:
            raise
        except QuadhelixError as error:
            job.error, job.refused = str(error), error
        except Exception as error:
            job.error = str(error) or type(error).__name__
            log.exception("the network map could not be computed")
        finally:
            job.done.set()
