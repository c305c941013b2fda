"""Schemathesis against the app's own OpenAPI schema: no 5xx, no answer outside the schema.

Every operation gets a bounded number of generated requests (valid and invalid) as an editor,
on a registry with some records in it. Marked slow; CI runs it.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from quadhelix.accounts.model import Role
from tests.web.conftest import Site
from tests.web.seed import seed

EXAMPLES_PER_OPERATION = 25
# A request can fit the schema and still be refused: the schema cannot say which themes, areas
# or parent actors exist, nor which names are taken (422/409 are the right answers then).
EXCLUDED = [positive_data_acceptance]


@pytest.mark.slow
def test_the_api_keeps_to_its_schema(site: Site) -> None:
    seed(site.engine, "fuzz")
    headers = {"Authorization": f"Bearer {site.tokens[Role.EDITOR]}"}
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", site.app)
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 25

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)

        try:
            check()
        except Exception as error:  # collect all, report together
            failures[operation.label] = str(error)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
