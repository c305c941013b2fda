"""What one running app holds: settings, database, secret, renderer, caches, map worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quadhelix.accounts.throttle import LoginLimits
from quadhelix.web.analysis import ResultCache
from quadhelix.web.settings import Settings
from quadhelix.web.uploads import UploadStore
from quadhelix.web.warmup import MapWarmer

if TYPE_CHECKING:
    from quadhelix.web.pages.rendering import Renderer


@dataclass(frozen=True)
class AppState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    secret: bytes
    renderer: Renderer
    results: ResultCache = field(default_factory=ResultCache)
    # The coalition builder of the registry as it is now (web.matching): one, rebuilt on change.
    builders: ResultCache = field(default_factory=lambda: ResultCache(size=1))
    uploads: UploadStore = field(default_factory=UploadStore)  # import files awaiting confirmation
    # Computes network maps in the background (started and stopped by the app's lifespan).
    maps: MapWarmer = field(default_factory=MapWarmer)

    @property
    def login_limits(self) -> LoginLimits:
        return LoginLimits(
            per_user=self.settings.login_attempts_per_user,
            per_client=self.settings.login_attempts_per_client,
            window=self.settings.login_window,
        )
