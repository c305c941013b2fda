"""What every API router shares: paging, list envelopes, ETags and the documented errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Header, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.queries import Page
from quadhelix.web.deps import MAX_ID
from quadhelix.web.problems import error_responses
from quadhelix.web.versioning import Versioned, etag

T = TypeVar("T")
M = TypeVar("M")

MAX_LIMIT = 500

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's database id.")]

READ = error_responses(401, 422)
READ_ONE = error_responses(401, 404, 422)
CREATE = error_responses(401, 403, 404, 409, 422)
CHANGE = error_responses(401, 403, 404, 409, 422, 428)

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag from the last GET of this record. Required: without it the "
        "answer is 428; when the record has changed since, 409.",
    ),
]


class PageQuery(BaseModel):
    """``limit`` and ``offset`` for every list; unknown query parameters are refused."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description="Records per page.")
    offset: int = Field(default=0, ge=0, description="Records to skip.")


class PageLinks(BaseModel):
    self: str
    next: str | None
    prev: str | None


class PageOf(BaseModel, Generic[T]):
    """One page of a list: the records, how many match in all, and links to the neighbours."""

    data: list[T]
    total: int
    limit: int
    offset: int
    links: PageLinks


P = TypeVar("P", bound=PageOf[Any])


def envelope(cls: type[P], request: Request, page: Page[Any], data: list[Any]) -> P:
    limit = page.limit or len(data)
    url = request.url

    def at(offset: int) -> str:
        return str(url.include_query_params(offset=offset, limit=limit))

    following = page.offset + limit
    return cls(
        data=data,
        total=page.total,
        limit=limit,
        offset=page.offset,
        links=PageLinks(
            self=str(url),
            next=at(following) if following < page.total else None,
            prev=at(max(page.offset - limit, 0)) if page.offset > 0 else None,
        ),
    )


def slice_page(items: list[T], query: PageQuery) -> Page[T]:
    """Page a short list that is already in memory (themes, areas, users)."""
    return Page(
        items[query.offset : query.offset + query.limit], len(items), query.limit, query.offset
    )


def with_etag(response: Response, record: Versioned) -> None:
    response.headers["ETag"] = etag(record)


@contextmanager
def filter_values() -> Iterator[None]:
    """A filter naming a record that is missing or ambiguous is a bad query value (422)."""
    try:
        yield
    except NotFound as error:
        raise InvalidValue(error.what, error.ref, "no such record") from None
    except Conflict as error:
        raise InvalidValue("query", None, str(error)) from None


def record(session: Session, model: type[M], record_id: int, what: str) -> M:
    """A record by database id only (never by name or external id), or 404."""
    found = session.get(model, record_id)
    if found is None:
        raise NotFound(what, record_id)
    return found


@contextmanager
def references() -> Iterator[None]:
    """A request body naming a record that does not exist is invalid (422), not a 404."""
    try:
        yield
    except NotFound as error:
        raise InvalidValue(error.what, error.ref, "no such record") from None
