"""In a real browser: build a coalition from a challenge and create it; import a spreadsheet."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import WAIT_MS, Tab

pytestmark = pytest.mark.browser

ACTORS_CSV = (
    "id,name,helix,kind\n"
    "browser-1,Repair Café Muide,middenveld,organisation\n"
    "browser-2,Koffiebar De Hoek,business,organisation\n"
).encode()


def test_build_a_coalition_and_create_it(tab: Tab) -> None:
    page = tab.page
    tab.open("/builder")
    page.fill("#f-title", "Hittestress op speelplaatsen")
    page.fill("#f-description", "Schoolpleinen ontharden en vergroenen tegen de hitte.")
    page.locator("#f-lead").press_sequentially("Dienst Gr", delay=20)
    page.wait_for_function(
        "() => document.querySelectorAll('#actor-suggestions option').length > 0",
        timeout=WAIT_MS,
    )
    options = page.locator("#actor-suggestions option").all()
    assert "Dienst Groen" in [option.get_attribute("value") for option in options]
    page.fill("#f-lead", "Dienst Groen")
    page.fill("#f-size", "6")
    page.click("form.builder-form button[type=submit]")
    page.locator("#proposal").wait_for(timeout=WAIT_MS)
    picks = page.locator("tr.pick")
    assert picks.count() == 6
    assert page.locator("tr.explanation").first.inner_text().strip() != ""
    assert page.locator("tr.explanation .contact").count() >= 6
    page.evaluate("() => document.getElementById('proposal').scrollIntoView()")
    tab.shoot("builder")
    page.fill("#f-name", "Koele Speelplaatsen Sluizeken")
    page.locator("tr.pick input[name=member]").last.uncheck()
    page.click("#create-form fieldset.create button[type=submit]")
    page.wait_for_url(re.compile(r"/coalitions/\d+$"), timeout=WAIT_MS)
    assert page.locator("h1").inner_text() == "Koele Speelplaatsen Sluizeken"
    members = page.locator("#members table.records tbody tr")
    assert members.count() == 6  # the lead and five of the six partners
    assert tab.problems == []


def test_import_a_file_see_the_dry_run_and_confirm(tab: Tab) -> None:
    page = tab.page
    tab.open("/imports")
    page.select_option("#f-kind", "actors")
    page.set_input_files(
        "#f-file", files=[{"name": "actoren.csv", "mimeType": "text/csv", "buffer": ACTORS_CSV}]
    )
    tab.shoot("import")
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(re.compile(r"/imports$"), timeout=WAIT_MS)
    assert page.locator("h1").inner_text() == "Controleer de import"
    created = page.locator("#import-counts tbody tr", has_text="Actoren").locator("td").first
    assert created.inner_text() == "2"
    tab.shoot("import-dry-run")
    page.click("text=Nu echt importeren")
    page.locator("h1", has_text="Import voltooid").wait_for(timeout=WAIT_MS)
    tab.open("/actors?search=repair+cafe+muide")
    assert page.locator("#results a", has_text="Repair Café Muide").count() == 1
    assert tab.problems == []
