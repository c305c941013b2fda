from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from quadhelix.io.report import ImportRejected
from quadhelix.io.spreadsheet import MAX_CELL, decode, load_mapping, read_sheet
from tests.io.helpers import CORPUS, write


def test_semicolons_and_windows_1252_as_belgian_excel_saves_them(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id;naam;sector\nA1;Café Zuid;middenveld\n", "cp1252")
    sheet = read_sheet(path, "actors")
    assert (sheet.encoding, sheet.delimiter) == ("cp1252", ";")
    assert sheet.columns == ["id", "name", "helix"]
    assert sheet.rows == [["A1", "Café Zuid", "middenveld"]]


def test_utf8_with_bom_and_tabs(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "\ufeffid\tname\thelix\nA1\tCafé\tbedrijf\n")
    sheet = read_sheet(path, "actors")
    assert (sheet.encoding, sheet.delimiter, sheet.columns[0]) == ("utf-8-sig", "\t", "id")


def test_mixed_encodings_are_refused_with_the_line() -> None:
    with pytest.raises(ImportRejected) as caught:
        read_sheet(CORPUS / "mixed_encoding.csv", "actors")
    assert str(caught.value.problems[0]).startswith("mixed_encoding.csv:3:file: mixed encodings")


def test_decode_prefers_utf8() -> None:
    assert decode("é".encode(), "x") == ("é", "utf-8")
    assert decode("é".encode("cp1252"), "x") == ("é", "cp1252")


def test_mapping_file_renames_headers(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "Code;Organisatie;Soort actor\nA1;Rabot;middenveld\n")
    mapping = write(tmp_path / "m.json", json.dumps({"Code": "id", "Soort actor": "helix"}))
    sheet = read_sheet(path, "actors", load_mapping(mapping))
    assert sheet.columns == ["id", "name", "helix"]
    csv_mapping = write(tmp_path / "m.csv", "from,to\nCode,id\nSoort actor,helix\n")
    assert load_mapping(csv_mapping) == {"Code": "id", "Soort actor": "helix"}


def test_xlsx_cells_become_text(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["source_id", "target_id", "weight", "start"])
    sheet.append(["A1", "A2", 2.0, "2021-01-01"])
    sheet.append(["A1", "A3", 0.5, None])
    workbook.save(tmp_path / "ties.xlsx")
    read = read_sheet(tmp_path / "ties.xlsx", "ties")
    assert read.rows == [["A1", "A2", "2", "2021-01-01"], ["A1", "A3", "0.5", ""]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("truncated.csv", "truncated.csv:2:file: unreadable CSV"),
        ("unknown_column.csv", "unknown_column.csv:1:favourite_colour: unknown column"),
        ("missing_column.csv", "missing_column.csv:1:helix: required column is missing"),
        ("empty.csv", "empty.csv:1:file: the file is empty"),
        ("binary.csv", "binary.csv:1:file: binary content"),
    ],
)
def test_broken_files_are_refused_precisely(name: str, expected: str) -> None:
    with pytest.raises(ImportRejected) as caught:
        read_sheet(CORPUS / name, "actors")
    assert str(caught.value.problems[0]).startswith(expected)


def test_row_problems_are_kept_per_row(tmp_path: Path) -> None:
    sheet = read_sheet(CORPUS / "wrong_delimiter.csv", "actors")
    assert [str(p) for p in sheet.problems] == [
        "wrong_delimiter.csv:2:row: has 1 cells, the header has 3 "
        "(delimiter ';'; truncated or wrong delimiter?)"
    ]
    big = write(tmp_path / "big.csv", "id,name,helix,description\nA1,X,overheid," + "x" * 2**20)
    assert str(read_sheet(big, "actors").problems[0]) == (
        f"big.csv:2:description: cell has 1,048,576 characters; at most {MAX_CELL:,} are accepted"
    )
