"""Static checks of the page templates that rendering tests would miss."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).parents[2] / "src" / "quadhelix" / "web" / "templates"
LABELLED = re.compile(r'<(\w+)[^>]*\baria-labelledby="([\w-]+)"[^>]*>')


def test_every_labelled_region_names_a_heading_in_the_same_template() -> None:
    checked = 0
    for path in sorted(TEMPLATES.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        for element in LABELLED.finditer(source):
            target = element.group(2)
            assert f'id="{target}"' not in element.group(0), f"{path.name}: {target} names itself"
            assert f'id="{target}"' in source, f"{path.name}: no element with id {target!r}"
            checked += 1
    assert checked > 10
