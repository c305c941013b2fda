"""The web application: Dutch-first pages, a REST API under ``/api/v1``, accounts and roles.

Start it with ``quadhelix serve``; build it in code with ``create_app(Settings(...))``.
"""
