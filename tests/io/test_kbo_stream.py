"""The KBO importer streams the national files: memory follows the selection, not the file.

Generated files in the official layout (KBO Open Data cookbook: enterprise, denomination,
address, activity and contact CSVs, every value quoted as in the real files). The same 300
enterprises are seated in Gent in a small and a large set; the other enterprises are elsewhere.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quadhelix.io.kbo import HEADERS, import_kbo, read_kbo
from quadhelix.io.report import ImportRejected
from tests.io.helpers import write

SELECTED = 300


def _number(index: int) -> str:
    """A valid enterprise number (mod 97 check digits), written the way KBO writes it."""
    base = 2_000_000 + index  # the first eight digits, starting with 0
    digits = f"{base:08d}{97 - base % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def write_kbo_set(directory: Path, enterprises: int) -> Path:
    """``enterprises`` active enterprises; the first ``SELECTED`` in 9000 Gent."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {name: (directory / name).open("w", newline="", encoding="utf-8") for name in HEADERS}
    try:
        writers = {
            name: csv.writer(handle, quoting=csv.QUOTE_ALL) for name, handle in files.items()
        }
        for name, header in HEADERS.items():
            writers[name].writerow(header)
        writers["code.csv"].writerow(
            ["JuridicalForm", "017", "NL", "Vereniging zonder winstoogmerk"]
        )
        for index in range(enterprises):
            number = _number(index)
            form = "017" if index % 3 == 0 else "610"
            gent = index < SELECTED
            writers["enterprise.csv"].writerow([number, "AC", "000", "2", form, "", "01-02-2003"])
            writers["denomination.csv"].writerow([number, "2", "001", f"Onderneming {index}"])
            writers["denomination.csv"].writerow([number, "1", "001", f"Entreprise {index}"])
            writers["address.csv"].writerow(
                [number, "REGO", "", "", "9000" if gent else "1000",
                 "Gent" if gent else "Brussel", "", f"Straat {index}", "", "1", "", "", ""]
            )  # fmt: skip
            writers["activity.csv"].writerow([number, "006", "2008", "88999", "MAIN"])
            writers["activity.csv"].writerow([number, "006", "2003", "85321", "SECO"])
            writers["contact.csv"].writerow([number, "ENT", "WEB", f"www.o{index}.be"])
    finally:
        for handle in files.values():
            handle.close()
    return directory


def _traced_peak(source: Path) -> int:
    """Peak bytes Python allocated while reading (tracemalloc: exact, but slow on big files)."""
    tracemalloc.start()
    try:
        enterprises, _forms, problems = read_kbo(source, ["9000"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not problems and len(enterprises) == SELECTED
    return peak


_CHILD = """
import resource, sys
from pathlib import Path
from quadhelix.io.kbo import read_kbo
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
enterprises, _forms, problems = read_kbo(Path(sys.argv[1]), ["9000"])
assert len(enterprises) == int(sys.argv[2]) and not problems
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def _rss_growth_kb(source: Path) -> int:
    """How much a fresh process's peak resident memory grows while reading (fast on any size)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(SELECTED)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


@pytest.mark.slow
def test_memory_does_not_grow_with_the_file(engine: Engine, tmp_path: Path) -> None:
    # Exact allocations on a 5,000 and a 50,000 enterprise set: ten times the rows, the same
    # memory, because only the 300 enterprises of the selection are kept.
    small_peak = _traced_peak(write_kbo_set(tmp_path / "5k", 5_000))
    large_peak = _traced_peak(write_kbo_set(tmp_path / "50k", 50_000))
    assert large_peak < 1.5 * small_peak + 500_000, (small_peak, large_peak)
    # The national scale: 200,000 enterprises (1.4 million rows in five files), resident memory
    # of a fresh process, against 20,000.
    small = write_kbo_set(tmp_path / "20k", 20_000)
    large = write_kbo_set(tmp_path / "200k", 200_000)
    assert (large / "activity.csv").stat().st_size > 9 * (small / "activity.csv").stat().st_size
    small_rss, large_rss = _rss_growth_kb(small), _rss_growth_kb(large)
    assert large_rss < small_rss + 10_000, (small_rss, large_rss)  # KB: within 10 MB
    report = import_kbo(engine, large, ["9000"])
    assert report.tables["actor"].created == SELECTED
    assert dict(report.rules) == {"kbo-nonprofit-form": 100, "kbo-company": 200}


def test_a_file_in_another_layout_is_refused(tmp_path: Path) -> None:
    source = write_kbo_set(tmp_path / "kbo", 10)
    write(
        source / "address.csv",
        f'EntityNumber,TypeOfAddress,Zipcode,MunicipalityNL\n"{_number(0)}","REGO","9000","Gent"\n',
    )
    with pytest.raises(ImportRejected, match=r"address.csv:1:header: expected the KBO columns"):
        read_kbo(source, ["9000"])
