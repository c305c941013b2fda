"""What one running app holds: settings, database engine, secret, page renderer, result cache."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quadhelix.accounts.throttle import LoginLimits
from quadhelix.web.analysis import ResultCache
from quadhelix.web.settings import Settings

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

    @property
    def login_limits(self) -> LoginLimits:
        return LoginLimits(
            per_user=self.settings.login_attempts_per_user,
            per_client=self.settings.login_attempts_per_client,
            window=self.settings.login_window,
        )
