"""quadhelix: registry and network analytics for cities working in quadruple-helix coalitions."""

__version__ = "0.1.0"
