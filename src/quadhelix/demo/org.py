"""Leiemonde's city administration (stad and OCMW): the org tree of departments, diensten and teams.

The org tree follows the department > dienst > team layout of the Flemish centre cities since the
integration of city and OCMW (2019). Three diensten are designed as silos (see ``SILOS``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from quadhelix.registry.vocab import ActorKind, HelixSector

GOV = HelixSector.GOVERNMENT
ROOT = "Stad en OCMW Leiemonde"
PARTICIPATION = "Dienst Participatie"

# Why these three: routine, rule-bound or technical work in the classic bureaucratic mould
# (the brief: "grote pakketten van identieke diensten ... opdrachten die specialisme vragen").
SILOS: tuple[str, ...] = (
    "Dienst Financiën",
    "Dienst Burgerzaken",
    "Dienst Wegen, Bruggen en Waterlopen",
)


@dataclass(frozen=True)
class Unit:
    """A department, dienst or team of the city; ``duty`` says what it is for."""

    name: str
    themes: tuple[str, ...]
    duty: str
    children: tuple[Unit, ...] = ()

    @property
    def kind(self) -> ActorKind:
        if self.name == ROOT:
            return ActorKind.ORGANISATION
        return ActorKind.TEAM if self.name.startswith("Team ") else ActorKind.DEPARTMENT


def _u(name: str, themes: str, duty: str, *children: Unit) -> Unit:
    return Unit(name, tuple(themes.split()), duty, children)


ORG_TREE = _u(
    ROOT,
    "sdg-11 sdg-16",
    "Het geïntegreerde bestuur van stad en OCMW Leiemonde, met zo'n 3.200 medewerkers.",
    _u(
        "Algemene Directie",
        "sdg-16",
        "Stuurt de organisatie aan onder leiding van de algemeen directeur.",
        _u(
            "Team Strategie en Organisatieontwikkeling",
            "sdg-17 open-data",
            "Volgt het meerjarenplan op en begeleidt organisatieontwikkeling en innovatie.",
        ),
        _u(
            "Team Communicatie",
            "participation",
            "Informeert bewoners via stadsmagazine, website en sociale media.",
        ),
        _u(
            PARTICIPATION,
            "participation neighbourhood-work volunteering",
            "Brengt bewoners, verenigingen, ondernemers en stadsdiensten samen rond wijkprojecten, "
            "inspraak en burgerinitiatieven; werkt dwars door de departementen heen.",
            _u(
                "Team Wijkregie",
                "neighbourhood-work public-space",
                "Wijkregisseurs die per wijk de vragen en projecten van bewoners en diensten "
                "bundelen.",
            ),
            _u(
                "Team Burgerbudget",
                "participation",
                "Beheert het burgerbudget en de wijkbudgetten en begeleidt burgerinitiatieven.",
            ),
            _u(
                "Team Vrijwilligerswerk",
                "volunteering",
                "Ondersteunt vrijwilligers en verenigingen met verzekering, vorming en vacatures.",
            ),
        ),
        _u(
            "Dienst Preventie en Veiligheid",
            "safety",
            "Werkt aan integrale veiligheid met preventie, buurtbemiddeling en handhaving.",
            _u(
                "Team Gemeenschapswachten",
                "safety public-space",
                "Gemeenschapswachten die zichtbaar aanwezig zijn in straten, parken en op markten.",
            ),
            _u(
                "Team Straathoekwerk",
                "safety homelessness youth",
                "Straathoekwerkers die kwetsbare jongeren en daklozen op straat opzoeken.",
            ),
        ),
    ),
    _u(
        "Departement Bedrijfsvoering",
        "",
        "Zorgt voor financiën, personeel, ICT, gebouwen en aankoop van de hele organisatie.",
        _u(
            "Dienst Financiën",
            "",
            "Beheert het meerjarenplan, de boekhouding en de betalingen van stad en OCMW.",
            _u("Team Boekhouding", "", "Verwerkt facturen, betalingen en de jaarrekening."),
            _u(
                "Team Budget en Beheerscontrole",
                "",
                "Stelt het budget op en controleert de uitvoering ervan.",
            ),
        ),
        _u("Dienst HR", "", "Werft, vormt en ondersteunt de medewerkers van de stad."),
        _u(
            "Dienst ICT en Digitalisering",
            "digital",
            "Beheert de ICT-infrastructuur en digitaliseert de dienstverlening.",
            _u(
                "Team Data en Open Data",
                "open-data",
                "Beheert de datawarehouse, de wijkmonitor en het open-dataportaal van de stad.",
            ),
        ),
        _u(
            "Dienst Facility Management",
            "energy",
            "Beheert de stadsgebouwen, schoonmaak en energieverbruik.",
            _u(
                "Team Gebouwenbeheer",
                "energy renovation",
                "Onderhoudt en renoveert scholen, sporthallen en administratieve gebouwen.",
            ),
        ),
    ),
    _u(
        "Departement Burgerzaken",
        "",
        "Verzorgt de wettelijke dienstverlening aan bewoners aan het loket en online.",
        _u(
            "Dienst Burgerzaken",
            "",
            "Bevolkingsregister, identiteitskaarten, rijbewijzen en burgerlijke stand.",
            _u("Team Bevolking", "", "Adreswijzigingen, identiteitsdocumenten en attesten."),
            _u(
                "Team Burgerlijke Stand", "", "Geboortes, huwelijken, overlijdens en nationaliteit."
            ),
        ),
    ),
    _u(
        "Departement Welzijn en Samenleving",
        "care",
        "Voert het sociaal beleid van stad en OCMW: welzijn, zorg, wonen en samenleven.",
        _u(
            "Dienst Welzijn",
            "care poverty",
            "Organiseert de sociale dienstverlening en het armoedebeleid van het OCMW.",
            _u(
                "Team Buurtwerk",
                "neighbourhood-work",
                "Buurtwerkers die in de wijken samen met bewoners en verenigingen werken.",
            ),
            _u(
                "Team Sociale Dienstverlening",
                "poverty debt",
                "Maatschappelijk werkers voor leefloon, rechtenverkenning en sociale hulp.",
            ),
            _u(
                "Team Schuldhulpverlening",
                "debt",
                "Budgetbeheer, budgetbegeleiding en schuldbemiddeling voor bewoners.",
            ),
            _u(
                "Team Dak- en Thuislozenzorg",
                "homelessness",
                "Nachtopvang, winteropvang en woonbegeleiding voor dak- en thuislozen.",
            ),
        ),
        _u(
            "Dienst Samenleven en Diversiteit",
            "diversity",
            "Werkt aan samenleven in diversiteit en ondersteunt zelforganisaties.",
            _u(
                "Team Inburgering en Taal",
                "diversity education",
                "Onthaal van nieuwkomers, taaltrajecten en oefenkansen Nederlands.",
            ),
        ),
        _u(
            "Dienst Ouderen en Zorg",
            "elderly-care loneliness",
            "Beheert de woonzorgcentra en lokale dienstencentra van het OCMW.",
            _u(
                "Team Woonzorgcentra",
                "elderly-care",
                "Vier woonzorgcentra met zorg op maat voor ouderen.",
            ),
            _u(
                "Team Lokale Dienstencentra",
                "elderly-care loneliness",
                "Lokale dienstencentra met maaltijden, activiteiten en buurtgerichte zorg.",
            ),
        ),
        _u(
            "Dienst Gezondheid",
            "health mental-health",
            "Werkt aan gezondheidspreventie en geestelijke gezondheid in de wijken.",
        ),
        _u(
            "Dienst Wonen",
            "housing social-housing renovation",
            "Voert het woonbeleid: woonkwaliteit, renovatiepremies en sociale huisvesting.",
        ),
    ),
    _u(
        "Departement Onderwijs, Opvoeding en Jeugd",
        "education",
        "Zorgt voor kinderopvang, onderwijsbeleid, stedelijk onderwijs en jeugd.",
        _u(
            "Dienst Jeugd",
            "youth",
            "Ondersteunt jeugdwerk en organiseert vrijetijdsaanbod voor kinderen en jongeren.",
            _u(
                "Team Jeugdwerk",
                "youth volunteering",
                "Subsidies, lokalen en begeleiding voor jeugdbewegingen en jeugdhuizen.",
            ),
            _u(
                "Team Speelpleinwerking",
                "youth public-space",
                "Stedelijke speelpleinen in de schoolvakanties.",
            ),
        ),
        _u(
            "Dienst Kinderopvang",
            "childcare child-poverty",
            "Stedelijke kinderdagverblijven en regie van de kinderopvang in de stad.",
        ),
        _u(
            "Dienst Onderwijsbeleid",
            "education early-school-leaving",
            "Lokaal onderwijsbeleid: gelijke kansen, spijbelpreventie en brede school.",
        ),
        _u(
            "Dienst Stedelijk Onderwijs",
            "education",
            "Inrichtende macht van de stedelijke scholen en academies.",
        ),
    ),
    _u(
        "Departement Cultuur, Sport en Vrije Tijd",
        "culture sport",
        "Zorgt voor cultuur, erfgoed, bibliotheek en sport in de stad.",
        _u(
            "Dienst Cultuur",
            "culture",
            "Cultuurbeleid, subsidies voor kunstenaars en verenigingen, evenementen.",
            _u(
                "Team Erfgoed en Stadsarchief",
                "heritage",
                "Beheert het stadsarchief en werkt met heemkundige kringen rond erfgoed.",
            ),
        ),
        _u(
            "Stadsbibliotheek Leiemonde",
            "culture digital-inclusion",
            "Bibliotheek met filialen in de wijken en digipunten voor iedereen.",
        ),
        _u("Dienst Sport", "sport", "Sportinfrastructuur, sportclubs en sportaanbod in de buurt."),
    ),
    _u(
        "Departement Stedelijke Ontwikkeling",
        "public-space",
        "Plant en beheert de ruimte van de stad: wonen, mobiliteit, groen en klimaat.",
        _u(
            "Dienst Ruimtelijke Planning",
            "public-space housing",
            "Ruimtelijke plannen, stadsvernieuwingsprojecten en omgevingsvergunningen.",
        ),
        _u(
            "Dienst Mobiliteit",
            "mobility cycling",
            "Mobiliteitsplan, fietsbeleid, parkeren en verkeersveiligheid.",
        ),
        _u(
            "Dienst Milieu en Klimaat",
            "climate energy",
            "Klimaatplan, energiebeleid en milieuvergunningen.",
            _u(
                "Team Energie",
                "energy renovation",
                "Energieloket, renovatiebegeleiding en energiedelen.",
            ),
            _u(
                "Team Klimaatadaptatie",
                "heat greenery",
                "Hitteplan, ontharding en waterbeheer tegen extreem weer.",
            ),
        ),
        _u("Dienst Groen", "greenery", "Aanleg en beheer van parken, bomen en natuur."),
        _u(
            "Dienst Wegen, Bruggen en Waterlopen",
            "public-space mobility",
            "Ontwerp, aanleg en onderhoud van wegen, bruggen, riolering en waterlopen.",
            _u("Team Wegenis", "", "Studie en toezicht op wegenwerken en riolering."),
            _u(
                "Team Bruggen en Waterlopen",
                "",
                "Inspectie en onderhoud van bruggen, kaaimuren en waterlopen.",
            ),
        ),
    ),
    _u(
        "Departement Economie en Werk",
        "economy",
        "Versterkt de lokale economie en begeleidt bewoners naar werk.",
        _u(
            "Dienst Economie",
            "economy entrepreneurship",
            "Ondernemersloket, bedrijventerreinen en economische promotie.",
            _u(
                "Team Handel en Horeca",
                "retail",
                "Markten, handelskernen, horeca en leegstandsbeleid.",
            ),
        ),
        _u(
            "Dienst Werk",
            "work",
            "Regie van het lokale werkgelegenheidsbeleid en trajecten naar werk.",
            _u(
                "Team Sociale Economie",
                "social-economy",
                "Ondersteuning van maatwerkbedrijven en wijk-werken.",
            ),
        ),
    ),
)


def walk(unit: Unit = ORG_TREE, parent: Unit | None = None) -> Iterator[tuple[Unit, Unit | None]]:
    """Every unit with its parent, parents first."""
    yield unit, parent
    for child in unit.children:
        yield from walk(child, unit)
