"""The import page: upload, dry-run report with every problem, confirm; roles, CSRF, tampering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor
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
    assert again.status_code == 404 and _actors(site) == 2


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
    assert stolen.status_code == 404
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
            == 404
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
