"""Sentences the domain writes for people (reasons, import problems), ready to be translated.

The domain speaks English: the command line prints a ``Message`` as it is and JSON carries it as
a string. It also keeps its message id and parameters, so that the web pages can say it in the
visitor's language (``web.messages.translate``). The domain never imports the web layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self


class Message(str):
    """An English sentence that keeps its message id (``template``) and ``params``.

    A parameter may be a ``Message`` too (a reason inside a sentence), a controlled value (a
    ``StrEnum`` such as a role), which pages show by its label, or a ``Figure``.
    """

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None) -> Self:
        params = dict(params or {})
        text = super().__new__(cls, template % params if params else template)
        text.template = template
        text.params = params
        return text


class Figure(float):
    """A measured value in a sentence, written with ``digits`` decimals: "0.46" in English, and
    by pages as their language writes numbers ("0,46"). Use ``%(name)s`` for it."""

    digits: int

    def __new__(cls, value: float, digits: int = 2) -> Self:
        figure = super().__new__(cls, value)
        figure.digits = digits
        return figure

    def __str__(self) -> str:
        return f"{float(self):.{self.digits}f}"


def message(template: str, **params: object) -> Message:
    """``Message(template, params)`` with the parameters as keywords."""
    return Message(template, params)
