"""The partner survey in a real browser: an editor makes a wave and downloads the links; a
respondent on a phone answers, leaves, comes back to saved answers and submits; the editor
closes the wave and sees the results with the network coloured by trust."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.browser.conftest import WAIT_MS, Tab

pytestmark = pytest.mark.browser


def _small_coalition(tab: Tab) -> int:
    """A demo coalition with three to six members."""
    request = tab.page.request
    listed = request.get(f"{tab.site.url}/api/v1/coalitions?limit=100", timeout=WAIT_MS).json()
    for coalition in listed["data"]:
        members = request.get(
            f"{tab.site.url}/api/v1/memberships?coalition={coalition['id']}&limit=50",
            timeout=WAIT_MS,
        ).json()
        if 3 <= len({m["actor_id"] for m in members["data"]}) <= 6:
            return int(coalition["id"])
    raise AssertionError("no small coalition in the demo city")


def _wait_saved(page: Any) -> None:
    page.wait_for_function(
        "() => document.getElementById('autosave-status').textContent.startsWith('Bewaard')",
        timeout=WAIT_MS,
    )


def test_a_wave_from_invitation_to_results(tab: Tab, chromium: Any) -> None:
    page = tab.page
    coalition = _small_coalition(tab)
    tab.open(f"/surveys/new?coalition={coalition}")
    page.fill("#f-opens_on", "2020-01-01")
    page.fill("#f-closes_on", "2099-12-31")
    page.click("form.record-form button[type=submit]")
    page.wait_for_url("**/surveys/*", timeout=WAIT_MS)
    results_path = page.url.removeprefix(tab.site.url)
    with page.expect_download(timeout=WAIT_MS) as download:
        page.click("form[action$='/links'] button[type=submit]")
    with open(download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert len(rows) >= 3
    link = rows[0]["link"]

    phone = chromium.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-BE", is_mobile=True, has_touch=True
    )
    respondent = phone.new_page()
    errors: list[str] = []
    respondent.on("pageerror", lambda error: errors.append(str(error)))
    respondent.goto(link, timeout=WAIT_MS)
    sections = respondent.locator("section.partner")
    assert sections.count() == len(rows) - 1
    first = sections.nth(0)
    first.get_by_label("Afstemming: we plannen samen").check()
    _wait_saved(respondent)
    for legend in ("Betrouwbaarheid", "Staat open voor overleg", "Macht en invloed"):
        first.locator("fieldset", has_text=legend).get_by_text("sterk").click()
    respondent.get_by_role("checkbox", name="Expertise", exact=True).check()
    respondent.fill("#f-comments", "Een sterke partner.")
    _wait_saved(respondent)
    respondent.wait_for_timeout(700)  # the textarea's own save is debounced

    respondent.goto(link, timeout=WAIT_MS)  # come back later: the answers are still there
    first = respondent.locator("section.partner").nth(0)
    assert first.get_by_label("Afstemming: we plannen samen").is_checked()
    assert respondent.get_by_role("checkbox", name="Expertise", exact=True).is_checked()
    assert respondent.locator("#f-comments").input_value() == "Een sterke partner."
    respondent.click("#submit-answers")
    respondent.wait_for_selector("text=je antwoorden zijn ingediend", timeout=WAIT_MS)
    assert respondent.locator("form#survey-form").count() == 0
    assert errors == []
    phone.close()

    tab.open(results_path)
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("form[action$='/close'] button[type=submit]")
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => window.quadhelixSurveyMap && (window.quadhelixSurveyMap.ready"
        " || window.quadhelixSurveyMap.error)",
        timeout=WAIT_MS,
    )
    assert page.evaluate("() => window.quadhelixSurveyMap.error") is None
    assert page.evaluate("() => window.quadhelixSurveyMap.graph.order") == len(rows)
    assert page.evaluate("() => window.quadhelixSurveyMap.graph.size") == 1
    assert page.locator("#member-scores tbody tr").count() == len(rows)
    tab.shoot("survey-results")
    assert tab.problems == []
