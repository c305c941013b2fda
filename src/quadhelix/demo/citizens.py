"""Citizens of Leiemonde: citizen initiatives and engaged residents (persons, without addresses)."""

from __future__ import annotations

from quadhelix.demo.blueprints import Archetype, KeyActor
from quadhelix.registry.vocab import ActorKind, HelixSector

CITIZENS = HelixSector.CITIZENS
INITIATIVE = ActorKind.CITIZEN_INITIATIVE

CITIZEN_KEYS: tuple[KeyActor, ...] = (
    KeyActor(
        "burgerkracht",
        "Burgerkracht Rabot",
        CITIZENS,
        INITIATIVE,
        ("participation", "neighbourhood-work", "greenery", "food", "diversity", "heat"),
        "Burgerinitiatief van bewoners uit Rabot dat buren, verenigingen, handelaars, scholen en "
        "de stad samenbrengt rond een groenere en warmere wijk. Trekt de buurtmoestuin, de "
        "leefstraten en het wijkbudget van Rabot.",
        area="Rabot",
        founded=2019,
        activity=4.5,
        kbo=False,
    ),
)

CITIZEN_ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "groen-initiatief",
        CITIZENS,
        INITIATIVE,
        32,
        (
            "Buurtmoestuin {hood}",
            "Samentuin {street}",
            "Geveltuinploeg {street}",
            "Klimaatburen {hood}",
            "Repair Café {hood} | Maandelijks herstelcafé in {hood} waar vrijwilligers kapotte "
            "spullen repareren.",
            "Fietsbieb {hood} | Fietsbibliotheek in {hood} die kinderfietsen uitleent en herstelt.",
            "Voedselteam {hood} | Buren uit {hood} die samen groenten en zuivel kopen bij boeren "
            "uit de streek.",
            "Deelkast {street}",
        ),
        (
            "Burgerinitiatief van buren uit {hood} die samen tuinieren, herstellen en delen.",
            "Groep bewoners uit {hood} die klimaatvriendelijk leven makkelijker maakt.",
            "Initiatief van vrijwilligers aan de {street} dat de straat vergroent en deelt.",
        ),
        ("greenery", "food", "climate", "circular-economy", "heat", "cycling", "energy"),
        vcode=0.2,
        web=0.2,
        founded=(2012, 2025),
        ended=0.12,
        activity=0.6,
    ),
    Archetype(
        "sociaal-initiatief",
        CITIZENS,
        INITIATIVE,
        32,
        (
            "Buurtkeuken {hood}",
            "Buurtbabbel {hood}",
            "Taalcafé {hood} | Buren uit {hood} die wekelijks samen Nederlands oefenen bij een "
            "kop koffie.",
            "Huiswerkhulp {hood} | Vrijwilligers uit {hood} die kinderen helpen met hun huiswerk.",
            "Buurtzorgcirkel {hood}",
            "Speelstraatgroep {street}",
            "Buddy's {hood}",
        ),
        (
            "Bewoners uit {hood} die elkaar helpen en samen koken, praten en leren.",
            "Burgerinitiatief in {hood} dat buren met elkaar in contact brengt.",
            "Vrijwilligers uit {hood} die zonder veel middelen een warme buurt maken.",
        ),
        ("loneliness", "diversity", "education", "elderly-care", "youth", "food", "poverty"),
        vcode=0.2,
        web=0.1,
        founded=(2012, 2025),
        ended=0.12,
        activity=0.6,
    ),
    Archetype(
        "burgerinitiatief",
        CITIZENS,
        INITIATIVE,
        28,
        (
            "Burgercollectief {emblem}",
            "Wijkkrant {hood} | Vrijwilligers die de wijkkrant van {hood} maken en huis aan huis "
            "verdelen.",
            "Zwerfvuilbrigade {hood} | Buren uit {hood} die maandelijks samen zwerfvuil opruimen.",
            "Leefstraat {street}",
            "Bewonersplatform {hood}",
            "Straatfeestploeg {street}",
        ),
        (
            "Bewoners uit {hood} die zelf het heft in handen nemen voor hun straat.",
            "Burgerinitiatief dat de stem van {hood} laat horen in stadsprojecten.",
            "Groep bewoners van de {street} die hun straat leefbaarder en veiliger maakt.",
        ),
        ("participation", "public-space", "culture", "safety", "neighbourhood-work", "mobility"),
        vcode=0.2,
        web=0.2,
        founded=(2010, 2025),
        ended=0.1,
        activity=0.6,
    ),
    Archetype(
        "bewoner",
        CITIZENS,
        ActorKind.PERSON,
        75,
        ("{first} {surname}",),
        (
            "Bewoner van {hood}, actief in de buurt.",
            "Woont in {hood} en engageert zich als vrijwilliger.",
            "Buurtbewoner uit {hood} die vaak meedenkt met de stad.",
        ),
        (
            "participation",
            "neighbourhood-work",
            "greenery",
            "loneliness",
            "youth",
            "culture",
            "mobility",
            "food",
            "diversity",
            "climate",
        ),
        web=0.0,
        founded=(2021, 2025),
        activity=0.4,
    ),
)
