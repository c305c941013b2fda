"""Web load benchmark: requests/s and latency of the busiest pages, and the map's time to
interactive in headless Chromium.

    .venv/bin/python benchmarks/web.py            # SQLite and PostgreSQL, 1e3 and 1e4 actors
    .venv/bin/python benchmarks/web.py --quick    # fewer requests, 1e3 actors only
    .venv/bin/python benchmarks/web.py --postgres-url postgresql+psycopg://user@host/db
    .venv/bin/python benchmarks/web.py --no-postgres

Each run starts ``quadhelix serve`` as a subprocess on a free loopback port over a fresh demo
city (a temporary SQLite file, or a private schema in PostgreSQL that is dropped afterwards) and
sends a bounded number of keep-alive requests from a small asyncio client, never longer than
``--time-limit`` seconds per endpoint. The map's time to interactive is measured from navigation
start to the moment the page's script has the graph drawn (``window.quadhelixMap.readyAt``), on
generated registries: "first visit" opens the map the moment the server answers, while its
background worker is still computing the layout (the page shows the progress and polls), "warm"
once the map is cached. "server warm-up" is the time from the server answering to the map data
being ready (``Prefer: respond-async`` answering 200).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.tokens import create_api_token
from quadhelix.demo.city import build_demo_city
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from quadhelix.registry.model import Actor, Tie
from quadhelix.registry.names import fold
from quadhelix.registry.vocab import ActorKind, HelixSector, TieSource, TieType

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHROMIUM = "/usr/bin/chromium"
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


@dataclass(frozen=True)
class Measured:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    def line(self, name: str) -> str:
        ordered = sorted(self.latencies) or [float("nan")]
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return (
            f"{name:<28} {self.requests / self.seconds:8.1f} req/s   "
            f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms   "
            f"({self.requests} requests, {self.errors} errors)"
        )


# ---------------------------------------------------------------- databases


@contextmanager
def database(kind: str, postgres_url: str, folder: Path) -> Iterator[str]:
    """An empty, initialised registry: a SQLite file, or a PostgreSQL schema dropped after."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / f'bench-{uuid.uuid4().hex[:8]}.db'}"
        initialise(make_engine(url))
        yield url
        return
    schema = f"qh_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{postgres_url}?options=-csearch_path%3D{schema}"
        engine = make_engine(url)
        initialise(engine)
        engine.dispose()
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def fill_demo(url: str) -> tuple[str, int]:
    """The demo city and a viewer's API token; returns the token and a well-tied actor's id."""
    engine = make_engine(url)
    with transaction(engine) as session:
        city = build_demo_city(session, seed=1)
        user = User(username="bench", password_hash="!", role=Role.VIEWER)
        session.add(user)
        session.flush()
        token = create_api_token(session, user, "benchmark").token
        actor = city.brokers[0].id if city.brokers else 1
    engine.dispose()
    return token, actor


def fill_generated(url: str, actors: int, ties_per_actor: int = 3, seed: int = 1) -> None:
    """A synthetic registry: actors in the five sectors, ties mostly within 50 clusters."""
    rng = random.Random(seed)
    sectors = list(HelixSector)
    engine = make_engine(url)
    with transaction(engine) as session:
        rows = []
        for i in range(actors):
            name = f"Actor {i:05d}"
            rows.append(
                Actor(
                    name=name,
                    name_key=fold(name),
                    helix=sectors[i % len(sectors)],
                    kind=ActorKind.ORGANISATION,
                )
            )
        session.add_all(rows)
        session.flush()
        ids = [row.id for row in rows]
        seen: set[tuple[int, int]] = set()
        for i in range(actors):
            for _ in range(ties_per_actor):
                same_cluster = rng.random() < 0.8
                j = (i + rng.randrange(1, 50)) % actors if same_cluster else rng.randrange(actors)
                pair = (min(i, j), max(i, j))
                if i == j or pair in seen:
                    continue
                seen.add(pair)
                session.add(
                    Tie(
                        source_actor_id=ids[pair[0]],
                        target_actor_id=ids[pair[1]],
                        type=TieType.COLLABORATION,
                        source=TieSource.MANUAL,
                    )
                )
    engine.dispose()


# ---------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(url: str, public: bool = False) -> Iterator[int]:
    """``quadhelix serve`` in a subprocess until the block ends."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "quadhelix"),
        "serve",
        "--db",
        url,
        "--port",
        str(port),
        "--no-secure-cookies",
    ]
    if public:
        command.append("--public-read-only")
    env = {**os.environ, "QUADHELIX_LOG_LEVEL": "warning"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"quadhelix serve did not start: {error[-2000:]}") from None
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


# ---------------------------------------------------------------- load


async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length")),
        None,
    )
    if length is None:
        raise RuntimeError("the benchmark client needs Content-Length")
    await reader.readexactly(length)
    return status


async def _load(
    port: int, path: str, token: str, total: int, concurrency: int, limit: float
) -> Measured:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Authorization: Bearer {token}\r\nAccept: */*\r\n\r\n"
    ).encode()
    latencies: list[float] = []
    errors = 0
    remaining = total
    started = time.perf_counter()
    stop = started + limit

    async def worker() -> None:
        nonlocal remaining, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while remaining > 0 and time.perf_counter() < stop:
                remaining -= 1
                begin = time.perf_counter()
                status = await asyncio.wait_for(_one(reader, writer, request), timeout=limit)
                latencies.append(time.perf_counter() - begin)
                errors += status >= 400
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Measured(len(latencies), errors, time.perf_counter() - started, latencies)


def load(port: int, path: str, token: str, total: int, concurrency: int, limit: float) -> Measured:
    asyncio.run(_load(port, path, token, 1, 1, limit))  # warm-up: fills caches
    return asyncio.run(_load(port, path, token, total, concurrency, limit))


# ---------------------------------------------------------------- map in the browser


def warm_up_seconds(port: int, limit: float = 300.0) -> float:
    """Seconds until the map data is ready, asking the way the page does."""
    started = time.perf_counter()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/network", headers={"Prefer": "respond-async"}
    )
    while time.perf_counter() - started < limit:
        with urllib.request.urlopen(request, timeout=limit) as answer:
            if answer.status == 200:
                answer.read()
                return time.perf_counter() - started
        time.sleep(0.05)
    raise RuntimeError("the map was not ready in time")


def time_to_interactive(port: int, rounds: int = 2) -> list[float]:
    """Milliseconds from navigation start to a drawn map: the first visit, then warm loads."""
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000
        )
        for _ in range(rounds):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{port}/map", timeout=120_000)
            page.wait_for_function(
                "() => window.quadhelixMap && (window.quadhelixMap.ready || "
                "window.quadhelixMap.error)",
                timeout=180_000,
            )
            error = page.evaluate("() => window.quadhelixMap.error")
            if error:
                raise RuntimeError(f"the map failed: {error}")
            found.append(float(page.evaluate("() => window.quadhelixMap.readyAt")))
            page.close()
        browser.close()
    return found


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests, 1e3 actors only")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--requests", type=int, default=None, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per endpoint")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--map-only", action="store_true", help="only the map's time to interactive"
    )
    args = parser.parse_args()
    total = args.requests or (200 if args.quick else 1000)
    backends = ["sqlite"] + ([] if args.no_postgres else ["postgresql"])
    sizes = [1_000] if args.quick else [1_000, 10_000]
    print(f"quadhelix web benchmark · {total} requests per endpoint, {args.concurrency} at once")
    with tempfile.TemporaryDirectory() as folder:
        for backend in [] if args.map_only else backends:
            with database(backend, args.postgres_url, Path(folder)) as url:
                token, actor = fill_demo(url)
                with server(url) as port:
                    print(f"\n{backend}: demo city")
                    for name, path in (
                        ("actor list (page)", "/actors"),
                        ("actor list (API)", "/api/v1/actors?limit=50"),
                        ("actor profile (page)", f"/actors/{actor}"),
                        ("map data (API)", "/api/v1/network"),
                    ):
                        found = load(port, path, token, total, args.concurrency, args.time_limit)
                        print(found.line(name), flush=True)
        if args.no_browser:
            return
        print("\nmap time to interactive, headless Chromium (SQLite, generated registries)")
        for size in sizes:
            with database("sqlite", args.postgres_url, Path(folder)) as url:
                fill_generated(url, size)
                with server(url, public=True) as port:
                    cold, *warm = time_to_interactive(port)
                    print(
                        f"{size:>6} actors: first visit {cold / 1000:6.2f} s "
                        f"(server still warming up), warm {min(warm) / 1000:6.2f} s",
                        flush=True,
                    )
                with server(url, public=True) as port:
                    print(
                        f"{'':>6}         server warm-up {warm_up_seconds(port):6.2f} s", flush=True
                    )


if __name__ == "__main__":
    main()
