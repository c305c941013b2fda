"""What one running app holds: its settings, database engine, secret and page renderer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quadhelix.accounts.throttle import LoginLimits
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

    @property
    def login_limits(self) -> LoginLimits:
        return LoginLimits(
            per_user=self.settings.login_attempts_per_user,
            per_client=self.settings.login_attempts_per_client,
            window=self.settings.login_window,
        )
