"""Dutch sentences about what an actor does for a theme, used to write varied descriptions.

Descriptions matter: the coalition builder searches them (BM25), so each sentence carries the words
people use when they look for partners on that theme.
"""

from __future__ import annotations

THEME_SENTENCES: dict[str, tuple[str, ...]] = {
    "poverty": (
        "Begeleidt gezinnen in armoede naar hun sociale rechten en een leefbaar inkomen.",
        "Bestrijdt armoede met een laagdrempelig onthaal, een sociale kruidenier en "
        "rechtenverkenning.",
        "Laat mensen in armoede zelf het woord nemen in het lokale armoedebeleid.",
    ),
    "child-poverty": (
        "Zorgt dat kinderen uit gezinnen in armoede kansen krijgen op school en in de vrije tijd.",
        "Werkt aan de aanpak van kinderarmoede met gratis schoolmaaltijden en een vrijetijdspas.",
    ),
    "debt": (
        "Biedt schuldhulp, budgetbegeleiding en collectieve schuldenregeling aan huishoudens.",
        "Helpt mensen met schulden vroeg, nog voor de deurwaarder langskomt.",
    ),
    "housing": (
        "Werkt aan betaalbaar en kwaliteitsvol wonen voor huurders en jonge gezinnen.",
        "Informeert huurders en eigenaars over huurprijzen, woonkwaliteit en premies.",
    ),
    "social-housing": (
        "Zoekt samen met de sociale huisvesting naar meer sociale huurwoningen in de wijk.",
        "Begeleidt sociale huurders en werkt aan leefbaarheid in de sociale woonwijken.",
    ),
    "homelessness": (
        "Biedt nachtopvang, inloopcentrum en woonbegeleiding aan dak- en thuislozen.",
        "Werkt met Housing First aan duurzame huisvesting voor daklozen.",
    ),
    "renovation": (
        "Begeleidt eigenaars bij de energetische renovatie van oude rijwoningen.",
        "Ontzorgt bewoners bij collectieve renovatie per bouwblok, van premie tot aannemer.",
    ),
    "care": (
        "Verbindt zorg en welzijn in de buurt zodat niemand tussen de mazen van het net valt.",
        "Biedt eerstelijnshulp en doorverwijzing bij vragen over zorg en welzijn.",
    ),
    "elderly-care": (
        "Ondersteunt ouderen om zo lang mogelijk thuis te wonen, met thuiszorg en mantelzorgers.",
        "Organiseert dagopvang, maaltijden en activiteiten voor senioren.",
    ),
    "loneliness": (
        "Doorbreekt eenzaamheid met huisbezoeken, buddywerking en ontmoetingsmomenten.",
        "Brengt alleenstaande ouderen en buren samen aan de koffietafel en op wandelingen.",
    ),
    "mental-health": (
        "Werkt aan geestelijke gezondheid met laagdrempelige psychologische hulp en preventie.",
        "Biedt een luisterend oor en groepswerking rond stress, angst en veerkracht.",
    ),
    "youth-care": (
        "Biedt jeugdhulp en opvoedingsondersteuning aan gezinnen met jonge kinderen en tieners.",
        "Begeleidt jongeren in een moeilijke thuissituatie naar hulp op maat.",
    ),
    "health": (
        "Werkt aan gezondheid in de wijk met preventie, beweging en gezonde voeding.",
        "Verlaagt drempels naar de huisarts en de eerstelijnszorg voor kwetsbare bewoners.",
    ),
    "education": (
        "Zet in op gelijke onderwijskansen, taalstimulering en ouderbetrokkenheid.",
        "Organiseert huiswerkbegeleiding en bijles voor leerlingen die extra steun nodig hebben.",
    ),
    "childcare": (
        "Biedt kinderopvang en buitenschoolse opvang voor werkende en werkzoekende ouders.",
        "Werkt aan voldoende en betaalbare kinderopvangplaatsen in de buurt.",
    ),
    "early-school-leaving": (
        "Voorkomt vroegtijdig schoolverlaten met spijbelpreventie en trajectbegeleiding.",
        "Helpt jongeren zonder diploma terug naar school of naar een opleiding.",
    ),
    "work": (
        "Begeleidt werkzoekenden naar een job met opleiding, stage en jobcoaching.",
        "Brengt werkgevers en werkzoekenden uit de buurt met elkaar in contact.",
    ),
    "social-economy": (
        "Biedt werk op maat aan mensen met een afstand tot de arbeidsmarkt.",
        "Is actief in de sociale economie met wijkwerk, kringloop en groenonderhoud.",
    ),
    "climate": (
        "Werkt mee aan het klimaatplan: minder uitstoot en een stad die bestand is tegen "
        "extreem weer.",
        "Maakt klimaatactie concreet voor bewoners, scholen en ondernemers.",
    ),
    "energy": (
        "Werkt aan de energietransitie met zonnepanelen, warmtenetten en energiedelen.",
        "Helpt huishoudens hun energiefactuur te verlagen met energiescans en advies.",
    ),
    "heat": (
        "Zoekt oplossingen tegen hittestress: schaduw, koele plekken en ontharding.",
        "Zorgt dat kwetsbare bewoners beschermd worden tijdens hittegolven.",
    ),
    "circular-economy": (
        "Geeft materialen een tweede leven via herstel, hergebruik en circulair bouwen.",
        "Zet in op circulaire economie: minder afval, meer delen en herstellen.",
    ),
    "greenery": (
        "Legt samen met bewoners groen aan: geveltuinen, buurtparken en bomen in de straat.",
        "Beschermt natuur en biodiversiteit in de stadsrand en langs de Leie.",
    ),
    "food": (
        "Werkt aan een eerlijke en duurzame voedselketen met korte keten en stadslandbouw.",
        "Verdeelt voedseloverschotten en kookt samen met buurtbewoners.",
    ),
    "mobility": (
        "Werkt aan veilige en duurzame mobiliteit: openbaar vervoer, deelmobiliteit en stappen.",
        "Denkt mee over verkeersveiligheid, parkeren en bereikbaarheid van de wijk.",
    ),
    "cycling": (
        "Maakt de stad fietsvriendelijker met veilige fietsroutes en fietsstallingen.",
        "Leert kinderen en nieuwkomers fietsen en organiseert fietsherstel.",
    ),
    "public-space": (
        "Maakt pleinen en straten aangenamer, met speelruimte, zitbanken en ontmoetingsplekken.",
        "Denkt mee over de heraanleg van de publieke ruimte in de wijk.",
    ),
    "culture": (
        "Brengt kunst en cultuur naar de wijk met voorstellingen, ateliers en festivals.",
        "Ondersteunt amateurkunsten en cultuurparticipatie voor alle leeftijden.",
    ),
    "heritage": (
        "Zorgt voor het erfgoed van de stad: archief, verhalen en monumenten.",
        "Ontsluit de geschiedenis van de vlasnijverheid en de oude stadskern.",
    ),
    "sport": (
        "Laat jong en oud sporten in clubverband en in de buurt, aan een betaalbare prijs.",
        "Werkt aan sportparticipatie van kinderen en jongeren uit alle wijken.",
    ),
    "safety": (
        "Werkt aan veiligheid en leefbaarheid met preventie, buurtbemiddeling en straathoekwerk.",
        "Pakt overlast en onveiligheidsgevoelens aan samen met bewoners en handelaars.",
    ),
    "participation": (
        "Betrekt bewoners bij beslissingen over hun buurt met burgerpanels en wijkbudgetten.",
        "Organiseert inspraak en co-creatie rond stadsprojecten.",
    ),
    "neighbourhood-work": (
        "Doet buurtwerk: samen met bewoners aan de slag rond wat in de wijk leeft.",
        "Is een ontmoetingsplek in de wijk en ondersteunt buurtinitiatieven.",
    ),
    "volunteering": (
        "Zoekt, vormt en begeleidt vrijwilligers voor organisaties in de stad.",
        "Draait volledig op het engagement van vrijwilligers uit de buurt.",
    ),
    "diversity": (
        "Werkt aan diversiteit en integratie, met taallessen en ontmoeting tussen culturen.",
        "Ondersteunt nieuwkomers en zelforganisaties van mensen met een migratieachtergrond.",
    ),
    "youth": (
        "Biedt jongeren een plek om elkaar te ontmoeten, te spelen en zich te engageren.",
        "Organiseert jeugdwerking, kampen en speelpleinwerking in de vakanties.",
    ),
    "economy": (
        "Versterkt de lokale economie en de bedrijvigheid in de stad.",
        "Investeert in werkgelegenheid en bedrijvigheid in de kanaalzone.",
    ),
    "retail": (
        "Houdt de handelskern levendig met lokale handel, horeca en markten.",
        "Werkt samen met handelaars aan minder leegstand en een aantrekkelijk winkelgebied.",
    ),
    "entrepreneurship": (
        "Ondersteunt starters en ondernemers met advies, netwerking en werkruimte.",
        "Begeleidt jonge ondernemers bij het opstarten van een zaak in de stad.",
    ),
    "digital": (
        "Werkt aan de digitalisering van diensten en processen.",
        "Ontwikkelt digitale toepassingen voor organisaties en de stad.",
    ),
    "digital-inclusion": (
        "Helpt mensen met weinig digitale vaardigheden op weg met computer en smartphone.",
        "Verkleint de digitale kloof met digipunten, toestellen en begeleiding.",
    ),
    "open-data": (
        "Maakt data over de stad open en bruikbaar voor bewoners en onderzoekers.",
        "Werkt met open data en wijkmonitoring aan beter onderbouwd beleid.",
    ),
}


def theme_sentence(theme: str, pick: int) -> str:
    """One sentence about ``theme``; ``pick`` chooses among the variants."""
    options = THEME_SENTENCES[theme]
    return options[pick % len(options)]
