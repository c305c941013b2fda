"""Dutch name material for the demo city: common Flemish first names, surnames and the kinds of
words local organisations are named after.

Everything made from these lists is fictional; a resemblance to a real person or organisation is a
coincidence of common names.
"""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    """A comma-separated list written over several lines, as a tuple."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


FIRST_NAMES: tuple[str, ...] = _split(
    """
    Sofie, An, Els, Katrien, Lien, Hanne, Sarah, Lotte, Marie, Emma, Julie, Nele, Griet,
    Ingrid, Martine, Veerle, Fatima, Samira, Yasmina, Aylin, Elif, Nadia, Amina, Olga, Joke,
    Inge, Leen, Evi, Femke, Margot, Tom, Pieter, Jan, Koen, Bart, Wim, Dirk, Geert, Stijn,
    Jonas, Thomas, Lucas, Arne, Ruben, Jeroen, Filip, Luc, Marc, Mohamed, Youssef, Mehmet,
    Emre, Karim, Ibrahim, Tomasz, Kwame, Rik, Frank, Willy, Jef
    """
)

SURNAMES: tuple[str, ...] = _split(
    """
    Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet,
    Dubois, Hermans, Aerts, Vermeulen, Van den Broeck, Desmet, De Clercq, Van Damme, Verhaeghe,
    De Backer, Coppens, Declercq, Lambrecht, Vandenberghe, De Meyer, Van de Velde, Martens,
    Verstraete, Pauwels, Devos, De Wilde, Vanhove, Van Hecke, Claeys, Stevens, De Vos, Mahieu,
    Vandamme, Verbeke, Dewulf, Baert, Lievens, Moens, Bogaert, Van Acker, Callens, De Pauw,
    El Amrani, Yilmaz, Benali, Kaya, Nowak, Mensah, Ouali, Demir, Bouzid
    """
)

# Words Flemish associations, houses and cafés are typically named after.
EMBLEMS: tuple[str, ...] = _split(
    """
    De Brug, Het Anker, De Vonk, De Kiem, Het Open Huis, De Ploeg, Het Spoor,
    De Regenboog, De Vlasbloem, De Zwaluw, De Linde, Het Kompas, De Sleutel, De Knoop,
    Het Veer, De Weverij, De Meersbloem, Het Leietij, De Horizon, Den Draai, De Molensteen,
    Het Vlot, De Boomgaard, Het Baken, De Tuimelaar, Het Klaverblad, De Wissel, De Stroom,
    Het Lichtpunt, De Bolster, Het Nest, De Pluim, De Overzet, Het Speelvogeltje, De Toren,
    De Eik, Het Weefsel
    """
)

SAINTS: tuple[str, ...] = _split(
    """
    Sint-Jozef, Sint-Jan, Sint-Amaar, Sint-Pieter, Sint-Martinus, Onze-Lieve-Vrouw,
    Sint-Barbara, Sint-Antonius, Sint-Paulus, Sint-Cecilia, Sint-Lutgardis, Sint-Vincent
    """
)

SPORTS: tuple[tuple[str, str], ...] = (
    # (club word, sport in a sentence)
    ("Voetbalclub", "voetbal"),
    ("Basketbalclub", "basketbal"),
    ("Volleybalclub", "volleybal"),
    ("Zwemclub", "zwemmen"),
    ("Atletiekclub", "atletiek"),
    ("Roeivereniging", "roeien"),
    ("Turnkring", "turnen"),
    ("Tennisclub", "tennis"),
    ("Judoclub", "judo"),
    ("Wielerclub", "wielrennen"),
    ("Hockeyclub", "hockey"),
    ("Boksclub", "boksen"),
    ("Petanqueclub", "petanque"),
    ("Badmintonclub", "badminton"),
)

TRADES: tuple[str, ...] = _split(
    """
    Bakkerij, Slagerij, Fietsen, Boekhandel, Bloemen, Optiek, Apotheek, Kapsalon, Schoenen,
    Kaashandel, Wijnhandel, Textiel, Elektro, Speelgoed, Drukkerij
    """
)

HOSPITALITY: tuple[str, ...] = ("Café", "Brasserie", "Eetcafé", "Bistro", "Koffiebar", "Taverne")

BUILDERS: tuple[str, ...] = _split(
    """
    Bouwbedrijf, Aannemingen, Dakwerken, Renovatiebedrijf, Schrijnwerkerij, Installatiebedrijf,
    Isolatiewerken, Wegenbouw
    """
)

TECH_WORDS: tuple[str, ...] = _split(
    """
    Digital, Data, Code, Pixel, Cloud, Logic, Byte, Signal, Grid, Loop
    """
)

TECH_STEMS: tuple[str, ...] = _split(
    """
    Leie, Vlas, Meers, Molen, Sluis, Kade, Toren, Brug, Vaart, Linde
    """
)

# Words self-organisations of Flemings with a migration background often choose (hope, friendship).
COMMUNITY_WORDS: tuple[str, ...] = _split(
    """
    Al Amal, Umut, Dostluk, Ubuntu, Sankofa, Nadzieja, Salaam, Harambee, Anadolu, Atlas, Zenit
    """
)
