"""How Leiemonde organises itself: participation programmes, the internal programme where the
silo diensten work, the two seminars on innovating urban organisations, and loose projects.

The seminars follow the two described in the brief (8 December 2017 and 7 December 2018), moved
four years later into the demo's window and co-organised by fictional counterparts.
"""

from __future__ import annotations

from datetime import date

from quadhelix.demo.plans import Plan, coalition, project
from quadhelix.registry.vocab import CoalitionKind, CoalitionStatus

PROGRAMME = CoalitionKind.PROGRAMME
IDEA = CoalitionStatus.IDEA

SEMINAR_2017 = "Samenwerken in netwerken: innovatie van stedelijke organisaties"
SEMINAR_2018 = (
    "Innovatie van stedelijke organisaties – Stadsbesturen in transitie voor een samenleving in "
    "transitie"
)

SEMINARS: tuple[Plan, ...] = (
    Plan(
        CoalitionKind.EVENT,
        SEMINAR_2017,
        ("participation", "sdg-16", "sdg-17"),
        "lokaal-bestuur",
        "Seminarie over de veranderende verhouding tussen stadsbesturen en het maatschappelijk "
        "middenveld in de centrumsteden: burgerinitiatieven die zich autonoom opstellen, "
        "burgerbewegingen die sociale acties opzetten en netwerken van organisaties rond "
        "stedelijke thema's. Welke ontwikkelingen zien we en welke veranderingsagenda volgt "
        "daaruit?",
        goals="Burgers, middenveld en bedrijven eisen eigen handelingsruimte om maatschappelijke "
        "waarde te creëren; stadsbesturen hebben die partners nodig voor complexe problemen. "
        "Het seminarie zet de thema's voor het verdere debat op de agenda.",
        partners=("middenveld", "kenniscentrum"),
        start=date(2021, 12, 8),
        end=date(2021, 12, 8),
        status=CoalitionStatus.CLOSED,
        links=(
            (
                "Presentatie van het seminarie (pdf)",
                "https://example.org/leiemonde/seminaries/2021-12-08-samenwerken-in-netwerken.pdf",
            ),
        ),
        participants=36,
    ),
    Plan(
        CoalitionKind.EVENT,
        SEMINAR_2018,
        ("participation", "sdg-16", "sdg-17"),
        "lokaal-bestuur",
        "Seminarie over stadsbesturen die ambtelijk en politiek sectoraal en bureaucratisch "
        "georganiseerd zijn, terwijl samenwerken rond complexe maatschappelijke uitdagingen meer "
        "integratie, flexibiliteit en ruimte voor innovatie vraagt. Deel één: externe factoren, "
        "met onderzoek naar het middenveld in Vlaanderen; deel twee: interne bewegingen in de "
        "stedelijke organisaties.",
        goals="Stadsambtenaren leren denken vanuit de coalitie in plaats van vanuit de "
        "organisatie: wendbaarder en meer netwerkachtig werken.",
        partners=("middenveld", "ugroep-bestuur", "kenniscentrum"),
        start=date(2022, 12, 7),
        end=date(2022, 12, 7),
        status=CoalitionStatus.CLOSED,
        links=(
            (
                "Presentatie van het seminarie (pdf)",
                "https://example.org/leiemonde/seminaries/2022-12-07-stadsbesturen-in-transitie.pdf",
            ),
        ),
        participants=44,
    ),
)

GOVERNANCE_PROGRAMMES: tuple[Plan, ...] = (
    coalition(
        PROGRAMME,
        "Programma Samen Stad Maken 2021-2024",
        "participation neighbourhood-work public-space",
        "Dienst Participatie",
        "Programma van de vorige bestuursperiode dat bewoners, verenigingen en ondernemers mee "
        "laat beslissen over hun wijk, met burgerbudget, wijkbudgetten en een stadslabo.",
        goals="Tien procent van het investeringsbudget wordt met bewoners besteed; elke wijk "
        "heeft een wijkregisseur.",
        partners=(
            "Team Wijkregie",
            "Team Burgerbudget",
            "Team Communicatie",
            "Dienst Ruimtelijke Planning",
            "Dienst Groen",
            "Dienst Jeugd",
            "schakel",
            "kenniscentrum",
        ),
        draw=3,
        start=date(2021, 1, 15),
        end=date(2024, 12, 31),
        children=(
            project(
                "Burgerbudget 2022",
                "participation",
                "Team Burgerbudget",
                "Bewoners dienden 140 ideeën in en kozen met 9.000 stemmen de projecten die de "
                "stad uitvoert.",
                draw=6,
                months=(10, 14),
                start=date(2022, 1, 17),
            ),
            project(
                "Burgerbudget 2024",
                "participation",
                "Team Burgerbudget",
                "Tweede editie van het burgerbudget, nu ook met een jongerenbudget.",
                draw=6,
                months=(10, 12),
                start=date(2024, 1, 15),
            ),
            project(
                "Wijkbudgetten Leiemonde-Noord",
                "participation neighbourhood-work",
                "Team Wijkregie",
                "Bewonersgroepen in Blekerij, Dokwijk en Nieuwe Molens beheren zelf een budget "
                "voor hun buurt.",
                areas="Blekerij, Dokwijk, Nieuwe Molens",
            ),
            project(
                "Buurtgesprekken Rabot",
                "participation neighbourhood-work",
                "schakel",
                "Keukentafelgesprekken met bewoners van Rabot over wat de wijk nodig heeft.",
                areas="Rabot",
                partners=("burgerkracht", "Team Wijkregie"),
            ),
            project(
                "Stadslabo Publieke Ruimte",
                "public-space participation",
                "kenniscentrum",
                "Ontwerpers, bewoners en stadsdiensten testen tijdelijke inrichtingen van "
                "pleinen voor ze definitief worden aangelegd.",
                partners=("Dienst Ruimtelijke Planning",),
            ),
            project(
                "Jongerenraad 2.0",
                "youth participation",
                "Dienst Jeugd",
                "Een nieuwe jongerenraad die niet vergadert maar campagnes en acties opzet.",
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Wijken aan Zet 2025-2030",
        "participation neighbourhood-work climate poverty",
        "Dienst Participatie",
        "Opvolger van Samen Stad Maken: wijkcontracten waarin bewoners, verenigingen, "
        "ondernemers en stadsdiensten samen doelen voor hun wijk vastleggen.",
        goals="Een wijkcontract in elke wijk van de 19de-eeuwse gordel tegen 2027.",
        partners=(
            "Team Wijkregie",
            "Team Burgerbudget",
            "Dienst Welzijn",
            "Dienst Milieu en Klimaat",
            "burgerkracht",
        ),
        draw=2,
        start=date(2025, 3, 1),
        children=(
            project(
                "Wijkcontract Rabot en Blekerij",
                "participation neighbourhood-work",
                "Team Wijkregie",
                "Het eerste wijkcontract: groen, betaalbaar wonen en ontmoeting in Rabot en "
                "Blekerij.",
                areas="Rabot, Blekerij",
                partners=("schakel", "burgerkracht"),
            ),
            project(
                "Burgerbudget 2026",
                "participation",
                "Team Burgerbudget",
                "Derde editie van het burgerbudget, in voorbereiding.",
                status=IDEA,
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Veilige en Leefbare Wijken",
        "safety public-space youth",
        "Dienst Preventie en Veiligheid",
        "Preventie, buurtbemiddeling en straathoekwerk samen met politie, jeugdwerk en bewoners, "
        "voor wijken waar iedereen zich thuis en veilig voelt.",
        partners=(
            "Team Gemeenschapswachten",
            "Team Straathoekwerk",
            "Dienst Participatie",
            "Dienst Jeugd",
            "politie",
        ),
        draw=3,
        start=date(2021, 6, 1),
        children=(
            project(
                "Buurtbemiddeling Leiemonde",
                "safety neighbourhood-work",
                "Dienst Preventie en Veiligheid",
                "Vrijwillige bemiddelaars helpen buren burenruzies over lawaai, parkeren en "
                "hagen zelf op te lossen.",
            ),
            project(
                "Straathoekwerk Stationskwartier",
                "safety homelessness youth",
                "Team Straathoekwerk",
                "Straathoekwerkers, nachtopvang en politie zoeken samen daklozen en jongeren op "
                "rond het station.",
                areas="Stationskwartier",
                partners=("Team Dak- en Thuislozenzorg",),
            ),
            project(
                "Veilig Uitgaan Vismarkt",
                "safety retail",
                "Dienst Preventie en Veiligheid",
                "Horeca, politie en gemeenschapswachten maken afspraken over nachtleven en "
                "overlast rond de Vismarkt.",
                areas="Vismarkt",
            ),
            project(
                "Jongerenwerking Dokwijk",
                "youth safety",
                "Dienst Jeugd",
                "Een jongerenwerker en een open jeugdhuis voor tieners die op straat hangen in "
                "Dokwijk.",
                areas="Dokwijk",
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Slimme Stadsorganisatie",
        "sdg-16 digital",
        "Team Strategie en Organisatieontwikkeling",
        "Intern programma dat de eigen organisatie efficiënter en digitaler maakt: nieuwe "
        "financiële software, digitale loketten en een register van het openbaar domein.",
        goals="Kortere doorlooptijden aan de loketten en een sluitend meerjarenplan.",
        partners=(
            "Dienst HR",
            "Dienst ICT en Digitalisering",
            "Dienst Financiën",
            "Dienst Burgerzaken",
        ),
        draw=1,
        start=date(2021, 2, 1),
        internal=True,
        children=(
            project(
                "Nieuw Financieel Pakket",
                "digital",
                "Dienst Financiën",
                "Vervanging van de boekhoudsoftware van stad en OCMW door één financieel pakket.",
                partners=("Team Boekhouding", "Team Budget en Beheerscontrole"),
                draw=1,
                internal=True,
            ),
            project(
                "Meerjarenplan 2026-2031",
                "sdg-16",
                "Team Budget en Beheerscontrole",
                "Opmaak van het meerjarenplan voor de nieuwe bestuursperiode.",
                partners=("Dienst Financiën", "Team Boekhouding"),
                draw=2,
                internal=True,
                start=date(2025, 1, 6),
                months=(11, 12),
            ),
            project(
                "Digitaal Loket Burgerzaken",
                "digital",
                "Dienst Burgerzaken",
                "Attesten, adreswijzigingen en afspraken voortaan online aan te vragen.",
                partners=("Team Bevolking", "Team Burgerlijke Stand"),
                draw=1,
                internal=True,
            ),
            project(
                "Afsprakensysteem Loketten",
                "digital",
                "Team Bevolking",
                "Werken op afspraak aan alle loketten van burgerzaken.",
                partners=("Team Burgerlijke Stand",),
                draw=0,
                internal=True,
            ),
            project(
                "Wegen- en Bruggenregister",
                "public-space digital",
                "Dienst Wegen, Bruggen en Waterlopen",
                "Een digitaal register van de toestand van alle wegen, bruggen en kaaimuren.",
                partners=("Team Wegenis", "Team Bruggen en Waterlopen"),
                draw=1,
                internal=True,
            ),
            project(
                "Onderhoudsplan Kaaimuren",
                "public-space",
                "Team Bruggen en Waterlopen",
                "Inspectie en meerjarig onderhoudsplan voor de kaaimuren langs de Leie.",
                partners=("Team Wegenis",),
                draw=0,
                internal=True,
            ),
        ),
    ),
)

# Projects that belong to no programme: a dienst's own work with a few partners.
LOOSE_PROJECTS: tuple[Plan, ...] = (
    project(
        "Slimme Kaaien",
        "mobility digital public-space",
        "Dienst Mobiliteit",
        "Europees project met sensoren voor laden, lossen en parkeren op de kaaien.",
        areas="Vismarkt, Kanaalzone",
    ),
    project(
        "Fietsstraten Zuidbroek",
        "cycling mobility",
        "Dienst Mobiliteit",
        "Schoolroutes in Zuidbroek worden fietsstraten, uitgetekend met ouders en leerlingen.",
        areas="Zuidbroek-Centrum, Watersportwijk",
    ),
    project(
        "Stadsarchief Digitaal",
        "heritage digital",
        "Team Erfgoed en Stadsarchief",
        "Digitalisering van het stadsarchief met vrijwilligers van de heemkundige kringen.",
    ),
    project(
        "Sporthal Heidekant",
        "sport youth",
        "Dienst Sport",
        "Een nieuwe sporthal gedeeld door scholen, clubs en buurt.",
        areas="Heidekant",
    ),
    project(
        "Housing First Leiemonde",
        "homelessness housing mental-health",
        "Team Dak- en Thuislozenzorg",
        "Langdurig daklozen krijgen meteen een woning met intensieve begeleiding.",
        partners=("woonmaatschappij",),
    ),
    project(
        "Huurdersbegeleiding Hoogkamer",
        "social-housing loneliness",
        "woonmaatschappij",
        "Huurdersbegeleiders en buurtwerk versterken het samenleven in de sociale woonwijk.",
        areas="Hoogkamer",
        partners=("Team Buurtwerk",),
    ),
    project(
        "Taalstimulering Kinderopvang",
        "childcare education diversity",
        "ugroep-onderwijs",
        "Kinderbegeleiders leren meertalige peuters spelenderwijs Nederlands aan.",
        partners=("Dienst Kinderopvang",),
    ),
    project(
        "Leie Cultuurzomer",
        "culture public-space",
        "Dienst Cultuur",
        "Gratis voorstellingen en concerten op pleinen in alle wijken tijdens de zomer.",
        draw=6,
    ),
    project(
        "Voedselstrategie Leiemonde",
        "food greenery",
        "voeding",
        "Een voedselstrategie voor meer korte keten, stadslandbouw en minder voedselverspilling.",
        partners=("Dienst Milieu en Klimaat",),
    ),
    project(
        "Stadslandbouw Meersen",
        "food greenery",
        "Dienst Groen",
        "Idee voor een stadslandbouwzone in de Meersen, met een zorgboerderij en pluktuinen.",
        areas="Meersen",
        partners=("voeding",),
        status=IDEA,
    ),
    project(
        "Deelmobiliteit in de Wijken",
        "mobility climate",
        "Dienst Mobiliteit",
        "Idee voor deelauto's en deelfietsen op mobipunten in elke wijk.",
        partners=("vervoerregio",),
        status=IDEA,
    ),
    project(
        "Sociale Kruidenier Noord",
        "poverty food",
        "Team Sociale Dienstverlening",
        "Een sociale kruidenier met een ontmoetingsruimte in Leiemonde-Noord.",
        areas="Blekerij, Dokwijk",
    ),
)
