"""Uploaded import files kept on the server between the dry run and the confirmation.

An upload is stored under a random, unguessable id in a folder of its own, with a small JSON
record of who may use it (a digest of the uploader's browser session), which kind of import it
is for and the SHA-256 digest of its bytes. Confirming checks all three again, so a file cannot
be swapped between the dry run and the real import, nor confirmed from another session.
Uploads are removed after the import, and any left behind after ``MAX_AGE``.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from quadhelix.registry.errors import InvalidValue, NotFound

MAX_BYTES = 20 * 1024 * 1024  # an import file
MAX_MAPPING_BYTES = 64 * 1024  # a column mapping
MAX_BODY_BYTES = MAX_BYTES + MAX_MAPPING_BYTES + 1024**2  # any request: a file, mapping, fields
MAX_AGE = 3600.0  # seconds an unconfirmed upload is kept
SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
MAPPING_SUFFIXES = (".json", ".csv")
_ID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
_RECORD = "upload.json"


def session_digest(csrf_token: str) -> str:
    """Who may use an upload: a digest of the browser session's own secret, never the secret."""
    return hashlib.sha256(b"upload:" + csrf_token.encode()).hexdigest()


def safe_name(filename: str, allowed: tuple[str, ...], field: str) -> str:
    """The file's own name (shown in problems as ``file:row:column``), without any folder."""
    name = Path(filename.replace("\\", "/")).name
    name = re.sub(r"[^\w.\- ]", "_", name).strip(" .") or "upload"
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise InvalidValue(
            field, filename, "expected a file ending in %(suffixes)s", suffixes=", ".join(allowed)
        )
    return name[-120:]


@dataclass(frozen=True)
class Upload:
    """One stored upload: where it is and what it is for."""

    id: str
    kind: str
    filename: str
    digest: str
    owner: str
    mapping: str | None
    created: float
    skip_invalid: bool
    create_themes: bool

    def folder(self, root: Path) -> Path:
        return root / self.id

    def path(self, root: Path) -> Path:
        return self.folder(root) / self.filename

    def mapping_path(self, root: Path) -> Path | None:
        return self.folder(root) / self.mapping if self.mapping else None


class UploadStore:
    """Uploads in one folder (by default under the system's temporary folder)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.gettempdir()) / "quadhelix-uploads"

    def save(
        self,
        owner: str,
        kind: str,
        filename: str,
        data: bytes,
        mapping: tuple[str, bytes] | None,
        *,
        skip_invalid: bool = False,
        create_themes: bool = False,
    ) -> Upload:
        if not data:
            raise InvalidValue("file", filename, "the file is empty")
        if len(data) > MAX_BYTES:
            raise InvalidValue(
                "file", filename, "larger than %(size)s MB", size=MAX_BYTES // 1024**2
            )
        name = safe_name(filename, SUFFIXES, "file")
        mapping_name = None
        if mapping is not None:
            mapping_name = (
                "mapping" + Path(safe_name(mapping[0], MAPPING_SUFFIXES, "mapping")).suffix
            )
            if len(mapping[1]) > MAX_MAPPING_BYTES:
                raise InvalidValue(
                    "mapping", mapping[0], "larger than %(size)s kB", size=MAX_MAPPING_BYTES // 1024
                )
        self.sweep()
        upload = Upload(
            id=secrets.token_urlsafe(24),
            kind=kind,
            filename=name,
            digest=hashlib.sha256(data).hexdigest(),
            owner=owner,
            mapping=mapping_name,
            created=time.time(),
            skip_invalid=skip_invalid,
            create_themes=create_themes,
        )
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder = upload.folder(self.root)
        folder.mkdir(mode=0o700)
        upload.path(self.root).write_bytes(data)
        if mapping is not None and mapping_name is not None:
            (folder / mapping_name).write_bytes(mapping[1])
        (folder / _RECORD).write_text(json.dumps(asdict(upload)), encoding="utf-8")
        return upload

    def get(self, upload_id: str, owner: str, digest: str) -> Upload:
        """The upload, if it exists, belongs to this session and still has the digest shown."""
        if not _ID.match(upload_id):
            raise NotFound("upload", upload_id)
        record = self.root / upload_id / _RECORD
        try:
            upload = Upload(**json.loads(record.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            raise NotFound("upload", upload_id) from None
        expired = time.time() - upload.created > MAX_AGE
        if not secrets.compare_digest(upload.owner, owner) or expired:
            raise NotFound("upload", upload_id)
        actual = hashlib.sha256(upload.path(self.root).read_bytes()).hexdigest()
        if not (secrets.compare_digest(actual, upload.digest) and digest == upload.digest):
            raise InvalidValue(
                "digest", digest, "the file differs from the one checked; upload again"
            )
        return upload

    def remove(self, upload: Upload) -> None:
        shutil.rmtree(upload.folder(self.root), ignore_errors=True)

    def sweep(self) -> None:
        """Remove uploads older than ``MAX_AGE`` (confirmed or not)."""
        if not self.root.is_dir():
            return
        limit = time.time() - MAX_AGE
        for folder in self.root.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < limit:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue
