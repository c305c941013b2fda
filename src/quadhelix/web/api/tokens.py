"""``/api/v1/tokens``: a signed-in user's own API tokens. The token is shown once, on creation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from quadhelix.accounts.schemas import TokenCreate, TokenCreated, TokenPublic
from quadhelix.accounts.tokens import create_api_token, list_api_tokens, revoke_api_token
from quadhelix.web.api.common import READ, READ_ONE, Id, PageOf, PageQuery, envelope, slice_page
from quadhelix.web.deps import CurrentUser, SessionDep
from quadhelix.web.problems import error_responses

router = APIRouter(prefix="/tokens", tags=["tokens"])


class TokensPublic(PageOf[TokenPublic]):
    pass


@router.get("", response_model=TokensPublic, responses=READ, summary="List your API tokens")
def list_tokens(
    request: Request, session: SessionDep, user: CurrentUser, query: Annotated[PageQuery, Query()]
) -> TokensPublic:
    page = slice_page(list_api_tokens(session, user), query)
    return envelope(
        TokensPublic, request, page, [TokenPublic.model_validate(t) for t in page.items]
    )


@router.post(
    "",
    response_model=TokenCreated,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(401, 403, 422),
    summary="Make an API token",
)
def create_token(data: TokenCreate, session: SessionDep, user: CurrentUser) -> TokenCreated:
    """The answer holds the token itself; it is not stored and cannot be shown again."""
    issued = create_api_token(session, user, data.name, data.expires_at)
    public = TokenPublic.model_validate(issued.record)
    return TokenCreated(**public.model_dump(), token=issued.token)


@router.delete(
    "/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**READ_ONE, **error_responses(403)},
    summary="Revoke one of your API tokens",
)
def revoke_token(token_id: Id, session: SessionDep, user: CurrentUser) -> None:
    revoke_api_token(session, user, token_id)
