"""Reading department spreadsheets: CSV (any delimiter, UTF-8 or Windows-1252) and XLSX.

Belgian Excel saves CSV with semicolons and Windows-1252; others send UTF-8 with a BOM or tabs. The
reader finds out which, maps Dutch and custom headers to the canonical columns, and reports every
structural problem as ``file:row:column: message`` instead of guessing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from quadhelix.io.report import ImportRejected, Problem
from quadhelix.registry.messages import message
from quadhelix.registry.names import fold

MAX_CELL = 32_767  # Excel's own limit for one cell: nothing longer came from a spreadsheet
DELIMITERS = (",", ";", "\t")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")

CANONICAL: dict[str, tuple[str, ...]] = {
    "actors": (
        "id",
        "name",
        "helix",
        "kind",
        "parent_id",
        "kbo",
        "website",
        "postal_code",
        "area",
        "themes",
        "description",
        "start",
        "end",
        "provenance",
    ),
    "coalitions": (
        "id",
        "name",
        "kind",
        "status",
        "description",
        "themes",
        "areas",
        "start",
        "end",
        "parent_id",
    ),
    "members": ("coalition_id", "actor_id", "role", "start", "end", "contribution"),
    "ties": ("source_id", "target_id", "type", "directed", "weight", "start", "end"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "actors": ("id", "name", "helix"),
    "coalitions": ("id", "name"),
    "members": ("coalition_id", "actor_id"),
    "ties": ("source_id", "target_id"),
}

_COMMON_ALIASES = {
    "naam": "name",
    "beschrijving": "description",
    "omschrijving": "description",
    "startdatum": "start",
    "begindatum": "start",
    "begin": "start",
    "start_date": "start",
    "einddatum": "end",
    "einde": "end",
    "end_date": "end",
    "thema": "themes",
    "themas": "themes",
    "theme": "themes",
    "ouder": "parent_id",
    "ouder_id": "parent_id",
    "parent": "parent_id",
    "sleutel": "id",
    "external_id": "id",
}
ALIASES: dict[str, dict[str, str]] = {
    "actors": {
        **_COMMON_ALIASES,
        "organisatie": "name",
        "organisatienaam": "name",
        "sector": "helix",
        "helix_sector": "helix",
        "soort": "kind",
        "type": "kind",
        "ondernemingsnummer": "kbo",
        "kbo_nummer": "kbo",
        "kbo_nr": "kbo",
        "bce": "kbo",
        "enterprise_number": "kbo",
        "webstek": "website",
        "url": "website",
        "postcode": "postal_code",
        "gebied": "area",
        "wijk": "area",
        "herkomst": "provenance",
        "bron": "provenance",
    },
    "coalitions": {
        **_COMMON_ALIASES,
        "soort": "kind",
        "type": "kind",
        "gebieden": "areas",
        "wijken": "areas",
        "area": "areas",
        "gebied": "areas",
    },
    "members": {
        **_COMMON_ALIASES,
        "coalitie": "coalition_id",
        "coalitie_id": "coalition_id",
        "coalition": "coalition_id",
        "project": "coalition_id",
        "project_id": "coalition_id",
        "actor": "actor_id",
        "organisatie": "actor_id",
        "organisatie_id": "actor_id",
        "rol": "role",
        "bijdrage": "contribution",
    },
    "ties": {
        **_COMMON_ALIASES,
        "bron": "source_id",
        "bron_id": "source_id",
        "source": "source_id",
        "doel": "target_id",
        "doel_id": "target_id",
        "target": "target_id",
        "soort": "type",
        "gericht": "directed",
        "gewicht": "weight",
    },
}


@dataclass
class Sheet:
    """A spreadsheet as text cells, with canonical column names and spreadsheet row numbers."""

    source: str
    columns: list[str]
    rows: list[list[str]]
    header: list[str]
    row_numbers: list[int]
    encoding: str = "utf-8"
    delimiter: str = ","
    problems: list[Problem] = field(default_factory=list)

    def column(self, name: str) -> list[str]:
        """The cells of one column; an absent optional column reads as empty cells."""
        if name not in self.columns:
            return [""] * len(self.rows)
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def _header_key(text: str) -> str:
    return re.sub(r"[\s\-./]+", "_", fold(text.lstrip("\ufeff"))).strip("_")


def load_mapping(path: Path) -> dict[str, str]:
    """A ``--mapping`` file: JSON ``{"their header": "our column"}`` or a two-column CSV."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ImportRejected(
                str(path),
                [Problem(path.name, 1, "mapping", message("expected a JSON object of names"))],
            )
        return {str(k): v for k, v in data.items()}
    delimiter = _sniff_delimiter(text.splitlines()[0] if text else "")
    mapping: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if len(row) >= 2 and row[0].strip() and _header_key(row[0]) not in ("from", "van"):
            mapping[row[0].strip()] = row[1].strip()
    return mapping


def canonical_header(
    kind: str, header: list[str], source: str, mapping: Mapping[str, str] | None = None
) -> tuple[list[str], list[Problem]]:
    """Rename headers to canonical columns: the mapping file first, then Dutch aliases."""
    known = CANONICAL[kind]
    aliases = ALIASES[kind]
    renames = {_header_key(k): _header_key(v) for k, v in (mapping or {}).items()}
    columns: list[str] = []
    problems: list[Problem] = []
    for original in header:
        key = _header_key(original)
        key = renames.get(key, key)
        key = aliases.get(key, key) if key not in known else key
        if key not in known:
            problems.append(
                Problem(
                    source,
                    1,
                    original or "(empty)",
                    message(
                        "unknown column; expected some of %(columns)s (or give a column mapping)",
                        columns=", ".join(known),
                    ),
                )
            )
        elif key in columns:
            problems.append(
                Problem(source, 1, original, message("column %(column)s appears twice", column=key))
            )
        columns.append(key)
    for required in REQUIRED[kind]:
        if required not in columns:
            problems.append(Problem(source, 1, required, message("required column is missing")))
    return columns, problems


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM) or Windows-1252, never a mix."""
    if b"\x00" in data[:4096]:
        raise ImportRejected(
            source, [Problem(source, 1, "file", message("binary content; save it as CSV or XLSX"))]
        )
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if encoding == "utf-8-sig" or _UTF8_MULTIBYTE.search(data):
            raise ImportRejected(
                source,
                [
                    Problem(
                        source,
                        line,
                        "file",
                        message(
                            "mixed encodings: this line is not UTF-8 but others are; "
                            "save the whole file as UTF-8"
                        ),
                    )
                ],
            ) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportRejected(
            source, [Problem(source, line, "file", message("neither UTF-8 nor Windows-1252 text"))]
        ) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path, kind: str) -> list[list[str]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # loaded only when needed

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        names = {fold(name): name for name in workbook.sheetnames}
        sheet = workbook[names.get(kind, workbook.sheetnames[0])]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows[:1]), default=0)
    while width and rows and not any(r[width - 1] if len(r) >= width else "" for r in rows):
        width -= 1
    return [row[:width] + [""] * (width - len(row)) for row in rows]


def _read_csv_rows(text: str, source: str, delimiter: str) -> list[list[str]]:
    csv.field_size_limit(1 << 26)  # over-long cells are reported one by one below, not here
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as error:
        raise ImportRejected(
            source,
            [
                Problem(
                    source,
                    reader.line_num,
                    "file",
                    message("unreadable CSV (%(error)s); truncated?", error=str(error)),
                )
            ],
        ) from None
    return rows


def read_sheet(
    path: Path, kind: str, mapping: Mapping[str, str] | None = None, source: str | None = None
) -> Sheet:
    """Read a CSV or XLSX file for one of the four canonical kinds.

    Structural problems of the file as a whole (encoding, header) raise ``ImportRejected``; problems
    of single rows (wrong number of cells, over-long cells) are kept in ``Sheet.problems``.
    """
    source = source or path.name
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            raw = _read_xlsx(path, kind)
        except Exception as error:  # openpyxl raises many kinds for a damaged workbook
            raise ImportRejected(
                source,
                [
                    Problem(
                        source,
                        1,
                        "file",
                        message("unreadable XLSX workbook (%(error)s)", error=str(error)),
                    )
                ],
            ) from None
        encoding, delimiter = "xlsx", ""
    else:
        text, encoding = decode(data, source)
        delimiter = _sniff_delimiter(text.split("\n", 1)[0])
        raw = _read_csv_rows(text, source, delimiter)
    while raw and not any(cell.strip() for cell in raw[-1]):
        raw.pop()
    if not raw:
        raise ImportRejected(source, [Problem(source, 1, "file", message("the file is empty"))])
    header = [cell.strip() for cell in raw[0]]
    columns, problems = canonical_header(kind, header, source, mapping)
    if problems:
        raise ImportRejected(source, problems)
    sheet = Sheet(source, columns, [], header, [], encoding, delimiter)
    width = len(columns)
    shown = "tab" if delimiter == "\t" else repr(delimiter)
    for cells, number in zip(raw[1:], range(2, len(raw) + 1), strict=True):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != width:
            template = (
                "has %(cells)s cells, the header has %(width)s "
                "(delimiter %(delimiter)s; truncated or wrong delimiter?)"
                if delimiter
                else "has %(cells)s cells, the header has %(width)s"
            )
            found = message(template, cells=len(cells), width=width, delimiter=shown)
            sheet.problems.append(Problem(source, number, "row", found))
            cells = (cells + [""] * width)[:width]
        for column, cell in zip(columns, cells, strict=True):
            if len(cell) > MAX_CELL:
                sheet.problems.append(
                    Problem(
                        source,
                        number,
                        column,
                        message(
                            "cell has %(length)s characters; at most %(most)s are accepted",
                            length=f"{len(cell):,}",
                            most=f"{MAX_CELL:,}",
                        ),
                    )
                )
        sheet.rows.append([cell.strip() for cell in cells])
        sheet.row_numbers.append(number)
    return sheet
