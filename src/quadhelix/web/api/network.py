"""``/api/v1/network``: the network map's data (nodes with layout, metrics, community; edges)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from quadhelix.web.analysis import StrictNetworkQuery
from quadhelix.web.api.common import READ, filter_values
from quadhelix.web.deps import Reader, SessionDep, StateDep
from quadhelix.web.network import network_json, network_json_or_progress

router = APIRouter(tags=["analytics"])


class NodePublic(BaseModel):
    id: int = Field(description="The actor's database id.")
    label: str = Field(description="The actor's name (plain text; escape it when showing it).")
    helix: str
    kind: str
    department: str | None = Field(description="Top-level unit of the city's org tree.")
    x: float = Field(description="Layout position in [-1, 1], computed on the server.")
    y: float
    degree: int
    betweenness: float = Field(description="Shortest paths through the actor (see analytics).")
    pagerank: float
    community: int = Field(description="Leiden community number.")


class EdgePublic(BaseModel):
    source: int
    target: int
    weight: float


class NetworkPublic(BaseModel):
    view: str
    layout: str
    betweenness_method: str = Field(description="`exact`, or `sampled` above 2,000 actors.")
    communities: int
    nodes: list[NodePublic]
    edges: list[EdgePublic]


@router.get(
    "/network",
    response_model=NetworkPublic,
    responses=READ,
    summary="The network map's data",
    description="Actors and their links for the filters of `quadhelix analyze`, with a "
    "server-side layout (cached until the registry changes), degree, betweenness, PageRank "
    "and Leiden community per actor. With `Prefer: respond-async`, a map that is still being "
    "computed in the background is not waited for: the answer is 202 with the progress "
    '(`{"status": "preparing", "stage", "step", "steps"}`) and `Retry-After`; a map that '
    "failed is a 500 problem until the registry changes.",
)
def network(
    request: Request,
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[StrictNetworkQuery, Query()],
) -> Response:
    with filter_values():
        if "respond-async" not in request.headers.get("prefer", "").lower():
            return Response(network_json(state, session, query), media_type="application/json")
        found = network_json_or_progress(state, session, query)
        if not isinstance(found, bytes) and found.refused is not None:
            raise found.refused
    if isinstance(found, bytes):
        return Response(found, media_type="application/json")
    if found.error:  # failed for this registry state; tried again after the next change
        problem = {"title": "The network map could not be computed", "status": 500}
        return JSONResponse(
            {**problem, "detail": found.error}, 500, media_type="application/problem+json"
        )
    return JSONResponse(
        found.as_json(), 202, headers={"Retry-After": "1", "Preference-Applied": "respond-async"}
    )
