"""The KBO/BCE importer on small files in the official open-data layout."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from quadhelix.io.kbo import _provenance, classify, import_kbo
from quadhelix.io.report import ImportRejected
from quadhelix.io.validate import PROVENANCE_LENGTH
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor
from quadhelix.registry.vocab import HelixSector
from tests.io.helpers import dump, write

# Real enterprise numbers with valid check digits (mod 97), for made-up enterprises.
VZW, BV, UNI, CITY, OUTSIDE, PERSON = (
    "0417.497.106",
    "0202.239.951",
    "0248.015.142",
    "0207.451.227",
    "0403.170.701",
    "0650.519.738",
)


def kbo_files(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    q = '"'
    write(
        directory / "enterprise.csv",
        "EnterpriseNumber,Status,JuridicalSituation,TypeOfEnterprise,JuridicalForm,"
        "JuridicalFormCAC,StartDate\n"
        + "".join(
            f"{q}{n}{q},{q}AC{q},{q}000{q},{q}{t}{q},{q}{f}{q},,{q}01-02-2003{q}\n"
            for n, t, f in (
                (VZW, 2, "017"),
                (BV, 2, "610"),
                (UNI, 2, "124"),
                (CITY, 2, "416"),
                (OUTSIDE, 2, "017"),
                (PERSON, 1, ""),
            )
        ),
    )
    write(
        directory / "denomination.csv",
        "EntityNumber,Language,TypeOfDenomination,Denomination\n"
        f'"{VZW}","1","001","Travail de quartier Rabot"\n'
        f'"{VZW}","2","001","Buurtwerk Rabot"\n'
        f'"{VZW}","2","003","Rabot Buurt"\n'
        f'"{BV}","2","001","Bakkerij Jan"\n'
        f'"{UNI}","2","001","Universiteit Gent"\n'
        f'"{CITY}","2","001","Stad Gent"\n'
        f'"{OUTSIDE}","2","001","Elders vzw"\n'
        f'"{PERSON}","2","003","Kapper Piet"\n',
    )
    address = (
        "EntityNumber,TypeOfAddress,CountryNL,CountryFR,Zipcode,MunicipalityNL,MunicipalityFR,"
        "StreetNL,StreetFR,HouseNumber,Box,ExtraAddressInfo,DateStrikingOff\n"
    )
    for number, zipcode in (
        (VZW, "9000"),
        (BV, "9030"),
        (UNI, "9000"),
        (CITY, "9000"),
        (OUTSIDE, "1000"),
        (PERSON, "9000"),
    ):
        address += f'"{number}","REGO","","","{zipcode}","Gent","Gand","Kerkstraat","","1","",,\n'
    address += '"2.123.456.789","BAET","","","9000","Gent","","Markt","","2","",,\n'
    write(directory / "address.csv", address)
    write(
        directory / "activity.csv",
        "EntityNumber,ActivityGroup,NaceVersion,NaceCode,Classification\n"
        f'"{VZW}","006","2008","88999","MAIN"\n'
        f'"{UNI}","006","2008","85421","MAIN"\n'
        f'"{CITY}","006","2008","84111","MAIN"\n'
        f'"{BV}","001","2008","10711","MAIN"\n'
        f'"{BV}","001","2008","72190","SECO"\n',
    )
    write(
        directory / "contact.csv",
        "EntityNumber,EntityContact,ContactType,Value\n"
        f'"{VZW}","ENT","WEB","www.rabot.be"\n'
        f'"{VZW}","ENT","EMAIL","info@rabot.be"\n',
    )
    write(
        directory / "code.csv",
        "Category,Code,Language,Description\n"
        '"JuridicalForm","124","NL","Openbare instelling"\n'
        '"JuridicalForm","416","NL","Gemeente"\n'
        '"JuridicalForm","017","NL","Vereniging zonder winstoogmerk"\n',
    )
    return directory


def test_provenance_stays_within_its_column() -> None:
    many = ", ".join(f"{n:02d}.{n:03d}" for n in range(10, 99))
    text = _provenance("017", "vzw", many, "kbo-nonprofit-form")
    assert len(text) == PROVENANCE_LENGTH and text.endswith("…")
    assert text.startswith("KBO/BCE open data: juridical form 017 (vzw); helix by rule kbo-")


def test_classify_rules() -> None:
    public = {"124"}
    assert classify("017", {"88999"}, public) == (HelixSector.CIVIL_SOCIETY, "kbo-nonprofit-form")
    assert classify("017", {"72190"}, public)[0] is HelixSector.KNOWLEDGE
    assert classify("124", {"85421"}, public)[0] is HelixSector.KNOWLEDGE
    assert classify("124", {"84111"}, public)[0] is HelixSector.GOVERNMENT
    assert classify("416", {"84111"}, public)[1] == "kbo-public-administration-nace"
    assert classify("610", {"72190"}, public) == (HelixSector.BUSINESS, "kbo-company")


def test_import_filters_by_postal_code_and_records_rules(engine: Engine, tmp_path: Path) -> None:
    source = kbo_files(tmp_path / "kbo")
    report = import_kbo(engine, source, ["9000", "9030"])
    assert report.tables["actor"].created == 4  # not Brussels, not the natural person
    assert dict(report.rules) == {
        "kbo-nonprofit-form": 1,
        "kbo-company": 1,
        "kbo-knowledge-nace": 1,
        "kbo-public-administration-nace": 1,
    }
    with transaction(engine) as session:
        rabot = session.scalars(select(Actor).where(Actor.kbo == "0417497106")).one()
        assert rabot.name == "Buurtwerk Rabot"  # legal name, Dutch first
        assert rabot.helix is HelixSector.CIVIL_SOCIETY
        assert rabot.website == "https://www.rabot.be"
        assert (rabot.postal_code, rabot.municipality, rabot.street) == (
            "9000",
            "Gent",
            "Kerkstraat 1",
        )
        assert rabot.external_id == "kbo:0417497106"
        assert rabot.start_date is not None and rabot.start_date.isoformat() == "2003-02-01"
        assert rabot.description is None  # descriptions are left to people
        assert rabot.provenance == (
            "KBO/BCE open data: juridical form 017 (vzw); helix by rule kbo-nonprofit-form; "
            "main NACE-BEL 88.999"
        )
    again = import_kbo(engine, source, ["9000", "9030"])
    assert again.tables["actor"].unchanged == 4


def test_a_zip_works_like_a_folder(engine: Engine, tmp_path: Path) -> None:
    source = kbo_files(tmp_path / "kbo")
    archive = tmp_path / "KboOpenData_Full.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in source.iterdir():
            out.write(path, path.name)
    assert import_kbo(engine, archive, ["9030"]).tables["actor"].created == 1


def test_invalid_check_digits_reject_everything(engine: Engine, tmp_path: Path) -> None:
    source = kbo_files(tmp_path / "kbo")
    for path in source.iterdir():
        path.write_text(path.read_text().replace(VZW, "0417.497.107"))
    before = dump(engine)
    with pytest.raises(ImportRejected) as caught:
        import_kbo(engine, source, ["9000"])
    assert str(caught.value.problems[0]) == (
        "enterprise.csv:2:EnterpriseNumber: check digits should be 06"
    )
    assert dump(engine) == before
