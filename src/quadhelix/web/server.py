"""Running the app with uvicorn, for ``quadhelix serve`` and ``quadhelix demo``."""

from __future__ import annotations

import logging

import uvicorn

from quadhelix.web.app import create_app
from quadhelix.web.assets import missing_vendor_files
from quadhelix.web.settings import Settings

log = logging.getLogger(__name__)


def run(
    settings: Settings,
    port: int = 8000,
    *,
    forwarded_allow_ips: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve until interrupted. Behind a reverse proxy, name it in ``forwarded_allow_ips`` so
    that client addresses (used by the login rate limit) and the scheme are taken from it."""
    app = create_app(settings)
    missing = missing_vendor_files(settings.vendor_dir)
    if missing:
        log.warning(
            "front-end libraries missing from %s: %s; run `npm ci`",
            settings.vendor_dir,
            ", ".join(missing),
        )
    uvicorn.run(
        app,
        host=settings.host,
        port=port,
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        log_level=log_level,
    )
