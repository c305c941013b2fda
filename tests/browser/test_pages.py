"""The web application in a real browser: sign-in, search, profile, coalitions, map, language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import EVIL_NAME, FINDABLE_NAME, WAIT_MS, Tab

pytestmark = pytest.mark.browser


def _map_ready(tab: Tab, path: str) -> int:
    tab.open(path)
    tab.page.wait_for_function(
        "() => window.quadhelixMap && (window.quadhelixMap.ready || window.quadhelixMap.error)",
        timeout=WAIT_MS,
    )
    assert tab.page.evaluate("() => window.quadhelixMap.error") is None
    order: int = tab.page.evaluate("() => window.quadhelixMap.graph.order")
    return order


def _api_count(tab: Tab, query: str) -> int:
    answer = tab.page.request.get(f"{tab.site.url}/api/v1/network{query}", timeout=WAIT_MS)
    assert answer.ok, answer.status
    data: dict[str, Any] = answer.json()
    return len(data["nodes"])


def test_dashboard_and_silos(tab: Tab) -> None:
    page = tab.page
    assert page.locator("h1").inner_text() == "De coalities van de stad in één oogopslag"
    assert page.locator("svg.chart").count() >= 3
    tab.shoot("dashboard")
    tab.open("/silos")
    assert page.locator("table.heat tbody tr").count() > 5
    tab.shoot("silos")
    assert tab.problems == []


def test_search_an_actor_and_open_the_profile(tab: Tab) -> None:
    page = tab.page
    tab.open("/actors")
    page.fill("#f-search", "sluizeken")
    page.locator("#results a", has_text=FINDABLE_NAME).wait_for(timeout=WAIT_MS)
    assert "search=sluizeken" in page.url  # htmx keeps the address in step
    tab.open("/actors")
    tab.shoot("actors")
    tab.open("/actors?search=sluizeken")
    page.locator("#results a", has_text=FINDABLE_NAME).click()
    page.wait_for_url(re.compile(r"/actors/\d+$"), timeout=WAIT_MS)
    assert page.locator("h1").inner_text() == FINDABLE_NAME
    tab.shoot("actor-profile")
    assert tab.problems == []


def test_create_a_coalition(tab: Tab) -> None:
    page = tab.page
    tab.open("/coalitions/new")
    page.fill("#f-name", "Klimaatstraat Sluizeken")
    page.select_option("#f-kind", "project")
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(re.compile(r"/coalitions/\d+$"), timeout=WAIT_MS)
    assert page.locator("h1").inner_text() == "Klimaatstraat Sluizeken"
    assert page.locator("#helix-balance svg.chart").count() == 1
    tab.open("/coalitions/1")
    tab.shoot("coalition")
    assert tab.problems == []


def test_network_map_shows_the_api_graph_and_filters_change_it(tab: Tab) -> None:
    everything = _map_ready(tab, "/map")
    assert everything == _api_count(tab, "") > 600
    assert tab.page.locator("#map canvas").count() > 0
    tab.page.select_option("#map-colour", "community")
    tab.page.select_option("#map-size", "betweenness")
    tab.shoot("map")
    period = "?from=2020-01-01&to=2020-12-31"
    narrower = _map_ready(tab, "/map" + period)
    assert narrower == _api_count(tab, period)
    assert 0 < narrower < everything
    assert tab.problems == []


def test_map_search_and_ego_network(tab: Tab) -> None:
    page = tab.page
    _map_ready(tab, "/map")
    page.fill("#map-search", "sluizeken")
    button = page.locator("#map-matches button", has_text=FINDABLE_NAME)
    button.click()
    assert page.locator("#map-selected-link").inner_text() == FINDABLE_NAME
    page.check("#map-ego")
    assert tab.problems == []


def test_names_with_markup_stay_text(tab: Tab) -> None:
    page = tab.page
    tab.open(f"/actors/{tab.site.evil_actor}")
    assert page.locator("h1").inner_text() == EVIL_NAME
    assert page.locator("main script, main b").count() == 0
    _map_ready(tab, "/map")
    page.evaluate(f"() => window.quadhelixMap.select({tab.site.evil_actor})")
    page.wait_for_function(
        "() => !window.quadhelixMap.renderer.getCamera().isAnimated()", timeout=WAIT_MS
    )
    tooltip = page.locator("#map-tooltip")
    for attempt in range(10):  # sigma picks the hovered node on the next frame
        spot = page.evaluate(f"() => window.quadhelixMap.viewportOf({tab.site.evil_actor})")
        page.mouse.move(spot["x"] + attempt % 3 - 1, spot["y"], steps=3)
        if tooltip.is_visible():
            break
        page.wait_for_timeout(200)
    tooltip.wait_for(state="visible", timeout=WAIT_MS)
    assert tooltip.inner_text().startswith(EVIL_NAME)
    assert page.locator("#map-tooltip *").count() == 0
    assert page.locator("#map-selected-link").inner_text() == EVIL_NAME
    assert tab.problems == []


def test_switch_language(tab: Tab) -> None:
    page = tab.page
    tab.open("/actors")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Actoren"
    page.click(".languages a[hreflang=en]")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Actors"
    page.click(".languages a[hreflang=nl]")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Actoren"
    assert tab.problems == []
