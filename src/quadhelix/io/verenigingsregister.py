"""Associations from the Flemish association register (Verenigingsregister) as actors.

Reads the public API's "detail vereniging" JSON (field names from its JSON-LD context): one record,
a list, a search result ``{"verenigingen": [...]}`` or one record per line. Each association is a
civil-society actor keyed by its vCode; its main activities (hoofdactiviteiten) become themes with
the register's own codes, each placed under the closest default theme so ``--theme sport`` finds
``SPRT`` too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from quadhelix.io.entities import ACTORS
from quadhelix.io.load import import_transaction, new_duplicates, upsert_entities
from quadhelix.io.report import ImportRejected, ImportReport, Problem, Progress, no_progress
from quadhelix.io.validate import Batch, Invalid, day, kbo, name, postal_code, text, website
from quadhelix.io.vocabulary import NewTheme, Vocabulary
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import normalise_association_code
from quadhelix.registry.model import utcnow
from quadhelix.registry.vocab import ActorKind, HelixSector

# Main activity code -> the default theme it belongs under (None: a theme of its own).
ACTIVITY_PARENTS: dict[str, str | None] = {
    "BIAG": "participation",
    "BWWC": "neighbourhood-work",
    "DINT": "diversity",
    "GEWE": "care",
    "HOSP": None,
    "INOS": None,
    "JGDW": "youth",
    "KLDU": "climate",
    "KECU": "culture",
    "LAVI": "food",
    "LEBE": None,
    "MADP": "participation",
    "MEDG": "digital-inclusion",
    "MROW": "public-space",
    "NMDW": "greenery",
    "VORM": "education",
    "SOVO": "participation",
    "SPRT": "sport",
    "ONWE": None,
    "TOER": "economy",
    "WESE": "social-economy",
}
DE_FACTO = "FV"  # feitelijke vereniging: no legal personality, a citizens' initiative in effect


def _records(path: Path) -> list[dict[str, Any]]:
    text_ = path.read_text(encoding="utf-8-sig").strip()
    try:
        data: Any = json.loads(text_)
    except json.JSONDecodeError:
        try:
            data = [json.loads(line) for line in text_.splitlines() if line.strip()]
        except json.JSONDecodeError as error:
            raise ImportRejected(
                path.name, [Problem(path.name, error.lineno, "json", error.msg)]
            ) from None
    if isinstance(data, dict):
        data = data.get("verenigingen", [data])
    if not isinstance(data, list):
        raise ImportRejected(path.name, [Problem(path.name, 1, "json", "expected records")])
    return [r.get("vereniging", r) if isinstance(r, dict) else {} for r in data]


def _primary(items: Any, test: Any = None) -> dict[str, Any]:
    """The item marked primary, else the first (that passes ``test``)."""
    candidates = [i for i in items or [] if isinstance(i, dict) and (test is None or test(i))]
    return next((i for i in candidates if i.get("isPrimair")), candidates[0] if candidates else {})


def _check(batch: Batch, index: int, column: str, parse: Any, value: Any) -> Any:
    if value in (None, ""):
        return None
    try:
        return parse(str(value).strip())
    except (Invalid, InvalidValue) as error:
        batch.reject(index, column, getattr(error, "reason", str(error)))
        return None


def import_verenigingsregister(
    engine: Engine, path: Path, *, dry_run: bool = False, progress: Progress = no_progress
) -> ImportReport:
    """Import association records; one bad vCode, KBO number or date rejects the file."""
    records = _records(path)
    progress("read", len(records), len(records))
    batch = Batch(path.name, "verenigingsregister", list(range(1, len(records) + 1)), {})
    columns = [
        "external_id",
        "association_code",
        "name",
        "helix",
        "kind",
        "kbo",
        "website",
        "street",
        "postal_code",
        "municipality",
        "description",
        "start_date",
        "end_date",
        "themes",
        "provenance",
    ]
    values: dict[str, list[Any]] = {c: [] for c in columns}
    themes: dict[str, NewTheme] = {}
    for index, record in enumerate(records):
        vcode = _check(batch, index, "vCode", normalise_association_code, record.get("vCode"))
        if vcode is None and not batch.bad.get(index):
            batch.reject(index, "vCode", "every association has a vCode")
        location = _primary(record.get("locaties"))
        address = location.get("adres") or {}
        sleutel = _primary(
            record.get("sleutels"),
            lambda s: "KBO" in (str(s.get("bron", "")) + str(s.get("codeerSysteem", ""))).upper(),
        )
        contact = _primary(
            record.get("contactgegevens"),
            lambda c: str(c.get("contactgegeventype", "")).lower() == "website",
        )
        kind = (record.get("verenigingstype") or {}).get("code")
        street = " ".join(
            str(address.get(k) or "") for k in ("straatnaam", "huisnummer", "busnummer")
        ).strip()
        codes = []
        for activity in record.get("hoofdactiviteitenVerenigingsloket") or []:
            code = str(activity.get("code", "")).strip().upper()
            if code:
                label = str(activity.get("naam") or code)
                themes.setdefault(code, NewTheme(code, label, label, ACTIVITY_PARENTS.get(code)))
                codes.append(code)
        values["external_id"].append(vcode)
        values["association_code"].append(vcode)
        values["name"].append(_check(batch, index, "naam", name, record.get("naam")))
        values["helix"].append(HelixSector.CIVIL_SOCIETY)
        values["kind"].append(
            ActorKind.CITIZEN_INITIATIVE if kind == DE_FACTO else ActorKind.ORGANISATION
        )
        values["kbo"].append(_check(batch, index, "sleutels", kbo, sleutel.get("waarde")))
        values["website"].append(_check(batch, index, "website", website, contact.get("waarde")))
        values["street"].append(street[:200] or None)
        values["postal_code"].append(
            _check(batch, index, "postcode", postal_code, address.get("postcode"))
        )
        values["municipality"].append(
            _check(batch, index, "gemeente", text(200), address.get("gemeente"))
        )
        values["description"].append(
            _check(batch, index, "korteBeschrijving", text(), record.get("korteBeschrijving"))
        )
        values["start_date"].append(
            _check(batch, index, "startdatum", day, record.get("startdatum"))
        )
        values["end_date"].append(_check(batch, index, "einddatum", day, record.get("einddatum")))
        values["themes"].append(tuple(dict.fromkeys(codes)))
        values["provenance"].append(
            f"Verenigingsregister {path.name}: association type {kind or '?'}, helix by rule "
            f"verenigingsregister-association (civil_society)"
            + (f", {DE_FACTO} -> citizen_initiative" if kind == DE_FACTO else "")
        )
        if values["name"][-1] is None and index not in batch.bad:
            batch.reject(index, "naam", "every association has a name")
    batch.values = values
    report = ImportReport(str(path), "verenigingsregister", dry_run=dry_run, rows=len(records))
    now = utcnow()
    with import_transaction(engine, dry_run) as connection:
        vocabulary = Vocabulary.load(connection)
        for theme in themes.values():
            if theme.parent is not None and theme.parent not in vocabulary.theme_ids:
                theme.parent = None
            vocabulary.plan_theme(theme)
        plan = upsert_entities(connection, ACTORS, batch, columns, vocabulary, report, now)
        report.duplicates = new_duplicates(connection, plan)
    return report
