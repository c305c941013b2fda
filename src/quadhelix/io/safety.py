"""Neutralise spreadsheet formulas in exported text (CSV/XLSX formula injection).

Spreadsheet programs execute a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return can hide such a prefix. Registry text is
typed by many people, so every text cell an exporter writes goes through
:func:`neutralise`. See OWASP, "CSV Injection".
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Return ``text`` with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> neutralise("=SUM(A1:A2)")
    "'=SUM(A1:A2)"
    >>> neutralise("Stad Gent")
    'Stad Gent'
    """
    if text.startswith(TRIGGERS):
        return "'" + text
    return text
