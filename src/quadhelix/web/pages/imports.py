"""The import page: upload a spreadsheet, see what the import would do, then confirm it.

The same function as ``quadhelix import`` runs the import (``quadhelix.io.load``), first as a
dry run (everything done, then rolled back), then for real once the editor confirms. Between the
two the file stays on the server (``web.uploads``): the confirmation names it by a random id
and the digest the editor saw, and only the session that uploaded it may confirm it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile

from quadhelix.io.load import KINDS, import_spreadsheet
from quadhelix.io.report import ImportRejected, ImportReport, Problem
from quadhelix.io.spreadsheet import load_mapping
from quadhelix.registry.errors import InvalidValue, NotFound, QuadhelixError
from quadhelix.web.deps import CheckedForm
from quadhelix.web.messages import Text
from quadhelix.web.pages.forms import FormErrors, form_errors, form_text
from quadhelix.web.pages.rendering import EditorView, View
from quadhelix.web.translations import N_
from quadhelix.web.uploads import MAX_BYTES, MAX_MAPPING_BYTES, Upload, session_digest

router = APIRouter()
GONE = N_("This upload was already imported or has expired; upload the file again.")


def _owner(view: View) -> str:
    return session_digest(view.principal.csrf_token or "")


def _form(view: View, values: dict[str, Any], errors: FormErrors | None = None) -> HTMLResponse:
    errors = errors or FormErrors()
    return view.render(
        "imports/page.html",
        status_code=errors.status if errors else 200,
        values=values,
        errors=errors,
        kinds=KINDS,
        max_mb=MAX_BYTES // 1024**2,
    )


def _read(file: object, field: str, limit: int) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes (``None`` when no file was chosen)."""
    if not isinstance(file, UploadFile) or not file.filename:
        return None
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise InvalidValue(field, file.filename, "larger than %(size)s kB", size=limit // 1024)
    return file.filename, data


def _run(view: View, upload: Upload, dry_run: bool) -> tuple[ImportReport | None, list[Problem]]:
    """The import's report, or no report and the problems that refused the whole file."""
    root = view.state.uploads.root
    try:
        report = import_spreadsheet(
            view.state.engine,
            upload.kind,
            upload.path(root),
            mapping=upload.mapping_path(root),
            dry_run=dry_run,
            skip_invalid=upload.skip_invalid,
            rejects=upload.folder(root) / "rejects.csv",
            create_themes=upload.create_themes,
        )
    except ImportRejected as rejected:
        return None, rejected.problems
    report.notes = [note for note in report.notes if str(root) not in note]  # no server paths
    return report, report.rejected


def _check_mapping(view: View, upload: Upload) -> None:
    """A mapping file that cannot be read is the mapping field's error, not a server error."""
    path = upload.mapping_path(view.state.uploads.root)
    if path is None:
        return
    try:
        load_mapping(path)
    except (ValueError, UnicodeDecodeError):
        view.state.uploads.remove(upload)
        raise InvalidValue(
            "mapping", path.name, "unreadable: expected a JSON object or a two-column CSV (UTF-8)"
        ) from None


def _report(
    view: View, upload: Upload, report: ImportReport | None, problems: list[Problem], done: bool
) -> HTMLResponse:
    return view.render(
        "imports/report.html",
        status_code=200 if report is not None else 422,
        upload=upload,
        report=report,
        problems=problems,  # their Messages are translated by the templates
        duplicates=report.duplicates if report else [],
        done=done,
    )


@router.get("/imports")
def import_page(view: EditorView) -> HTMLResponse:
    return _form(view, {"kind": "actors"})


@router.post("/imports")
def dry_run(view: EditorView, form: CheckedForm) -> HTMLResponse:
    """Keep the file, run the import as a dry run and show its report."""
    kind = form_text(form, "kind")
    values = {
        "kind": kind,
        "skip_invalid": form_text(form, "skip_invalid") == "yes",
        "create_themes": form_text(form, "create_themes") == "yes",
    }
    try:
        if kind not in KINDS:
            raise InvalidValue("kind", kind, "expected one of %(kinds)s", kinds=", ".join(KINDS))
        sheet = _read(form.get("file"), "file", MAX_BYTES)
        if sheet is None:
            raise InvalidValue("file", "", "choose a CSV or XLSX file")
        mapping = _read(form.get("mapping"), "mapping", MAX_MAPPING_BYTES)
        upload = view.state.uploads.save(
            _owner(view),
            kind,
            sheet[0],
            sheet[1],
            mapping,
            skip_invalid=bool(values["skip_invalid"]),
            create_themes=bool(values["create_themes"]),
        )
        _check_mapping(view, upload)
        report, problems = _run(view, upload, dry_run=True)
    except QuadhelixError as error:
        return _form(view, values, form_errors(error))
    if report is None:
        view.state.uploads.remove(upload)  # refused as a whole: nothing to confirm
    return _report(view, upload, report, problems, done=False)


@router.post("/imports/confirm")
def confirm(view: EditorView, form: CheckedForm) -> HTMLResponse:
    """Import the kept file for real, if it is this session's and still the file checked.

    A confirmation sent again (a reload) finds no upload: the import page says so (410 Gone).
    """
    store = view.state.uploads
    try:
        upload = store.get(form_text(form, "upload"), _owner(view), form_text(form, "digest"))
    except NotFound:
        return _form(view, {"kind": "actors"}, FormErrors(general=Text(GONE), status=410))
    try:
        report, problems = _run(view, upload, dry_run=False)
    finally:
        store.remove(upload)
    return _report(view, upload, report, problems, done=report is not None)
