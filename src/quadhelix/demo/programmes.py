"""Leiemonde's programmes and their projects: cross-department work on the city's big themes.

Each programme is led by one dienst and has several other departments as partners; its projects
bring in the middenveld, firms, knowledge institutions and citizens. One programme is internal on
purpose: that is where the silo diensten do their coalition work.
"""

from __future__ import annotations

from datetime import date

from quadhelix.demo.plans import Plan, coalition, project
from quadhelix.registry.vocab import CoalitionKind, CoalitionStatus

PROGRAMME = CoalitionKind.PROGRAMME
IDEA = CoalitionStatus.IDEA

PROGRAMMES: tuple[Plan, ...] = (
    coalition(
        PROGRAMME,
        "Programma Kansrijk Opgroeien",
        "child-poverty poverty childcare education youth",
        "Dienst Welzijn",
        "Stadsbreed programma tegen kinderarmoede waarin zeven stadsdiensten samenwerken met "
        "scholen, kinderopvang, jeugdwerk en verenigingen waar armen het woord nemen.",
        goals="Het aandeel kinderen dat in armoede opgroeit daalt met een derde; elke school in "
        "een kwetsbare wijk werkt als brede school.",
        partners=(
            "Dienst Kinderopvang",
            "Dienst Onderwijsbeleid",
            "Dienst Jeugd",
            "Dienst Wonen",
            "Team Sociale Dienstverlening",
            "Stadsbibliotheek Leiemonde",
            "schakel",
            "armoedeplatform",
        ),
        draw=3,
        start=date(2021, 3, 1),
        children=(
            project(
                "Brede School Rabot",
                "education child-poverty youth",
                "Dienst Onderwijsbeleid",
                "Scholen, kinderopvang, jeugdwerk en buurtwerk in Rabot bouwen samen een brede "
                "leer- en leefomgeving rond elke school.",
                areas="Rabot",
                partners=("schakel",),
            ),
            project(
                "Huis van het Kind Blekerij",
                "childcare youth-care child-poverty",
                "Dienst Kinderopvang",
                "Eén plek in Blekerij waar gezinnen met jonge kinderen terechtkunnen voor "
                "opvoedingsondersteuning, consultatiebureau en kinderopvang.",
                areas="Blekerij",
                partners=("opgroeien",),
            ),
            project(
                "Gratis Schoolmaaltijden",
                "child-poverty food education",
                "Team Sociale Dienstverlening",
                "Warme, gezonde maaltijden voor kleuters en leerlingen van scholen in kwetsbare "
                "wijken, gekookt door een sociaal restaurant.",
                draw=5,
            ),
            project(
                "Vrijetijdspas Leiemonde",
                "child-poverty youth culture sport",
                "Dienst Jeugd",
                "Een pas waarmee kinderen uit gezinnen met een laag inkomen goedkoop deelnemen aan "
                "sport, cultuur en jeugdwerk.",
                partners=("Dienst Sport", "Dienst Cultuur"),
            ),
            project(
                "Vroegdetectie Kinderarmoede",
                "child-poverty care education",
                "ugroep-armoede",
                "Onderzoeksproject waarin scholen, kinderopvang en het OCMW signalen van armoede "
                "vroeger leren herkennen en opvolgen.",
                partners=("Team Sociale Dienstverlening",),
            ),
            project(
                "Speelweefsel Dokwijk",
                "youth public-space",
                "Team Speelpleinwerking",
                "Veilige speelroutes en kleine speelplekken die scholen, pleintjes en parken van "
                "Dokwijk met elkaar verbinden.",
                areas="Dokwijk",
                partners=("Dienst Groen",),
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Klimaatplan Leiemonde 2030",
        "climate energy heat greenery renovation",
        "Dienst Milieu en Klimaat",
        "Voert het klimaatplan uit: 40 procent minder CO2-uitstoot tegen 2030 en een stad die "
        "bestand is tegen hitte en wateroverlast. Zes departementen werken samen met bewoners, "
        "bedrijven en de energiecoöperatie.",
        goals="Renovatiegraad van woningen verdubbelen, 30 hectare ontharden en alle "
        "stadsgebouwen fossielvrij tegen 2030.",
        partners=(
            "Dienst Ruimtelijke Planning",
            "Dienst Mobiliteit",
            "Dienst Groen",
            "Dienst Facility Management",
            "Dienst Wonen",
            "Dienst Economie",
            "leiestroom",
            "ugroep-energie",
        ),
        draw=3,
        start=date(2021, 5, 17),
        children=(
            project(
                "Renovatiebegeleiding Blekerij",
                "renovation energy housing",
                "Team Energie",
                "Collectieve renovatie per bouwblok in Blekerij: de stad ontzorgt eigenaars van "
                "oude arbeiderswoningen, van energiescan tot aannemer.",
                areas="Blekerij",
                partners=("woonmaatschappij", "agentschap-wonen"),
            ),
            project(
                "Warmtenet Kanaalzone",
                "energy circular-economy",
                "leiestroom",
                "Restwarmte van bedrijven in de kanaalzone verwarmt via een warmtenet scholen, "
                "sociale woningen en het zwembad.",
                areas="Kanaalzone",
                partners=("Team Energie", "ugroep-energie"),
                months=(24, 48),
            ),
            project(
                "Ontharding Schoolpleinen",
                "heat greenery education",
                "Team Klimaatadaptatie",
                "Leerlingen, ouders en leerkrachten vormen betegelde speelplaatsen om tot groene, "
                "koele speelplekken die na schooltijd open zijn voor de buurt.",
                draw=6,
            ),
            project(
                "Zonnedaken Publieke Gebouwen",
                "energy climate",
                "Team Gebouwenbeheer",
                "Zonnepanelen op sporthallen, scholen en dienstencentra, gefinancierd met "
                "burgerparticipatie via de energiecoöperatie.",
                partners=("leiestroom",),
            ),
            project(
                "Koele Plekken Binnenstad",
                "heat public-space elderly-care",
                "Team Klimaatadaptatie",
                "Een netwerk van koele plekken en drinkwaterpunten in de binnenstad, met een "
                "hitteplan voor kwetsbare ouderen.",
                areas="Begijnhof, Sint-Jacobs, Vismarkt",
                partners=("Dienst Ouderen en Zorg",),
            ),
            project(
                "Buurtbatterij Vlasbloem",
                "energy participation",
                "leiestroom",
                "Bewoners van Vlasbloem delen zonnestroom via een buurtbatterij, begeleid door de "
                "energiecoöperatie en het energieloket.",
                areas="Vlasbloem",
                partners=("Team Energie",),
            ),
            project(
                "Groene Leieoevers",
                "greenery heat public-space",
                "Dienst Groen",
                "De oevers van de Leie worden een doorlopend groen wandel- en fietspad met "
                "natuurvriendelijke oevers en plekken om af te koelen.",
                areas="Ter Leie-Dorp, Oude Vaart",
                partners=("provincie",),
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Zorgzame Buurten",
        "care elderly-care loneliness health",
        "Dienst Ouderen en Zorg",
        "In elke wijk werken lokale dienstencentra, huisartsen, thuiszorg, vrijwilligers en buren "
        "samen, zodat ouderen en mensen met een zorgnood langer thuis kunnen wonen.",
        goals="Elke wijk heeft een zorgzame-buurtnetwerk; minder eenzaamheid bij 75-plussers.",
        partners=(
            "Dienst Welzijn",
            "Dienst Gezondheid",
            "Team Lokale Dienstencentra",
            "Dienst Participatie",
            "hcentrum-zorg",
            "welzijnsvereniging",
        ),
        draw=3,
        start=date(2021, 9, 1),
        children=(
            project(
                "Zorgzame Buurt Westerlede",
                "elderly-care loneliness care",
                "Team Lokale Dienstencentra",
                "Het dienstencentrum van Westerlede brengt huisartsen, thuiszorg, apotheek en "
                "buren samen rond ouderen die alleen wonen.",
                areas="Westerlede-Dorp, Molenhoek",
            ),
            project(
                "Eenzaamheid Doorbreken",
                "loneliness elderly-care volunteering",
                "hcentrum-zorg",
                "Vrijwilligers en studenten gaan op huisbezoek bij alleenstaande ouderen en "
                "leiden hen naar activiteiten in de buurt.",
                partners=("Team Lokale Dienstencentra", "vrijwilligersplatform"),
            ),
            project(
                "Mantelzorgpunt Leiemonde",
                "care elderly-care",
                "welzijnsvereniging",
                "Eén aanspreekpunt waar mantelzorgers terechtkunnen voor advies, respijtzorg en "
                "lotgenotencontact.",
            ),
            project(
                "Dementievriendelijk Zuidbroek",
                "elderly-care care",
                "dementie",
                "Handelaars, politie, bibliotheek en buren in Zuidbroek leren mensen met dementie "
                "herkennen en helpen.",
                areas="Zuidbroek-Centrum, Hoogkamer",
            ),
            project(
                "Buurtgezondheidswerkers Rabot",
                "health poverty care",
                "Dienst Gezondheid",
                "Gezondheidswerkers uit de buurt leiden bewoners van Rabot naar de huisarts, "
                "de tandarts en preventieve zorg.",
                areas="Rabot",
                partners=("schakel",),
            ),
            project(
                "Psychologen in de Wijk",
                "mental-health care",
                "Dienst Gezondheid",
                "Laagdrempelige eerstelijnspsychologen houden spreekuur in dienstencentra, "
                "jeugdhuizen en wijkgezondheidscentra.",
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Levendige Handelskernen",
        "retail economy public-space entrepreneurship",
        "Dienst Economie",
        "Houdt de binnenstad en de wijkkernen levendig met minder leegstand, aantrekkelijke "
        "pleinen en samenwerking tussen handelaars, horeca, cultuur en de stad.",
        goals="Leegstand in de winkelstraten onder 8 procent; elke wijkkern een actieve "
        "handelaarsvereniging.",
        partners=(
            "Team Handel en Horeca",
            "Dienst Mobiliteit",
            "Dienst Ruimtelijke Planning",
            "Dienst Cultuur",
            "Dienst Preventie en Veiligheid",
            "ondernemersplatform",
            "hcentrum-ondernemen",
        ),
        draw=3,
        start=date(2021, 2, 1),
        children=(
            project(
                "Leegstandsbeheer Binnenstad",
                "retail entrepreneurship",
                "Team Handel en Horeca",
                "Eigenaars van leegstaande panden, makelaars en starters worden aan elkaar "
                "gekoppeld om lege winkels snel opnieuw in te vullen.",
                areas="Sint-Jacobs, Vismarkt",
            ),
            project(
                "Pop-upwinkels Stationskwartier",
                "retail entrepreneurship culture",
                "hcentrum-ondernemen",
                "Studenten-ondernemers en makers testen hun zaak een half jaar in een leeg pand in "
                "het Stationskwartier.",
                areas="Stationskwartier",
                partners=("Team Handel en Horeca",),
            ),
            project(
                "Lokale Webwinkel Leiemonde",
                "retail digital entrepreneurship",
                "ondernemersplatform",
                "Een gezamenlijke webwinkel en afhaalpunten waarmee lokale handelaars online "
                "verkopen zonder grote platformen.",
                partners=("Dienst Economie",),
            ),
            project(
                "Marktplein Zuidbroek Vernieuwd",
                "public-space retail",
                "Dienst Ruimtelijke Planning",
                "Heraanleg van het marktplein van Zuidbroek, ontworpen samen met marktkramers, "
                "handelaars en bewoners.",
                areas="Zuidbroek-Centrum",
            ),
            project(
                "Startersloket Handel",
                "entrepreneurship retail",
                "Dienst Economie",
                "Begeleiding, huurpremie en coaching voor wie een winkel of horecazaak opstart in "
                "een handelskern.",
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Digitale Inclusie",
        "digital-inclusion digital education",
        "Dienst ICT en Digitalisering",
        "Niemand mag uit de boot vallen nu de dienstverlening digitaal wordt: digipunten, "
        "toestellen en begeleiding voor wie weinig digitale vaardigheden heeft.",
        goals="In elke wijk een digipunt; digitale basisvaardigheden voor 5.000 bewoners.",
        partners=(
            "Stadsbibliotheek Leiemonde",
            "Dienst Welzijn",
            "Dienst Samenleven en Diversiteit",
            "Dienst Onderwijsbeleid",
            "Team Lokale Dienstencentra",
        ),
        draw=3,
        start=date(2021, 4, 1),
        children=(
            project(
                "Digipunten in de Wijk",
                "digital-inclusion",
                "Stadsbibliotheek Leiemonde",
                "Vrijwilligers helpen bewoners in bibliotheekfilialen en dienstencentra met "
                "e-mail, formulieren en online bankieren.",
                draw=5,
            ),
            project(
                "Laptops voor Leerlingen",
                "digital-inclusion education child-poverty",
                "Dienst Onderwijsbeleid",
                "Herstelde laptops van bedrijven gaan naar leerlingen die thuis geen computer "
                "hebben.",
            ),
            project(
                "Digibuddy's",
                "digital-inclusion volunteering elderly-care",
                "vrijwilligersplatform",
                "Jongeren en vrijwilligers helpen ouderen thuis met hun smartphone en tablet.",
            ),
            project(
                "Open Wijkmonitor",
                "open-data digital",
                "Team Data en Open Data",
                "Cijfers over bevolking, wonen, armoede en klimaat per wijk, open voor bewoners, "
                "verenigingen en onderzoekers.",
                partners=("ugroep-bestuur",),
            ),
        ),
    ),
    coalition(
        PROGRAMME,
        "Programma Werk en Sociale Economie",
        "work social-economy diversity",
        "Dienst Werk",
        "Begeleidt bewoners met een afstand tot de arbeidsmarkt naar werk, samen met "
        "maatwerkbedrijven, werkgevers, opleiders en de Vlaamse dienst voor werk.",
        goals="Werkzaamheidsgraad in de 19de-eeuwse gordel stijgt met 5 procentpunt.",
        partners=(
            "Team Sociale Economie",
            "Team Sociale Dienstverlening",
            "Team Inburgering en Taal",
            "Dienst Economie",
            "werk-vorming",
        ),
        draw=3,
        start=date(2021, 1, 18),
        children=(
            project(
                "Wijkwerken Leiemonde",
                "social-economy work",
                "Team Sociale Economie",
                "Werkzoekenden doen werkervaring bij verenigingen, scholen en buren, als opstap "
                "naar een vaste job.",
            ),
            project(
                "Jobbeurs Kanaalzone",
                "work economy",
                "Dienst Werk",
                "Bedrijven uit de kanaalzone zoeken jaarlijks medewerkers uit de buurt, met "
                "begeleiding voor wie geen diploma heeft.",
                areas="Kanaalzone",
                draw=6,
            ),
            project(
                "Taal op de Werkvloer",
                "diversity work education",
                "Team Inburgering en Taal",
                "Taalcoaches ondersteunen anderstalige werknemers en hun collega's op de "
                "werkvloer.",
            ),
            project(
                "Circulaire Werkplaats",
                "circular-economy social-economy",
                "Team Sociale Economie",
                "Een werkplaats waar werkzoekenden meubels en materialen uit sloop herstellen "
                "voor hergebruik.",
                areas="Kanaalzone",
            ),
            project(
                "Jongeren aan de Slag",
                "work youth early-school-leaving",
                "werk-vorming",
                "Jongeren zonder diploma krijgen een coach die hen naar opleiding, stage of werk "
                "begeleidt.",
                partners=("Dienst Jeugd",),
            ),
        ),
    ),
)
