"""Enterprises from the KBO/BCE open data (the monthly full file), for a set of postal codes.

The national files are large (about 2 million enterprises, tens of millions of activity rows), so
each is streamed once and only the enterprises seated in the chosen postal codes are kept: memory
grows with the selection, not with the file. Helix sectors follow documented rules; each actor's
provenance records the juridical form, main activities and rule used (see ``classify`` and
docs/imports.md); descriptions are left to people.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from quadhelix.io.bulk import TABLES, fetch_in
from quadhelix.io.entities import ACTORS
from quadhelix.io.load import gc_paused, import_transaction, new_duplicates, upsert_entities
from quadhelix.io.report import ImportRejected, ImportReport, Problem, Progress, no_progress
from quadhelix.io.validate import EARLIEST, LATEST, PROVENANCE_LENGTH, Batch
from quadhelix.io.vocabulary import Vocabulary
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import format_kbo, normalise_kbo
from quadhelix.registry.model import utcnow
from quadhelix.registry.vocab import ActorKind, HelixSector

# Juridical forms of the non-profit sector (KBO code table "JuridicalForm").
NONPROFIT_FORMS = {
    "017": "vzw",
    "125": "ivzw",
    "026": "private stichting",
    "029": "stichting van openbaar nut",
}
PUBLIC_LAW_WORDS = ("publiek recht", "droit public", "openbare instelling", "établissement public")
KNOWLEDGE_NACE = ("72", "854")  # scientific research and development; tertiary education
PUBLIC_ADMINISTRATION_NACE = ("84",)
LANGUAGE_PREFERENCE = {"2": 0, "1": 1, "0": 2, "3": 3, "4": 4}  # NL, FR, unknown, DE, EN
FILES = ("enterprise.csv", "denomination.csv", "address.csv", "activity.csv", "contact.csv")
# The columns of the official files (KBO Open Data cookbook); rows are read by position.
HEADERS: dict[str, tuple[str, ...]] = {
    "enterprise.csv": (
        "EnterpriseNumber",
        "Status",
        "JuridicalSituation",
        "TypeOfEnterprise",
        "JuridicalForm",
        "JuridicalFormCAC",
        "StartDate",
    ),
    "denomination.csv": ("EntityNumber", "Language", "TypeOfDenomination", "Denomination"),
    "address.csv": (
        "EntityNumber",
        "TypeOfAddress",
        "CountryNL",
        "CountryFR",
        "Zipcode",
        "MunicipalityNL",
        "MunicipalityFR",
        "StreetNL",
        "StreetFR",
        "HouseNumber",
        "Box",
        "ExtraAddressInfo",
        "DateStrikingOff",
    ),
    "activity.csv": ("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"),
    "contact.csv": ("EntityNumber", "EntityContact", "ContactType", "Value"),
    "code.csv": ("Category", "Code", "Language", "Description"),
}


@dataclass
class Enterprise:
    number: str
    street: str | None = None
    postal_code: str | None = None
    municipality: str | None = None
    form: str = ""
    start: date | None = None
    name: str | None = None
    name_rank: tuple[int, int] = (9, 9)
    nace: dict[str, set[str]] = field(default_factory=dict)
    website: str | None = None

    def main_nace(self) -> set[str]:
        """Main activities in the newest NACE-BEL version the file has for this enterprise."""
        return self.nace[max(self.nace)] if self.nace else set()


def classify(form: str, nace: set[str], public_forms: set[str]) -> tuple[HelixSector, str]:
    """The helix sector of an enterprise and the name of the rule that decided it.

    In order: knowledge institutions (a non-profit or public-law body whose main activity is
    research, NACE 72, or higher education, NACE 85.4); public-law forms -> government; vzw,
    ivzw and foundations -> civil society; main activity public administration (NACE 84) ->
    government; everything else (companies) -> business.
    """
    public = form in public_forms
    nonprofit = form in NONPROFIT_FORMS
    if (public or nonprofit) and any(code.startswith(KNOWLEDGE_NACE) for code in nace):
        return HelixSector.KNOWLEDGE, "kbo-knowledge-nace"
    if public:
        return HelixSector.GOVERNMENT, "kbo-public-law-form"
    if nonprofit:
        return HelixSector.CIVIL_SOCIETY, "kbo-nonprofit-form"
    if any(code.startswith(PUBLIC_ADMINISTRATION_NACE) for code in nace):
        return HelixSector.GOVERNMENT, "kbo-public-administration-nace"
    return HelixSector.BUSINESS, "kbo-company"


@contextmanager
def _rows(source: Path, name: str) -> Iterator[Iterator[list[str]]]:
    """Stream one file of the full set, from a directory or straight from the official zip."""
    if source.is_dir():
        handle: io.TextIOBase = open(source / name, encoding="utf-8-sig", newline="")  # noqa: SIM115
    else:
        archive = zipfile.ZipFile(source)
        handle = io.TextIOWrapper(archive.open(name), encoding="utf-8-sig", newline="")
    with handle:
        reader = csv.reader(handle)
        header = tuple(cell.strip() for cell in next(reader, []))
        expected = HEADERS[name]
        if header[: len(expected)] != expected:
            raise ImportRejected(
                name,
                [Problem(name, 1, "header", f"expected the KBO columns {', '.join(expected)}")],
            )
        yield reader


def _has(source: Path, name: str) -> bool:
    if source.is_dir():
        return (source / name).exists()
    with zipfile.ZipFile(source) as archive:
        return name in archive.namelist()


def _kbo_date(value: str) -> date | None:
    """KBO writes dates as DD-MM-YYYY."""
    try:
        day, month, year = (int(part) for part in value.split("-"))
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if EARLIEST <= parsed <= LATEST else None


def _nace(code: str) -> str:
    """``94991`` -> ``94.991``, the way NACE-BEL codes are written."""
    return f"{code[:2]}.{code[2:]}" if len(code) > 2 else code


def read_kbo(
    source: Path,
    postal_codes: Sequence[str],
    *,
    include_natural_persons: bool = False,
    progress: Progress = no_progress,
) -> tuple[dict[str, Enterprise], dict[str, str], list[Problem]]:
    """The active enterprises seated in ``postal_codes``, and the juridical form names."""
    wanted = {code.strip() for code in postal_codes if code.strip()}
    missing = [name for name in FILES if not _has(source, name)]
    if missing:
        raise ImportRejected(
            source.name, [Problem(name, 0, "file", "missing from the KBO set") for name in missing]
        )
    problems: list[Problem] = []
    chosen: dict[str, Enterprise] = {}
    progress("address.csv", 0, None)
    with _rows(source, "address.csv") as rows:
        for row in rows:
            if len(row) < 13 or row[1] != "REGO" or row[4] not in wanted or row[12]:
                continue
            street = " ".join(
                p for p in (row[7] or row[8], row[9], row[10] and f"bus {row[10]}") if p
            )
            chosen[row[0]] = Enterprise(row[0], street or None, row[4], (row[5] or row[6]) or None)
    forms: dict[str, str] = {}
    if _has(source, "code.csv"):
        with _rows(source, "code.csv") as rows:
            for row in rows:
                if len(row) >= 4 and row[0] == "JuridicalForm" and row[2] in ("NL", "FR"):
                    forms[row[1]] = forms.get(row[1], "") + " | " + row[3]
    progress("enterprise.csv", 0, None)
    keep: dict[str, Enterprise] = {}
    with _rows(source, "enterprise.csv") as rows:
        for line, row in enumerate(rows, start=2):
            enterprise = chosen.get(row[0]) if row else None
            if enterprise is None or len(row) < 7 or row[1] != "AC":
                continue
            if row[3] == "1" and not include_natural_persons:
                continue
            try:
                enterprise.number = normalise_kbo(row[0])
            except InvalidValue as error:
                problems.append(Problem("enterprise.csv", line, "EnterpriseNumber", error.reason))
                continue
            enterprise.form = row[4]
            enterprise.start = _kbo_date(row[6])
            keep[row[0]] = enterprise
    for name, handler in (
        ("denomination.csv", _denomination),
        ("activity.csv", _activity),
        ("contact.csv", _contact),
    ):
        progress(name, 0, None)
        with _rows(source, name) as rows:
            for row in rows:
                enterprise = keep.get(row[0]) if row else None
                if enterprise is not None:
                    handler(enterprise, row)
    return {e.number: e for e in keep.values()}, forms, problems


def _denomination(enterprise: Enterprise, row: list[str]) -> None:
    if len(row) < 4 or not row[3].strip():
        return
    rank = (0 if row[2] == "001" else 1, LANGUAGE_PREFERENCE.get(row[1], 5))
    if rank < enterprise.name_rank:
        enterprise.name, enterprise.name_rank = " ".join(row[3].split())[:300], rank


def _activity(enterprise: Enterprise, row: list[str]) -> None:
    if len(row) >= 5 and row[4] == "MAIN":
        enterprise.nace.setdefault(row[2], set()).add(row[3])


def _contact(enterprise: Enterprise, row: list[str]) -> None:
    if len(row) >= 4 and row[2] == "WEB" and enterprise.website is None:
        url = row[3].strip()
        if url and " " not in url and "." in url:
            enterprise.website = url if "://" in url else "https://" + url


def import_kbo(
    engine: Engine,
    source: Path,
    postal_codes: Sequence[str],
    *,
    include_natural_persons: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportReport:
    """Import the enterprises of some municipalities as actors with external id ``kbo:NUMBER``.

    An enterprise whose number an actor from another source already carries is left to that actor
    (counted in the report's notes), so a KBO import never fights a city's own spreadsheet.
    """
    if not postal_codes:
        raise ImportRejected(source.name, [Problem(source.name, 0, "postal-codes", "give one")])
    with gc_paused():
        enterprises, forms, problems = read_kbo(
            source, postal_codes, include_natural_persons=include_natural_persons, progress=progress
        )
    if problems:
        raise ImportRejected(source.name, problems)
    public_forms = {
        code for code, text in forms.items() if any(w in text.lower() for w in PUBLIC_LAW_WORDS)
    }
    report = ImportReport(str(source), "kbo", dry_run=dry_run, rows=len(enterprises))
    now = utcnow()
    with import_transaction(engine, dry_run) as connection:
        taken = {
            kbo: ext
            for kbo, ext in fetch_in(
                connection, TABLES["actor"], "kbo", list(enterprises), ["kbo", "external_id"]
            )
            if ext != f"kbo:{kbo}"
        }
        # A number an actor had before it was merged into another: that one keeps it.
        taken.update(
            fetch_in(
                connection, TABLES["actor_alias"], "kbo", list(enterprises), ["kbo", "external_id"]
            )
        )
        chosen = [e for number, e in sorted(enterprises.items()) if number not in taken]
        if taken:
            report.notes.append(f"{len(taken)} enterprises already in the registry (same KBO)")
        rules: Counter[str] = Counter()
        values: dict[str, list[object]] = {k: [] for k in _COLUMNS}
        for enterprise in chosen:
            nace = enterprise.main_nace()
            helix, rule = classify(enterprise.form, nace, public_forms)
            rules[rule] += 1
            form_name = NONPROFIT_FORMS.get(enterprise.form) or forms.get(enterprise.form, "")
            form_name = form_name.strip(" |").split(" | ")[0]
            described = ", ".join(_nace(c) for c in sorted(nace)) or "none"
            values["external_id"].append(f"kbo:{enterprise.number}")
            values["name"].append(enterprise.name or f"KBO {format_kbo(enterprise.number)}")
            values["helix"].append(helix)
            values["kind"].append(ActorKind.ORGANISATION)
            values["kbo"].append(enterprise.number)
            values["website"].append(enterprise.website)
            values["street"].append(enterprise.street)
            values["postal_code"].append(enterprise.postal_code)
            values["municipality"].append(enterprise.municipality)
            values["start_date"].append(enterprise.start)
            values["provenance"].append(_provenance(enterprise.form, form_name, described, rule))
        batch = Batch(source.name, "kbo", list(range(1, len(chosen) + 1)), dict(values))
        vocabulary = Vocabulary.load(connection)
        plan = upsert_entities(connection, ACTORS, batch, list(values), vocabulary, report, now)
        report.duplicates = new_duplicates(connection, plan)
        report.rules.update(rules)
    return report


def _provenance(form: str, form_name: str, nace: str, rule: str) -> str:
    """Where the actor came from and why it has its helix sector, within the 500 characters."""
    named = f" ({form_name})" if form_name else ""
    head = f"KBO/BCE open data: juridical form {form or '?'}{named}; helix by rule {rule}"
    main = f"; main NACE-BEL {nace}"
    if len(head) + len(main) > PROVENANCE_LENGTH:
        main = main[: PROVENANCE_LENGTH - len(head) - 1] + "…"
    return head + main


_COLUMNS = (
    "external_id",
    "name",
    "helix",
    "kind",
    "kbo",
    "website",
    "street",
    "postal_code",
    "municipality",
    "start_date",
    "provenance",
)
