"""Knowledge institutions of Leiemonde: a university, a university college, centres and schools."""

from __future__ import annotations

from quadhelix.demo.blueprints import Archetype, KeyActor
from quadhelix.registry.vocab import ActorKind, HelixSector

KNOWLEDGE = HelixSector.KNOWLEDGE
ORG = ActorKind.ORGANISATION
UNIT = ActorKind.DEPARTMENT


KNOWLEDGE_KEYS: tuple[KeyActor, ...] = (
    KeyActor(
        "universiteit",
        "Universiteit Leiemonde",
        KNOWLEDGE,
        ORG,
        ("education", "open-data", "sdg-17"),
        "Universiteit met campussen in de binnenstad en aan de Leie. Onderzoek en onderwijs in "
        "sociale wetenschappen, ingenieurswetenschappen en onderwijskunde.",
        area="Begijnhof",
        founded=1968,
        activity=2.0,
    ),
    KeyActor(
        "ugroep-bestuur",
        "Onderzoeksgroep Stedelijk Bestuur",
        KNOWLEDGE,
        UNIT,
        ("participation", "sdg-16", "sdg-17", "open-data"),
        "Onderzoekt hoe stadsbesturen zich organiseren en samenwerken met middenveld, bedrijven, "
        "kennisinstellingen en burgers. Mee-organisator van de seminaries over innovatie van "
        "stedelijke organisaties.",
        area="Begijnhof",
        founded=2002,
        parent="universiteit",
        activity=2.5,
        kbo=False,
    ),
    KeyActor(
        "ugroep-armoede",
        "Onderzoeksgroep Armoede en Ongelijkheid",
        KNOWLEDGE,
        UNIT,
        ("poverty", "child-poverty", "housing"),
        "Universitaire onderzoeksgroep die armoede, sociale uitsluiting en ongelijkheid in "
        "steden meet en beleidsmaatregelen evalueert.",
        area="Begijnhof",
        founded=1995,
        parent="universiteit",
        activity=1.5,
        kbo=False,
    ),
    KeyActor(
        "ugroep-energie",
        "Centrum voor Energie en Klimaat",
        KNOWLEDGE,
        UNIT,
        ("energy", "climate", "heat"),
        "Universitair onderzoekscentrum voor energiesystemen, warmtenetten en klimaatadaptatie "
        "in de gebouwde omgeving.",
        area="Ter Leie-Dorp",
        founded=2010,
        parent="universiteit",
        activity=1.5,
        kbo=False,
    ),
    KeyActor(
        "ugroep-onderwijs",
        "Onderzoeksgroep Onderwijs en Diversiteit",
        KNOWLEDGE,
        UNIT,
        ("education", "diversity", "early-school-leaving"),
        "Onderzoekt gelijke onderwijskansen, meertaligheid en schoolloopbanen van kinderen in "
        "superdiverse stadswijken.",
        area="Begijnhof",
        founded=2008,
        parent="universiteit",
        activity=1.2,
        kbo=False,
    ),
    KeyActor(
        "hogeschool",
        "Hogeschool Leievallei",
        KNOWLEDGE,
        ORG,
        ("education", "work", "care"),
        "Hogeschool met opleidingen in sociaal werk, verpleegkunde, lerarenopleiding, "
        "bedrijfsmanagement en toegepaste ingenieurswetenschappen.",
        area="Stationskwartier",
        founded=1995,
        activity=2.0,
    ),
    KeyActor(
        "kenniscentrum",
        "Kenniscentrum Stad in Transitie",
        KNOWLEDGE,
        UNIT,
        ("participation", "neighbourhood-work", "social-economy", "sdg-11", "sdg-17", "open-data"),
        "Praktijkgericht kenniscentrum van Hogeschool Leievallei dat stadsdiensten, middenveld, "
        "bedrijven en burgerinitiatieven begeleidt bij samenwerken in netwerken en coalities. "
        "Organiseert lerende netwerken, seminaries en onderzoek naar innovatie van stedelijke "
        "organisaties.",
        area="Stationskwartier",
        founded=2012,
        parent="hogeschool",
        activity=5.0,
        kbo=False,
    ),
    KeyActor(
        "hcentrum-zorg",
        "Expertisecentrum Zorg en Welzijn",
        KNOWLEDGE,
        UNIT,
        ("care", "elderly-care", "mental-health", "loneliness"),
        "Kenniscentrum van de hogeschool dat met zorgorganisaties werkt aan buurtgerichte zorg, "
        "mantelzorg en het doorbreken van eenzaamheid.",
        area="Stationskwartier",
        founded=2009,
        parent="hogeschool",
        activity=1.5,
        kbo=False,
    ),
    KeyActor(
        "hcentrum-klimaat",
        "Lectoraat Klimaat en Circulaire Economie",
        KNOWLEDGE,
        UNIT,
        ("climate", "circular-economy", "energy", "renovation"),
        "Praktijkonderzoek met bedrijven en de stad naar circulair bouwen, renovatie en "
        "hergebruik van materialen.",
        area="Stationskwartier",
        founded=2016,
        parent="hogeschool",
        activity=1.5,
        kbo=False,
    ),
    KeyActor(
        "hcentrum-ondernemen",
        "Expertisecentrum Ondernemerschap",
        KNOWLEDGE,
        UNIT,
        ("entrepreneurship", "retail", "economy"),
        "Begeleidt starters, handelaars en studenten-ondernemers en onderzoekt de toekomst van "
        "de lokale handel.",
        area="Stationskwartier",
        founded=2011,
        parent="hogeschool",
        activity=1.2,
        kbo=False,
    ),
    KeyActor(
        "middenveld",
        "Onderzoekscentrum Middenveld Vlaanderen",
        KNOWLEDGE,
        ORG,
        ("participation", "volunteering", "sdg-17"),
        "Interuniversitair onderzoekscentrum naar het maatschappelijk middenveld, "
        "burgerinitiatieven en de verhouding tussen overheden en verenigingen in Vlaanderen. "
        "Mee-organisator van de seminaries over samenwerken in netwerken.",
        area="Begijnhof",
        founded=2014,
        activity=2.0,
    ),
    KeyActor(
        "lokaal-bestuur",
        "Kenniscentrum Lokaal Bestuur Vlaanderen",
        KNOWLEDGE,
        ORG,
        ("sdg-16", "participation", "open-data"),
        "Vlaams kenniscentrum dat lokale besturen ondersteunt met vorming, benchmarking en "
        "lerende netwerken over organisatieontwikkeling.",
        municipality="Brussel",
        founded=2001,
        activity=1.0,
    ),
    KeyActor(
        "dementie",
        "Expertisecentrum Dementie Leievallei",
        KNOWLEDGE,
        ORG,
        ("elderly-care", "care", "loneliness"),
        "Kenniscentrum dat zorgverleners, mantelzorgers en buurten leert omgaan met dementie.",
        area="Kerkakker",
        founded=2004,
    ),
    KeyActor(
        "observatorium-wonen",
        "Observatorium Wonen Leievallei",
        KNOWLEDGE,
        ORG,
        ("housing", "social-housing", "open-data"),
        "Verzamelt en analyseert data over huurprijzen, woningkwaliteit en woonnood in de regio.",
        area="Sint-Jacobs",
        founded=2013,
        activity=0.8,
    ),
    KeyActor(
        "mobiliteit",
        "Instituut voor Mobiliteit en Ruimte",
        KNOWLEDGE,
        ORG,
        ("mobility", "cycling", "public-space"),
        "Onderzoeksinstituut voor duurzame mobiliteit, verkeersveiligheid en de inrichting van "
        "de publieke ruimte.",
        area="Zuidbroek-Centrum",
        founded=1999,
        activity=0.8,
    ),
    KeyActor(
        "voeding",
        "Kenniscentrum Voeding en Stadslandbouw",
        KNOWLEDGE,
        ORG,
        ("food", "greenery", "health"),
        "Kenniscentrum voor korte keten, stadslandbouw en gezonde voeding in scholen en buurten.",
        area="Molenhoek",
        founded=2015,
        activity=0.8,
    ),
)

KNOWLEDGE_ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "school",
        KNOWLEDGE,
        ORG,
        32,
        (
            "Basisschool {emblem}",
            "Vrije Basisschool {saint}",
            "Stedelijke Basisschool {hood}",
            "{saint}instituut",
            "Technisch Instituut {saint} | Secundaire school met technisch en beroepsonderwijs "
            "in {where}.",
            "Secundaire School {emblem}",
        ),
        (
            "School in {hood} met een sterk diverse leerlingenpopulatie.",
            "School uit {where} die werkt aan gelijke onderwijskansen en ouderbetrokkenheid.",
            "School in {where} met een open schoolpoort naar de buurt.",
        ),
        ("education", "early-school-leaving", "youth", "digital-inclusion", "childcare"),
        kbo=0.3,
        web=0.9,
        founded=(1900, 2015),
        activity=0.7,
    ),
    Archetype(
        "vorming",
        KNOWLEDGE,
        ORG,
        6,
        (
            "Centrum voor Volwassenenonderwijs {district} | Volwassenenonderwijs in {where}: "
            "talen, Nederlands voor anderstaligen en beroepsopleidingen.",
            "Centrum voor Leerlingenbegeleiding {district} | Begeleidt leerlingen, ouders en "
            "scholen bij leren, studiekeuze en welbevinden.",
            "Academie voor Muziek, Woord en Dans {district} | Deeltijds kunstonderwijs in "
            "muziek, woord en dans voor kinderen en volwassenen.",
            "Centrum voor Basiseducatie {district} | Leert laaggeletterde volwassenen lezen, "
            "schrijven, rekenen en met de computer werken.",
        ),
        (
            "Onderwijsinstelling voor volwassenen en jongeren uit {city} en omgeving.",
            "Vormingscentrum in {where} dat taal en basisvaardigheden aanbiedt.",
        ),
        ("education", "diversity", "culture", "work", "early-school-leaving"),
        kbo=0.7,
        web=0.9,
        founded=(1960, 2015),
        activity=0.9,
    ),
)
