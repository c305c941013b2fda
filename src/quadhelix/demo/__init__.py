"""The demo city: a fictional Flemish centre city to try quadhelix on, built deterministically."""

from quadhelix.demo.city import DEFAULT_SEED, DemoCity, Ref, build_demo_city

__all__ = ["DEFAULT_SEED", "DemoCity", "Ref", "build_demo_city"]
