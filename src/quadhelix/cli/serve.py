"""``quadhelix serve``: the web application on this computer or behind a reverse proxy."""

from __future__ import annotations

from typing import Annotated

import typer

from quadhelix.cli.common import DbOption, open_engine
from quadhelix.registry.database import describe_url, resolve_url
from quadhelix.web.settings import Settings, is_loopback


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    public_read_only: Annotated[
        bool,
        typer.Option(
            envvar="QUADHELIX_PUBLIC_READ_ONLY",
            help="Let anyone read the registry without signing in.",
        ),
    ] = False,
    secure_cookies: Annotated[
        bool | None,
        typer.Option(
            "--secure-cookies/--no-secure-cookies",
            envvar="QUADHELIX_SECURE_COOKIES",
            help="HTTPS-only cookies [default: off on localhost, on elsewhere].",
            show_default=False,
        ),
    ] = None,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(help="Reverse proxy addresses whose X-Forwarded-* headers are trusted."),
    ] = None,
) -> None:
    """Start the web application (pages and the API under /api/v1). Stop it with Ctrl+C."""
    from quadhelix.web.server import run

    url = resolve_url(db)
    with open_engine(db):
        pass  # fails with a clear message when the database holds no registry
    settings = Settings(
        database_url=url,
        host=host,
        public_read_only=public_read_only,
        secure_cookies=not is_loopback(host) if secure_cookies is None else secure_cookies,
    )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Serving {describe_url(url)} on http://{shown}:{port}/ (Ctrl+C stops)")
    run(settings, port, forwarded_allow_ips=forwarded_allow_ips)
