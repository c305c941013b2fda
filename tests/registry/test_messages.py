"""Domain sentences are English strings that keep what a translation needs."""

from __future__ import annotations

import json

from quadhelix.registry.messages import Figure, Message, message
from quadhelix.registry.vocab import MemberRole


def test_a_message_is_its_english_text_and_keeps_its_id_and_parameters() -> None:
    inner = message("trust density")
    reason = message("%(measure)s %(value).2f: widely shared", measure=inner, value=0.666)
    assert reason == "trust density 0.67: widely shared"
    assert reason.template == "%(measure)s %(value).2f: widely shared"
    assert reason.params == {"measure": inner, "value": 0.666}
    assert json.dumps([reason]) == '["trust density 0.67: widely shared"]'  # JSON: the English
    role = message("is already %(role)s", role=MemberRole.LEAD)
    assert role == "is already lead"  # a controlled value reads as its stored id in English
    plain = Message("no parameters (100%)")
    assert plain == "no parameters (100%)" and plain.params == {}


def test_a_figure_reads_with_its_decimals_in_english() -> None:
    reason = message("centralisation %(value)s", value=Figure(0.456))
    assert reason == "centralisation 0.46" and reason.params["value"] == 0.456
    assert str(Figure(0.5, 1)) == "0.5" and float(Figure(2 / 3)) == 2 / 3
