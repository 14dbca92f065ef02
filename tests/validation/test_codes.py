"""Codes are checked against the collection year of the date they belong to."""

import pytest

from tests.validation.corpus import findings, rows_of


def ep(extract, child):
    return next(r for r in extract.tables["episodes"] if r["CHILD"] == child)


@pytest.mark.parametrize(
    ("decom", "place", "valid"),
    [
        ("15/04/2023", "K3", True),  # collection year 2024: K3 valid from 2024
        ("31/03/2023", "K3", False),  # year 2023
        ("01/04/2025", "Z11", True),  # year 2026: Z11-Z14 from 2026
        ("31/03/2025", "Z14", False),  # year 2025
        ("31/03/2025", "H5", True),  # H5 valid to 2025
        ("01/04/2025", "H5", False),  # year 2026
        ("01/04/2025", "Z1", False),  # Z1 replaced in 2026
        ("15/04/2023", " u4 ", True),  # trimmed and upper-cased
        ("15/04/2023", "U9", False),  # never a code
    ],
)
def test_place_by_decom_year(extract, decom, place, valid):
    ep(extract, "C3").update(DECOM=decom, PLACE=place)
    checked = extract.check()
    expected = (
        []
        if valid
        else [("episodes.csv", 5, "PLACE", "episodes.invalid_code", place.strip(), "C3", "row")]
    )
    assert findings(checked, "episodes.invalid_code") == expected


@pytest.mark.parametrize(
    ("rec", "valid"),
    [
        ("E43", False),  # DEC 01/05/2018 is collection year 2019; E43 valid to 2018
        ("E45", True),  # E45 valid from 2019 (DECOM's year 2018 would reject it)
    ],
)
def test_rec_by_dec_year_not_decom_year(extract, rec, valid):
    ep(extract, "C2").update(DECOM="01/01/2018", DEC="01/05/2018", REC=rec)
    checked = extract.check()
    assert rows_of(checked, "episodes.invalid_code") == ([] if valid else [("episodes.csv", 4)])


@pytest.mark.parametrize(
    ("contact", "activ", "valid"),
    [
        ("01/03/2021", "F4", False),  # year 2021: F4 from 2022
        ("01/05/2021", "F4", True),  # year 2022
        ("01/05/2021", "F3", False),  # F3 to 2021
        ("01/03/2021", "F3", True),
    ],
)
def test_activ_by_contact_year(extract, contact, activ, valid):
    extract.tables["care_leavers"][0].update(CONTACT_DATE=contact, ACTIV=activ)
    checked = extract.check()
    expected = [] if valid else [("care_leavers.csv", 2)]
    assert rows_of(checked, "care_leavers.invalid_code") == expected


@pytest.mark.parametrize(
    ("sex", "valid"), [("1", True), ("2", True), ("U", True), ("f", True), ("X", False)]
)
def test_sex_any_years_code(extract, sex, valid):
    extract.tables["header"][0]["SEX"] = sex
    checked = extract.check()
    assert rows_of(checked, "header.invalid_code") == ([] if valid else [("header.csv", 2)])


def test_health_codes(extract):
    extract.tables["health_assessments"][0]["ASSESSMENT_TYPE"] = "XHA"
    extract.tables["immunisations"][0]["UP_TO_DATE"] = "maybe"
    checked = extract.check()
    assert rows_of(checked, "health_assessments.invalid_code") == [("health_assessments.csv", 2)]
    assert rows_of(checked, "immunisations.invalid_code") == [("immunisations.csv", 2)]


def test_lower_case_missing_and_review_codes_accepted(extract):
    extract.tables["missing"][0]["MISSING"] = " m"
    extract.tables["reviews"][0]["REVIEW_CODE"] = "pn1 "
    assert findings(extract.check()) == []
