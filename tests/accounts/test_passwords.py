"""The production argon2 parameters (the other tests use cheap ones)."""

from __future__ import annotations

from quadhelix.accounts.passwords import hash_password, needs_rehash, verify_password


def test_passwords_are_hashed_with_argon2id_at_recommended_cost() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert "m=65536,t=3,p=4" in hashed  # RFC 9106 second recommended option
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "Correct horse battery")
    assert not verify_password("not a hash", "x")
    assert not needs_rehash(hashed)
