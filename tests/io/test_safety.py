import pytest

from quadhelix.io.safety import neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+32 9 123 45 67", "'+32 9 123 45 67"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Stad Gent", "Stad Gent"),
        ("", ""),
        ("a=b", "a=b"),
        ("'=already", "'=already"),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected
