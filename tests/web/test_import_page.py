"""The import page: upload, dry-run report with every problem, confirm; roles, CSRF, tampering."""

from __future__ import annotations

import ast
import re
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import func, select

import quadhelix.io
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor, Area
from quadhelix.web.translations import translations
from quadhelix.web.uploads import MAX_BODY_BYTES
from tests.web.conftest import Browser, Site

GOOD = (
    "id,name,helix,kind\n"
    "a1,Buurtwerk Rabot,middenveld,organisation\n"
    "a2,Universiteit Gent,knowledge,organisation\n"
)
BAD = GOOD + "a3,,business,organisation\na4,Kapotte Sector,media,organisation\n"


@pytest.fixture
def uploads(site: Site, tmp_path: Path) -> Path:
    """Each test keeps its uploads in a folder of its own."""
    store = site.app.state.quadhelix.uploads
    store.root = tmp_path / "uploads"
    return Path(store.root)


def _actors(site: Site) -> int:
    with transaction(site.engine) as session:
        return session.scalar(select(func.count()).select_from(Actor)) or 0


def _upload(browser: Browser, text: str, name: str = "actoren.csv", **options: str) -> object:
    return browser.http.post(
        "/imports",
        data={"csrf_token": browser.csrf("/imports"), "kind": "actors", **options},
        files={"file": (name, text.encode(), "text/csv")},
    )


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, name
    return found.group(1)


def test_dry_run_then_confirm_imports_the_file(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    page = browser.http.get("/imports")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    checked = _upload(browser, GOOD)
    assert checked.status_code == 200, checked.text  # type: ignore[attr-defined]
    html = checked.text  # type: ignore[attr-defined]
    assert "Nog niets is weggeschreven" in html
    counts = re.search(r'<th scope="row">Actoren</th>((?:<td[^>]*>\d+</td>)+)', html)
    assert counts is not None and re.findall(r">(\d+)<", counts.group(1)) == ["2", "0", "0"]
    assert _actors(site) == 0  # the dry run wrote nothing
    upload, digest = _hidden(html, "upload"), _hidden(html, "digest")
    assert len(upload) >= 32 and len(list(uploads.iterdir())) == 1
    done = browser.http.post(
        "/imports/confirm",
        data={"csrf_token": browser.csrf("/imports"), "upload": upload, "digest": digest},
    )
    assert done.status_code == 200 and "Import voltooid" in done.text
    assert _actors(site) == 2
    assert list(uploads.iterdir()) == []  # removed once imported
    again = browser.http.post(
        "/imports/confirm",
        data={"csrf_token": browser.csrf("/imports"), "upload": upload, "digest": digest},
    )
    assert again.status_code == 410 and _actors(site) == 2  # a reload imports nothing twice
    assert "Dit bestand is al geïmporteerd of verlopen" in again.text
    assert 'action="/imports"' in again.text  # the import page, to upload again


def test_every_problem_is_listed_as_file_row_column(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    refused = _upload(browser, BAD)
    assert refused.status_code == 422  # type: ignore[attr-defined]
    html = refused.text  # type: ignore[attr-defined]
    problems = re.findall(r"<code>([^<]+)</code>", html)
    assert "actoren.csv:4:name" in problems and "actoren.csv:5:helix" in problems
    assert 'name="upload"' not in html and list(uploads.iterdir()) == []  # nothing to confirm
    skipped = _upload(browser, BAD, skip_invalid="yes")
    assert skipped.status_code == 200  # type: ignore[attr-defined]
    html = skipped.text  # type: ignore[attr-defined]
    assert re.search(r'id="rejected-rows">2<', html)
    assert "actoren.csv:5:helix" in re.findall(r"<code>([^<]+)</code>", html)
    assert str(uploads) not in html  # no server paths in the page
    done = browser.http.post(
        "/imports/confirm",
        data={
            "csrf_token": browser.csrf("/imports"),
            "upload": _hidden(html, "upload"),
            "digest": _hidden(html, "digest"),
        },
    )
    assert done.status_code == 200 and _actors(site) == 2


def test_bad_uploads_are_refused_with_the_field_named(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    wrong_type = _upload(browser, GOOD, name="actoren.exe")
    assert wrong_type.status_code == 422 and 'aria-describedby="file-error"' in wrong_type.text  # type: ignore[attr-defined]
    empty = _upload(browser, "")
    assert empty.status_code == 422  # type: ignore[attr-defined]
    kind = browser.http.post(
        "/imports",
        data={"csrf_token": browser.csrf("/imports"), "kind": "users"},
        files={"file": ("a.csv", GOOD.encode(), "text/csv")},
    )
    assert kind.status_code == 422 and 'aria-describedby="kind-error"' in kind.text
    none = browser.http.post(
        "/imports", data={"csrf_token": browser.csrf("/imports"), "kind": "actors"}
    )
    assert none.status_code == 422 and 'aria-describedby="file-error"' in none.text
    assert _actors(site) == 0


def test_an_upload_is_bound_to_its_session_and_digest(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    html = _upload(browser, GOOD).text  # type: ignore[attr-defined]
    upload, digest = _hidden(html, "upload"), _hidden(html, "digest")
    other = site.browser("admin")
    stolen = other.http.post(
        "/imports/confirm",
        data={"csrf_token": other.csrf("/imports"), "upload": upload, "digest": digest},
    )
    assert stolen.status_code == 410  # the same answer as for an upload that is gone
    token = browser.csrf("/imports")
    wrong = browser.http.post(
        "/imports/confirm", data={"csrf_token": token, "upload": upload, "digest": "0" * 64}
    )
    assert wrong.status_code == 422
    (uploads / upload / "actoren.csv").write_text(GOOD + "a9,Untergeschoben,business,team\n")
    swapped = browser.http.post(
        "/imports/confirm", data={"csrf_token": token, "upload": upload, "digest": digest}
    )
    assert swapped.status_code == 422 and _actors(site) == 0
    for guess in ("../../etc", "x" * 10):
        assert (
            browser.http.post(
                "/imports/confirm", data={"csrf_token": token, "upload": guess, "digest": digest}
            ).status_code
            == 410
        )


def test_only_editors_import_and_viewers_see_no_menu_entry(site: Site, uploads: Path) -> None:
    viewer = site.browser("viewer")
    assert viewer.http.get("/imports").status_code == 403
    assert 'href="/imports"' not in viewer.http.get("/actors").text
    assert 'href="/imports"' in site.browser("editor").http.get("/actors").text
    forbidden = viewer.http.post(
        "/imports",
        data={"csrf_token": viewer.csrf(), "kind": "actors"},
        files={"file": ("a.csv", GOOD.encode(), "text/csv")},
    )
    assert forbidden.status_code == 403
    assert site.browser().http.get("/imports").status_code == 303
    editor = site.browser("editor")
    forged = editor.http.post(
        "/imports",
        data={"csrf_token": "forged", "kind": "actors"},
        files={"file": ("a.csv", GOOD.encode(), "text/csv")},
    )
    assert forged.status_code == 403 and _actors(site) == 0
    english = editor.http.get("/imports?lang=en")
    assert "Import a spreadsheet" in english.text


def test_a_column_mapping_renames_the_columns(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    theirs = "Code;Naam;Sector\nx1;Buurtwerk Rabot;middenveld\n"
    mapping = "van,naar\nCode,id\nNaam,name\nSector,helix\n"
    checked = browser.http.post(
        "/imports",
        data={"csrf_token": browser.csrf("/imports"), "kind": "actors"},
        files={
            "file": ("eigen.csv", theirs.encode(), "text/csv"),
            "mapping": ("kolommen.csv", mapping.encode(), "text/csv"),
        },
    )
    assert checked.status_code == 200, checked.text
    assert re.findall(r'<th scope="row">Actoren</th><td class="number">(\d+)<', checked.text) == [
        "1"
    ]
    broken = browser.http.post(
        "/imports",
        data={"csrf_token": browser.csrf("/imports"), "kind": "actors"},
        files={
            "file": ("eigen.csv", theirs.encode(), "text/csv"),
            "mapping": ("kolommen.json", b"{not json", "application/json"),
        },
    )
    assert broken.status_code == 422 and 'aria-describedby="mapping-error"' in broken.text
    assert "onleesbaar" in broken.text
    assert len(list(uploads.iterdir())) == 1  # only the good upload waits for confirmation


def test_an_oversized_upload_is_refused_before_it_is_parsed(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/imports")
    huge = GOOD + "x" * (MAX_BODY_BYTES + 1)
    response = browser.http.post(
        "/imports",
        data={"csrf_token": token, "kind": "actors"},
        files={"file": ("actoren.csv", huge.encode(), "text/csv")},
    )
    assert response.status_code == 413 and "larger than" in response.text
    assert response.headers["x-content-type-options"] == "nosniff"  # still the site's headers
    assert not uploads.exists() or list(uploads.iterdir()) == []
    assert _actors(site) == 0
    assert _upload(browser, GOOD).status_code == 200  # type: ignore[attr-defined]


def _confirm(browser: Browser, html: str) -> object:
    return browser.http.post(
        "/imports/confirm",
        data={
            "csrf_token": browser.csrf("/imports"),
            "upload": _hidden(html, "upload"),
            "digest": _hidden(html, "digest"),
        },
    )


def _problems(html: str) -> list[str]:
    """Each listed problem as ``file:row:column: message``, as the page shows it."""
    found = re.findall(r"<li><code>([^<]+)</code>: ([^<]+)</li>", html)
    return [f"{where}: {unescape(what)}" for where, what in found]


def _area_codes(site: Site) -> set[str]:
    with transaction(site.engine) as session:
        return set(session.scalars(select(Area.code)))


def test_a_skipped_row_creates_no_area_and_is_not_counted(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    text = (
        "id,name,helix,area,start,end\n"
        "ux-1,UX Import Een,overheid,Rabot,,\n"
        "ux-2,UX Import Twee,overheid,Nergensland,2024-01-01,2020-01-01\n"
    )
    checked = _upload(browser, text, skip_invalid="yes", create_themes="yes")
    html = checked.text  # type: ignore[attr-defined]
    assert "nergensland" not in html.lower()  # neither counted nor listed
    assert re.search(r"<dt>Nieuwe gebieden</dt><dd>rabot</dd>", html)
    done = _confirm(browser, html)
    assert done.status_code == 200  # type: ignore[attr-defined]
    assert "nergensland" not in _area_codes(site) and "rabot" in _area_codes(site)


def test_row_problems_speak_the_pages_language(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    missing = _upload(browser, "id,name\na1,Zonder sector\n")
    assert _problems(missing.text) == [  # type: ignore[attr-defined]
        "actoren.csv:1:helix: verplichte kolom ontbreekt"
    ]
    rows = "source_id,target_id,weight,start,end\nqh-79,qh-79,veel,2024-01-01,2020-01-01\n"
    token = browser.csrf("/imports")
    for path, expected in (
        (
            "/imports",
            [
                "banden.csv:2:end: eindigt voor het begint (2020-01-01 < 2024-01-01)",
                "banden.csv:2:source: geen actor gevonden voor 'qh-79' (id, #nummer, "
                "ondernemingsnummer of exacte naam); importeer eerst de actoren",
                "banden.csv:2:target: geen actor gevonden voor 'qh-79' (id, #nummer, "
                "ondernemingsnummer of exacte naam); importeer eerst de actoren",
                "banden.csv:2:target_id: een relatie heeft twee verschillende actoren nodig",
                "banden.csv:2:weight: geen getal (gekregen: 'veel')",
            ],
        ),
        (
            "/imports?lang=en",
            [
                "banden.csv:2:end: ends before it starts (2020-01-01 < 2024-01-01)",
                "banden.csv:2:source: no actor matches 'qh-79' (id, #number, KBO number or "
                "exact name); import the actors first",
                "banden.csv:2:target: no actor matches 'qh-79' (id, #number, KBO number or "
                "exact name); import the actors first",
                "banden.csv:2:target_id: a tie needs two different actors",
                "banden.csv:2:weight: not a number (got 'veel')",
            ],
        ),
    ):
        refused = browser.http.post(
            path,
            data={"csrf_token": token, "kind": "ties"},
            files={"file": ("banden.csv", rows.encode(), "text/csv")},
        )
        assert refused.status_code == 422
        assert _problems(refused.text) == expected


def test_duplicate_hints_are_translated_and_true(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    first = _upload(browser, "id,name,helix\nux-1,UX Import Een,overheid\nk1,Kriko,middenveld\n")
    assert _confirm(browser, first.text).status_code == 200  # type: ignore[attr-defined]
    second = _upload(
        browser, "id,name,helix\nux-5,UX Import Vijf,overheid\nk2,Scouts Kriko,middenveld\n"
    )
    html = second.text  # type: ignore[attr-defined]
    hints = re.findall(r"<li>(#\d+ [^<]+)</li>", html)
    assert len(hints) == 1 and "Kriko" in hints[0], hints
    assert hints[0].endswith("(de ene naam bevat de andere)")


def test_the_page_links_the_documentation_on_importing(site: Site, uploads: Path) -> None:
    browser = site.browser("editor")
    page = browser.http.get("/imports")
    assert re.search(r'<a href="/help/imports">[^<]*documentatie over importeren', page.text)
    dutch = browser.http.get("/help/imports")
    assert dutch.status_code == 200 and ">Importeren en de CSV-export</h1>" in dutch.text
    assert "<table>" in dutch.text  # the column tables are rendered


def _io_message_ids() -> set[str]:
    """Message ids the spreadsheet import gives its problems and duplicate hints."""
    ids: set[str] = set()
    folder = Path(quadhelix.io.__file__).parent
    for name in ("spreadsheet", "validate", "entities", "relations", "duplicates", "load"):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                callee = node.func
                called = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", "")
                position = {"message": 0, "Invalid": 0, "Message": 0, "reject": 2}.get(called)
                if position is not None and len(node.args) > position:
                    argument = node.args[position]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        ids.add(argument.value)
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in ("GOT", "NOT_FOUND", "SEVERAL")
            ):
                found = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
                ids |= {
                    v.value
                    for v in found
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                }
    return ids


def test_every_import_problem_has_dutch() -> None:
    ids = _io_message_ids()
    assert "required column is missing" in ids and "one name contains the other" in ids
    assert len(ids) > 35
    dutch = translations("nl").gettext
    assert {i for i in ids if dutch(i) == i} == set()
