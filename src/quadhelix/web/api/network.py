"""``/api/v1/network``: the network map's data (nodes with layout, metrics, community; edges)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from quadhelix.web.analysis import StrictNetworkQuery
from quadhelix.web.api.common import READ, filter_values
from quadhelix.web.deps import Reader, SessionDep, StateDep
from quadhelix.web.network import network_json

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
    "and Leiden community per actor.",
)
def network(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[StrictNetworkQuery, Query()],
) -> Response:
    with filter_values():
        body = network_json(state, session, query)
    return Response(body, media_type="application/json")
