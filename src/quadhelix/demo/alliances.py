"""Partnerships, networks and covenants: the coalitions outside the programmes.

Networks draw many members from one or two sectors; covenants are signed by many firms or
organisations around one commitment; partnerships are small and cross-sector.
"""

from __future__ import annotations

from datetime import date

from quadhelix.demo.plans import Plan, coalition
from quadhelix.registry.vocab import CoalitionKind

PARTNERSHIP = CoalitionKind.PARTNERSHIP
NETWORK = CoalitionKind.NETWORK
COVENANT = CoalitionKind.COVENANT


def _partnership(
    name: str,
    themes: str,
    lead: str,
    partners: tuple[str, ...],
    description: str,
    areas: str = "",
) -> Plan:
    return coalition(
        PARTNERSHIP, name, themes, lead, description, partners=partners, draw=2, areas=areas
    )


PARTNERSHIPS: tuple[Plan, ...] = (
    _partnership(
        "Leerstoel Stedelijke Innovatie",
        "participation sdg-16 sdg-17",
        "ugroep-bestuur",
        ("Team Strategie en Organisatieontwikkeling", "kenniscentrum"),
        "De stad financiert een leerstoel die onderzoekt hoe de stadsorganisatie netwerkgericht "
        "en wendbaar kan werken.",
    ),
    _partnership(
        "Living Lab Zorg Kerkakker",
        "care elderly-care digital",
        "hcentrum-zorg",
        ("Team Lokale Dienstencentra",),
        "Studenten, zorgverleners en ouderen testen samen zorgtechnologie en nieuwe vormen van "
        "buurtzorg in Kerkakker.",
        areas="Kerkakker",
    ),
    _partnership(
        "Partnerschap Energiecoöperatie en Stad",
        "energy climate participation",
        "Dienst Milieu en Klimaat",
        ("leiestroom", "Team Energie"),
        "Samenwerkingsovereenkomst waarin stad en energiecoöperatie samen investeren in "
        "hernieuwbare energie met burgerparticipatie.",
    ),
    _partnership(
        "Woonpact Leiemonde",
        "housing social-housing renovation",
        "Dienst Wonen",
        ("woonmaatschappij", "agentschap-wonen", "observatorium-wonen"),
        "Afspraken tussen stad, woonmaatschappij, Vlaanderen en huurdersorganisaties over meer "
        "betaalbare en betere woningen.",
    ),
    _partnership(
        "Onderwijs-Arbeidsmarktpact Kanaalzone",
        "work education economy",
        "Dienst Werk",
        ("hogeschool", "werk-vorming", "ondernemersplatform"),
        "Scholen, hogeschool en bedrijven stemmen opleidingen af op de vacatures in de kanaalzone.",
        areas="Kanaalzone",
    ),
    _partnership(
        "Samenwerkingsakkoord Politie en Preventie",
        "safety",
        "politie",
        ("Dienst Preventie en Veiligheid", "Team Gemeenschapswachten"),
        "Afspraken over informatie-uitwisseling en gezamenlijke aanpak van overlast.",
    ),
    _partnership(
        "Stadsacademie Leiemonde",
        "education culture",
        "universiteit",
        ("hogeschool", "Dienst Cultuur", "Stadsbibliotheek Leiemonde"),
        "Gratis lezingenreeks van onderzoekers voor bewoners, in bibliotheken en buurthuizen.",
    ),
    _partnership(
        "Buurtwerkalliantie Rabot–Blekerij",
        "neighbourhood-work poverty participation",
        "schakel",
        ("Team Buurtwerk", "burgerkracht"),
        "Buurtwerk van stad en middenveld werkt in Rabot en Blekerij vanuit één team en één "
        "buurthuis.",
        areas="Rabot, Blekerij",
    ),
    _partnership(
        "Alliantie Geestelijke Gezondheid",
        "mental-health care youth-care",
        "Dienst Gezondheid",
        ("hcentrum-zorg",),
        "Stad, centra geestelijke gezondheidszorg en jeugdhulp maken psychische hulp "
        "laagdrempeliger.",
    ),
    _partnership(
        "Circulair Bouwen Leiemonde",
        "circular-economy renovation",
        "hcentrum-klimaat",
        ("Team Gebouwenbeheer",),
        "Bouwbedrijven, architecten en de stad hergebruiken materialen uit stadsgebouwen die "
        "gerenoveerd worden.",
    ),
    _partnership(
        "Partnerschap Vrijwilligerswerk",
        "volunteering",
        "Team Vrijwilligerswerk",
        ("vrijwilligersplatform",),
        "Eén vrijwilligersloket voor stad en verenigingen, met vorming en verzekering.",
    ),
    _partnership(
        "Cultuurpact Leievallei",
        "culture heritage",
        "provincie",
        ("Dienst Cultuur", "Team Erfgoed en Stadsarchief"),
        "Provincie, stad en erfgoedorganisaties werken samen rond het erfgoed van de "
        "vlasnijverheid.",
    ),
    _partnership(
        "Sportpartnerschap Scholen en Clubs",
        "sport education youth",
        "Dienst Sport",
        ("Dienst Stedelijk Onderwijs",),
        "Sportclubs geven initiaties op school; scholen stellen hun sportzalen open voor clubs.",
    ),
    _partnership(
        "Fietsalliantie Leiemonde",
        "cycling mobility",
        "Dienst Mobiliteit",
        ("mobiliteit",),
        "Stad, fietsersgroepen, scholen en bedrijven werken aan veilige fietsroutes.",
    ),
    _partnership(
        "Coördinatie Voedselhulp",
        "food poverty",
        "Team Sociale Dienstverlening",
        ("voeding",),
        "Voedselbanken, sociale kruideniers en restaurants verdelen overschotten samen en "
        "vermijden dubbel werk.",
    ),
    _partnership(
        "Integratiepact Nieuwkomers",
        "diversity education work",
        "Dienst Samenleven en Diversiteit",
        ("inburgering", "Team Inburgering en Taal"),
        "Onthaal, taal en werk voor nieuwkomers sluiten naadloos op elkaar aan.",
    ),
    _partnership(
        "Onderzoekspartnerschap Middenveld in de Stad",
        "participation volunteering",
        "middenveld",
        ("kenniscentrum", "Dienst Participatie"),
        "Onderzoek naar hoe verenigingen, burgerinitiatieven en de stad hun samenwerking "
        "vernieuwen.",
    ),
    _partnership(
        "Jeugdwerkpact",
        "youth volunteering",
        "Dienst Jeugd",
        ("platform-jeugdwerk", "Team Jeugdwerk"),
        "Afspraken over lokalen, subsidies en ruimte voor jeugdwerk in de stad.",
    ),
)


def _network(name: str, themes: str, lead: str, sectors: str, description: str, draw: int) -> Plan:
    return coalition(NETWORK, name, themes, lead, description, sectors=sectors, draw=draw)


NETWORKS: tuple[Plan, ...] = (
    _network(
        "Netwerk Eenzaamheid Leiemonde",
        "loneliness elderly-care volunteering",
        "Team Lokale Dienstencentra",
        "civil_society citizens government",
        "Organisaties en buren die eenzaamheid signaleren en samen aanpakken.",
        14,
    ),
    _network(
        "Lerend Netwerk Circulair Bouwen",
        "circular-economy renovation",
        "hcentrum-klimaat",
        "business knowledge",
        "Bouwbedrijven en architecten delen ervaringen met hergebruik en circulaire renovatie.",
        12,
    ),
    _network(
        "Jeugdwerkoverleg Leiemonde",
        "youth volunteering",
        "platform-jeugdwerk",
        "civil_society",
        "Maandelijks overleg van jeugdbewegingen, jeugdhuizen en speelpleinwerkingen.",
        14,
    ),
    _network(
        "Overleg Armoedeorganisaties",
        "poverty child-poverty debt",
        "armoedeplatform",
        "civil_society citizens",
        "Verenigingen waar armen het woord nemen en welzijnsorganisaties stemmen hun acties af.",
        12,
    ),
    _network(
        "Netwerk Vrijwilligerswerk",
        "volunteering",
        "vrijwilligersplatform",
        "civil_society",
        "Organisaties die met vrijwilligers werken delen vorming, vacatures en goede praktijken.",
        12,
    ),
    _network(
        "Ondernemersoverleg Binnenstad",
        "retail entrepreneurship public-space",
        "ondernemersplatform",
        "business",
        "Handelaars en horeca uit de binnenstad overleggen over werken, evenementen en "
        "bereikbaarheid.",
        15,
    ),
    _network(
        "Netwerk Geestelijke Gezondheid Leievallei",
        "mental-health care",
        "Dienst Gezondheid",
        "civil_society knowledge",
        "Hulpverleners en onderzoekers werken aan een sluitend aanbod van psychische hulp.",
        10,
    ),
    _network(
        "Open Data Community Leiemonde",
        "open-data digital",
        "Team Data en Open Data",
        "business knowledge citizens",
        "Ontwikkelaars, onderzoekers en bewoners bouwen toepassingen met open data van de stad.",
        10,
    ),
    _network(
        "Klimaatnetwerk Scholen",
        "climate greenery education",
        "Team Klimaatadaptatie",
        "knowledge",
        "Scholen die hun speelplaats ontharden en klimaatlessen geven wisselen ervaringen uit.",
        14,
    ),
    _network(
        "Netwerk Zelforganisaties",
        "diversity",
        "Dienst Samenleven en Diversiteit",
        "civil_society",
        "Zelforganisaties van Leiemondenaars met een migratieachtergrond en de stad overleggen.",
        10,
    ),
    _network(
        "Netwerk Dak- en Thuislozenzorg",
        "homelessness housing mental-health",
        "Team Dak- en Thuislozenzorg",
        "civil_society",
        "Opvang, woonbegeleiding en hulpverlening stemmen de zorg voor daklozen op elkaar af.",
        10,
    ),
    _network(
        "Voedselraad Leiemonde",
        "food greenery health",
        "voeding",
        "",
        "Boeren, handelaars, scholen, verenigingen en burgers werken aan een duurzame "
        "voedselstrategie.",
        14,
    ),
    _network(
        "Lerend Netwerk Innovatie Stedelijke Organisaties",
        "sdg-16 sdg-17 participation",
        "lokaal-bestuur",
        "government knowledge",
        "Stadsdiensten en onderzoekers leren van elkaar hoe de organisatie netwerkgerichter kan "
        "werken.",
        10,
    ),
    _network(
        "Buurtwerkersoverleg",
        "neighbourhood-work",
        "Team Buurtwerk",
        "civil_society citizens",
        "Buurtwerkers van stad en middenveld delen wat ze in de wijken horen.",
        10,
    ),
    _network(
        "Cultuuroverleg Leiemonde",
        "culture heritage",
        "Dienst Cultuur",
        "civil_society",
        "Kunstenorganisaties, amateurkunsten en erfgoedverenigingen stemmen hun aanbod af.",
        14,
    ),
)


def _covenant(
    name: str, themes: str, lead: str, sectors: str, description: str, draw: int, span: str
) -> Plan:
    """``span`` is 'YYYY-MM-DD/YYYY-MM-DD'; an empty end means the covenant has no end date."""
    first, _, last = span.partition("/")
    return coalition(
        COVENANT,
        name,
        themes,
        lead,
        description,
        sectors=sectors,
        draw=draw,
        start=date.fromisoformat(first),
        end=date.fromisoformat(last) if last else None,
    )


COVENANTS: tuple[Plan, ...] = (
    _covenant(
        "Klimaatconvenant Leiemonde 2030",
        "climate energy",
        "Dienst Milieu en Klimaat",
        "business civil_society knowledge",
        "Bedrijven, organisaties en scholen engageren zich om hun uitstoot tegen 2030 met 40 "
        "procent te verminderen.",
        20,
        "2021-10-01/2030-12-31",
    ),
    _covenant(
        "Convenant Spijbelen en Schoolverlaten",
        "early-school-leaving education",
        "Dienst Onderwijsbeleid",
        "knowledge civil_society",
        "Scholen, leerlingenbegeleiding en jeugdwerk volgen spijbelgedrag samen op.",
        12,
        "2022-09-01/2025-08-31",
    ),
    _covenant(
        "Handelsconvenant Binnenstad",
        "retail public-space",
        "Team Handel en Horeca",
        "business",
        "Handelaars en stad maken afspraken over openingsuren, evenementen en netheid.",
        12,
        "2023-03-01/2026-02-28",
    ),
    _covenant(
        "Convenant Veilig Uitgaan",
        "safety retail",
        "Dienst Preventie en Veiligheid",
        "business",
        "Horecazaken engageren zich voor een veilig nachtleven, samen met politie en stad.",
        10,
        "2022-05-01/2025-04-30",
    ),
    _covenant(
        "Convenant Gezonde Voeding op School",
        "food health education",
        "Dienst Gezondheid",
        "knowledge",
        "Scholen serveren gezonde, lokale maaltijden en drinkwater in plaats van frisdrank.",
        10,
        "2023-09-01/2026-08-31",
    ),
    _covenant(
        "Charter Toegankelijke Verenigingen",
        "volunteering diversity",
        "Team Vrijwilligerswerk",
        "civil_society",
        "Verenigingen engageren zich om drempels voor nieuwe leden weg te werken.",
        14,
        "2021-06-01/",
    ),
    _covenant(
        "Engagementsverklaring Kinderopvang",
        "childcare child-poverty",
        "Dienst Kinderopvang",
        "civil_society business",
        "Kinderopvang voorziet plaatsen voor gezinnen met een laag inkomen en werkzoekende ouders.",
        8,
        "2022-01-15/2024-12-31",
    ),
    _covenant(
        "Convenant Renovatie Sociale Woningen",
        "social-housing renovation energy",
        "woonmaatschappij",
        "business",
        "De woonmaatschappij en bouwbedrijven renoveren 800 sociale woningen tegen 2027.",
        6,
        "2021-04-01/2027-12-31",
    ),
)
