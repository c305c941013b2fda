"""Data in and out of the registry: spreadsheets, KBO/BCE, the association register, CORDIS.

Every importer validates a whole file before it writes, and writes it in one transaction.
"""
