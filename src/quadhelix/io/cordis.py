"""EU projects from CORDIS: organisations become actors, projects coalitions, with their members.

Reads the H2020 participation table (one row per organisation per project: ``rcn, role, pic, type,
contribution, country, start_date, end_date, ...``), optionally the programme part of each project
and the official CORDIS JSON records (``organization.json``, ``project.json``) for names and titles.
Mapping rules (documented in docs/imports.md):

* activity type HES/REC -> knowledge, PRC -> business, PUB -> government, OTH -> civil_society;
* role coordinator -> lead, participant and thirdParty -> participant, partner -> partner;
* programme part (``SC5``, ``LEIT`` ...) -> a theme with that code, under the theme ``h2020``;
* country -> an area of kind ``country`` whose code is the lower-case EU country code (``--area BE``
  finds it); an organisation's area is its country, a project's areas are its partners' countries.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from babel import Locale
from sqlalchemy import Engine

from quadhelix.io.entities import ACTORS, COALITIONS
from quadhelix.io.load import gc_paused, import_transaction, upsert_entities
from quadhelix.io.relations import MEMBERS, upsert_relations
from quadhelix.io.report import ImportRejected, ImportReport, Problem, Progress, no_progress
from quadhelix.io.validate import (
    PROVENANCE_LENGTH,
    Batch,
    Field,
    Invalid,
    day,
    parse_column,
    shown,
)
from quadhelix.io.vocabulary import NewArea, NewTheme, Vocabulary
from quadhelix.registry.model import utcnow
from quadhelix.registry.vocab import (
    ActorKind,
    AreaKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
)

HELIX = {
    "HES": HelixSector.KNOWLEDGE,
    "REC": HelixSector.KNOWLEDGE,
    "PRC": HelixSector.BUSINESS,
    "PUB": HelixSector.GOVERNMENT,
    "OTH": HelixSector.CIVIL_SOCIETY,
}
ROLES = {
    "coordinator": MemberRole.LEAD,
    "participant": MemberRole.PARTICIPANT,
    "partner": MemberRole.PARTNER,
    "thirdParty": MemberRole.PARTICIPANT,  # linked third party of a participant (official JSON)
    "associatedPartner": MemberRole.PARTNER,
    "internationalPartner": MemberRole.PARTNER,
}
# Programme parts of Horizon 2020 (Regulation 1291/2013): code -> (English, Dutch) name.
PROGRAMME_PARTS: dict[str, tuple[str, str]] = {
    "ERC": ("European Research Council", "Europese Onderzoeksraad"),
    "FET": ("Future and emerging technologies", "Toekomstige en opkomende technologieën"),
    "MSCA": ("Marie Skłodowska-Curie actions", "Marie Skłodowska-Curie-acties"),
    "RI": ("Research infrastructures", "Onderzoeksinfrastructuur"),
    "LEIT": ("Leadership in enabling and industrial technologies", "Industrieel leiderschap"),
    "ARF": ("Access to risk finance", "Toegang tot risicofinanciering"),
    "SME": ("Innovation in SMEs", "Innovatie in kmo's"),
    "SC1": ("Health, demographic change and wellbeing", "Gezondheid en demografie"),
    "SC2": ("Food security and the bioeconomy", "Voedselzekerheid en bio-economie"),
    "SC3": ("Secure, clean and efficient energy", "Veilige, schone en efficiënte energie"),
    "SC4": ("Smart, green and integrated transport", "Slim, groen en geïntegreerd vervoer"),
    "SC5": ("Climate action, environment and raw materials", "Klimaat, milieu en grondstoffen"),
    "SC6": ("Inclusive, innovative and reflective societies", "Inclusieve samenlevingen"),
    "SC7": ("Secure societies", "Veilige samenlevingen"),
    "SEWP": ("Spreading excellence and widening participation", "Excellentie verspreiden"),
    "SWAFS": ("Science with and for society", "Wetenschap met en voor de samenleving"),
    "JRC": ("Joint Research Centre", "Gemeenschappelijk Centrum voor Onderzoek"),
    "EIT": ("European Institute of Innovation and Technology", "Europees Instituut voor Innovatie"),
    "Euratom": ("Euratom", "Euratom"),
}
_PART_ALIASES = {"Innovation in SMEs": "SME"}


class _CountryNames(Mapping[str, str]):
    """English names of the EU country codes CORDIS uses (ISO 3166 except EL Greece, UK).

    Read from Babel's CLDR data on first use, not at import time.
    """

    _EU_TO_ISO: ClassVar[dict[str, str]] = {"EL": "GR", "UK": "GB"}

    @cached_property
    def _names(self) -> dict[str, str]:
        territories = Locale.parse("en").territories
        names = {code: name for code, name in territories.items() if len(code) == 2}
        names.update({eu: territories[iso] for eu, iso in self._EU_TO_ISO.items()})
        return names

    def __getitem__(self, code: str) -> str:
        return self._names[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


COUNTRIES: Mapping[str, str] = _CountryNames()
COLUMNS = ("rcn", "role", "pic", "type", "contribution", "country", "start_date", "end_date")


def _digits(value: str) -> str:
    if not value.isdigit() or len(value) > 12:
        raise Invalid(f"expected a number of at most 12 digits (got {shown(value)})")
    return value


def _choice_of(table: dict[str, Any]) -> Any:
    def parse(value: str) -> Any:
        value = _single(value)
        if value not in table:
            raise Invalid(f"must be one of {', '.join(table)} (got {shown(value)})")
        return table[value]

    return parse


def _amount(value: str) -> str | None:
    if value in ("NA", ""):
        return None
    try:
        amount = float(value)
    except ValueError:
        raise Invalid(f"not an amount in euro (got {shown(value)})") from None
    return f"EUR {amount:.2f}".replace(".00", "")


def _single(value: str) -> str:
    """The official JSON repeats a value now and then (``PRC;PRC``, ``FI;FI``): take it once."""
    return ";".join(sorted(set(value.split(";"))))


def _country(value: str) -> str:
    value = _single(value)
    if len(value) != 2 or not value.isalpha() or not value.isupper():
        raise Invalid(f"a country is a two-letter code such as BE (got {shown(value)})")
    return value


def _optional_day(value: str) -> date | None:
    """R, which wrote the table, spells a missing value ``NA``."""
    return None if value == "NA" else day(value)


FIELDS = (
    Field("rcn", _digits, required=True),
    Field("role", _choice_of(ROLES), required=True),
    Field("pic", _digits, required=True),
    Field("type", _choice_of(HELIX), required=True),
    Field("contribution", _amount),
    Field("country", _country),
    Field("start_date", _optional_day),
    Field("end_date", _optional_day),
)


def _read_table(path: Path, split: int = -1) -> tuple[list[list[str]], list[int]]:
    """Rows of a (gzipped) CSV after the header, and how many cells each row has.

    A file without quotes is split directly (5x faster than the csv module); with ``split`` a row
    is cut at most that many times, the columns after it staying one string nobody reads.
    """
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ImportRejected(
            path.name, [Problem(path.name, line, "file", "not UTF-8 text")]
        ) from None
    lines = text.splitlines()[1:]
    while lines and not lines[-1].strip():
        lines.pop()
    if '"' in text:
        rows = list(csv.reader(lines))
        counts = [len(row) for row in rows]
        if split >= 0:
            rows = [[*row[:split], ""] if len(row) > split else row for row in rows]
        return rows, counts
    rows = [line.split(",", split) for line in lines]
    if split < 0:
        return rows, [len(row) for row in rows]
    return rows, [len(row) + row[-1].count(",") if len(row) > split else len(row) for row in rows]


def _read_header(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return [h.strip() for h in next(csv.reader(handle), [])]


def read_participations(path: Path) -> Batch:
    """Parse and check every participation row; problems are kept on the batch."""
    source = path.name
    header = _read_header(path)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected(
            source, [Problem(source, 1, c, "required column is missing") for c in missing]
        )
    positions = [header.index(c) for c in COLUMNS]
    split = max(positions) + 1  # the columns we need come first in CORDIS tables
    if split >= len(header):
        split = -1
    width = len(header) if split < 0 else split + 1
    rows, counts = _read_table(path, split)
    batch = Batch(source, "cordis", list(range(2, len(rows) + 2)), {})
    for index, count in enumerate(counts):
        if count != len(header):
            batch.reject(index, "row", f"has {count} cells, the header has {len(header)}")
    padded = [r if len(r) == width else (r + [""] * width)[:width] for r in rows]
    columns = list(zip(*padded, strict=True)) if rows else [()] * width
    for spec, position in zip(FIELDS, positions, strict=True):
        batch.values[spec.column] = parse_column(batch, spec, columns[position])
    # The activity type itself, for the provenance (HES and REC both give knowledge).
    raw = columns[positions[COLUMNS.index("type")]]
    codes = {cell: _single(cell) for cell in set(raw)}
    batch.values["activity_type"] = [codes[cell] for cell in raw]
    periods = list(zip(batch.values["start_date"], batch.values["end_date"], strict=True))
    wrong = {(s, e) for s, e in set(periods) if s is not None and e is not None and e < s}
    for index, (start, end) in enumerate(periods if wrong else ()):
        if (start, end) in wrong:
            batch.reject(index, "end_date", f"ends before it starts ({end} < {start})")
    return batch


def read_programme_parts(path: Path) -> dict[str, list[str]]:
    """rcn -> programme part codes (a project may belong to several)."""
    header = _read_header(path)
    rows, _counts = _read_table(path)
    if header[:2] != ["rcn", "programme_part"]:
        raise ImportRejected(
            path.name, [Problem(path.name, 1, "header", "expected rcn,programme_part")]
        )
    parts: dict[str, list[str]] = {}
    for row in rows:
        if len(row) >= 2 and row[1]:
            code = _PART_ALIASES.get(row[1], row[1])
            parts.setdefault(row[0], []).append(code)
    return parts


def participations_from_json(organisations: Path, projects: Path, target: Path) -> Path:
    """Turn official CORDIS ``organization.json`` + ``project.json`` into a participation table."""
    project_list = json.loads(projects.read_text(encoding="utf-8"))
    by_id = {str(p["id"]): p for p in project_list}
    with target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for org in json.loads(organisations.read_text(encoding="utf-8")):
            project = by_id.get(str(org.get("projectID")))
            if project is None:
                continue
            writer.writerow(
                [
                    project["rcn"],
                    org.get("role", ""),
                    org.get("organisationID", ""),
                    org.get("activityType", ""),
                    org.get("ecContribution") or "NA",
                    org.get("country", ""),
                    project.get("startDate", ""),
                    project.get("endDate", ""),
                ]
            )
    return target


def _json_records(path: Path | None, key: str) -> dict[str, dict[str, Any]]:
    if path is None:
        return {}
    return {str(r[key]): r for r in json.loads(path.read_text(encoding="utf-8"))}


def import_cordis(
    engine: Engine,
    participations: Path,
    *,
    programme_parts: Path | None = None,
    organisations: Path | None = None,
    projects: Path | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportReport:
    """Import CORDIS participations; the whole file or nothing (a bad row rejects it)."""
    with gc_paused():
        return _import_cordis(
            engine, participations, programme_parts, organisations, projects, dry_run, progress
        )


def _import_cordis(
    engine: Engine,
    participations: Path,
    programme_parts: Path | None,
    organisations: Path | None,
    projects: Path | None,
    dry_run: bool,
    progress: Progress,
) -> ImportReport:
    progress("read", 0, None)
    batch = read_participations(participations)
    if batch.bad:
        raise ImportRejected(batch.source, batch.problems)
    parts = read_programme_parts(programme_parts) if programme_parts else {}
    names = _json_records(organisations, "organisationID")
    titles = _json_records(projects, "rcn")
    values = batch.values
    report = ImportReport(str(participations), "cordis", dry_run=dry_run, rows=len(batch))
    today = date.today()
    first_of = {pic: index for index, pic in reversed(list(enumerate(values["pic"])))}
    project_of = {rcn: index for index, rcn in reversed(list(enumerate(values["rcn"])))}
    countries = {country.lower() for country in set(values["country"]) if country}
    provenance = {
        code: f"CORDIS {participations.name}: activity type {code}, helix by rule "
        f"cordis-activity-type ({code} -> {HELIX[code].value})"[:PROVENANCE_LENGTH]
        for code in set(values["activity_type"])
        if code in HELIX
    }
    now = utcnow()
    with import_transaction(engine, dry_run) as connection:
        vocabulary = Vocabulary.load(connection)
        for code in countries:
            if code not in vocabulary.area_ids:
                name = COUNTRIES.get(code.upper(), code.upper())
                vocabulary.new_areas[code] = NewArea(code, name, AreaKind.COUNTRY)
        vocabulary.plan_theme(NewTheme("h2020", "Horizon 2020", "Horizon 2020"))
        for code in {c for cs in parts.values() for c in cs}:
            en, nl = PROGRAMME_PARTS.get(code, (code, code))
            vocabulary.plan_theme(NewTheme(code, nl, en, "h2020"))

        progress("actors", 0, len(first_of))
        actor_rows = sorted(first_of.values())
        actors = Batch(batch.source, "actors", [batch.row_numbers[i] for i in actor_rows], {})
        pics = [values["pic"][i] for i in actor_rows]
        actors.values = {
            "external_id": pics,
            "name": [_org_name(pic, names.get(pic)) for pic in pics],
            "helix": [values["type"][i] for i in actor_rows],
            "kind": [ActorKind.ORGANISATION] * len(pics),
            "area": [(values["country"][i] or "").lower() or None for i in actor_rows],
            "provenance": [provenance[values["activity_type"][i]] for i in actor_rows],
        }
        present = ["external_id", "name", "helix", "kind", "area", "provenance"]
        if names:
            actors.values["website"] = [_website(names.get(pic)) for pic in pics]
            present.append("website")
        actor_plan = upsert_entities(
            connection, ACTORS, actors, present, vocabulary, report, now, create_areas=False
        )
        progress("coalitions", 0, len(project_of))
        project_rows = sorted(project_of.values())
        coalitions = Batch(
            batch.source, "coalitions", [batch.row_numbers[i] for i in project_rows], {}
        )
        rcns = [values["rcn"][i] for i in project_rows]
        countries_of: dict[str, set[str]] = {}
        for rcn, country in zip(values["rcn"], values["country"], strict=True):
            if country:
                countries_of.setdefault(rcn, set()).add(country.lower())
        ends = [values["end_date"][i] for i in project_rows]
        coalitions.values = {
            "external_id": rcns,
            "name": [_project_name(rcn, titles.get(rcn)) for rcn in rcns],
            "kind": [CoalitionKind.PROJECT] * len(rcns),
            "status": [
                CoalitionStatus.CLOSED
                if end is not None and end < today
                else CoalitionStatus.ACTIVE
                for end in ends
            ],
            "description": [(titles.get(rcn) or {}).get("objective") or None for rcn in rcns],
            "start_date": [values["start_date"][i] for i in project_rows],
            "end_date": ends,
            "themes": [tuple(parts.get(rcn, ())) for rcn in rcns],
            "areas": [tuple(sorted(countries_of.get(rcn, ()))) for rcn in rcns],
        }
        coalition_plan = upsert_entities(
            connection,
            COALITIONS,
            coalitions,
            list(coalitions.values),
            vocabulary,
            report,
            now,
            create_areas=False,
        )
        progress("memberships", 0, len(batch))
        # By actor rather than PIC: two PICs merged into one actor are one participant.
        actor_of = actor_plan.ids
        keys = zip(
            values["rcn"], map(actor_of.__getitem__, values["pic"]), values["role"], strict=True
        )
        first: dict[tuple[str, int, MemberRole], int] = {}
        for index, key in enumerate(keys):
            first.setdefault(key, index)
        rows = sorted(first.values())
        if len(rows) < len(batch):
            report.notes.append(f"{len(batch) - len(rows)} repeated participations taken once")
        members = Batch(batch.source, "members", [batch.row_numbers[i] for i in rows], {})
        members.values = {
            name: [values[column][i] for i in rows]
            for name, column in (
                ("coalition", "rcn"),
                ("actor", "pic"),
                ("role", "role"),
                ("start_date", "start_date"),
                ("end_date", "end_date"),
                ("contribution", "contribution"),
            )
        }
        upsert_relations(
            connection,
            MEMBERS,
            members,
            list(members.values),
            report,
            now,
            known={"actor": actor_plan.ids, "coalition": coalition_plan.ids},
        )
        progress("memberships", len(batch), len(batch))
        report.rules.update(f"cordis activity type -> {h.value}" for h in actors.values["helix"])
    return report


def _org_name(pic: str, record: dict[str, Any] | None) -> str:
    name = str((record or {}).get("name") or "").strip()
    return " ".join(name.split())[:300] if name else f"PIC {pic}"


def _website(record: dict[str, Any] | None) -> str | None:
    url = str((record or {}).get("organizationURL") or "").strip()
    if not url or " " in url or "." not in url:
        return None
    return url if "://" in url else "https://" + url


def _project_name(rcn: str, record: dict[str, Any] | None) -> str:
    if not record:
        return f"H2020 project {rcn}"
    title = " ".join(str(record.get("title") or "").split())
    acronym = str(record.get("acronym") or "").strip()
    name = f"{acronym}: {title}" if acronym and title else (title or acronym or f"project {rcn}")
    return name[:300]
