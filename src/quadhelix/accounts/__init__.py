"""Who may use the web application and API: users with roles, login sessions and API tokens.

Accounts are not registry data, but they live in the same database and migration chain, so the
model uses the registry's declarative ``Base``.
"""
