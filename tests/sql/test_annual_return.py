"""Q4 values of indicators 5-8 and 13-15 from the 903 return's OC2/OC3 when the dated extracts
are absent (indicators.md "Annual figures from the 903 return itself"), hand-worked."""

from datetime import date

from tests.sql.conftest import episode

E = date(2021, 3, 31)  # 2020-21-Q4: collection year 2021 (1 April 2020 - 31 March 2021)


def oc2(child, dob, teeth, health, immunised, score="", reason=""):
    return {
        "CHILD": child,
        "DOB": dob,
        "SDQ_SCORE": score,
        "SDQ_REASON": reason,
        "CONVICTED": "0",
        "HEALTH_CHECK": health,
        "IMMUNISATIONS": immunised,
        "TEETH_CHECK": teeth,
        "HEALTH_ASSESSMENT": "1",
        "SUBSTANCE_MISUSE": "0",
        "INTERVENTION_RECEIVED": "",
        "INTERVENTION_OFFERED": "",
    }


def oc3(child, dob, in_touch, activ, accom):
    return {"CHILD": child, "DOB": dob, "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom}


EPISODES = [
    episode("A", "2019-01-01"),  # CLA 1yr+ on E, aged 11
    episode("B", "2018-05-01"),  # CLA 1yr+, aged 5
    episode("C", "2019-06-01"),  # CLA 1yr+, aged 3 (no SDQ expected)
    episode("D", "2020-06-01"),  # looked after under 12 months on E: not in the OC2 cohort
    episode("E", "2019-01-01"),  # CLA 1yr+, aged 15
]
HEADER = [
    {"CHILD": "A", "DOB": "2010-01-01"},
    {"CHILD": "B", "DOB": "2015-06-01"},
    {"CHILD": "C", "DOB": "2018-01-01"},
    {"CHILD": "D", "DOB": "2008-01-01"},
    {"CHILD": "E", "DOB": "2006-01-01"},
    {"CHILD": "L1", "DOB": "2001-06-01"},  # 19th birthday 1 June 2020: in the year
    {"CHILD": "L2", "DOB": "2000-02-01"},  # 21st birthday 1 February 2021: in the year
    {"CHILD": "L3", "DOB": "2003-05-01"},  # 17th birthday in the year: not 19-21
    {"CHILD": "L4", "DOB": "1999-10-01"},  # 21st birthday 1 October 2020: in the year
]
OC2 = [
    oc2("A", "2010-01-01", teeth="1", health="0", immunised="1", score="10"),
    oc2("B", "2015-06-01", teeth="0", health="1", immunised="1", reason="SDQ2"),
    oc2("C", "2018-01-01", teeth="1", health="1", immunised="0"),
    oc2("D", "2008-01-01", teeth="1", health="1", immunised="1", score="30"),
    oc2("E", "2006-01-01", teeth="1", health="0", immunised="0", score="20"),
]
OC3 = [
    oc3("L1", "2001-06-01", "YES", "F2", "B1"),  # suitable, not NEET
    oc3("L2", "2000-02-01", "YES", "G5", "S2"),  # NEET, not suitable
    oc3("L3", "2003-05-01", "YES", "G5", "S2"),  # not in the 19-21 cohort
    oc3("L4", "1999-10-01", "NO", "0", "0"),  # in the cohort, in neither numerator
]


def test_q4_values_from_oc2_and_oc3_when_dated_extracts_absent(build):
    out = build(
        period="2020-21-Q4", extract_date=E, episodes=EPISODES, header=HEADER, oc2=OC2, oc3=OC3
    )
    # OC2 cohort: A, B, C, E (D is not CLA 1yr+) = 4
    assert out.ind("dental_checks_1yr_plus") == (3, 4)  # A, C, E
    assert out.ind("health_checks_1yr_plus") == (2, 4)  # B, C
    assert out.ind("immunisations_up_to_date_1yr_plus") == (2, 4)  # A, B
    assert out.ind("sdq_up_to_date_4_16") == (2, 3)  # aged 4-16: A, B, E; scored A, E
    assert out.ind("average_sdq_score") == (30, 2)  # (10 + 20) / 2
    assert out.value("average_sdq_score") == 15
    # OC3 cohort: L1, L2, L4 = 3
    assert out.ind("care_leavers_suitable_accommodation_19_21") == (1, 3)  # L1
    assert out.ind("care_leavers_neet_19_21") == (1, 3)  # L2
    # other quarters stay empty ("not supplied")
    assert out.ind("dental_checks_1yr_plus", "2020-21-Q3") == (None, None)
    assert out.ind("care_leavers_neet_19_21", "2020-21-Q3") == (None, None)
    sources = out.rows(
        "SELECT DISTINCT source, source_file, used FROM int_annual_return_figures "
        "WHERE period = '2020-21-Q4' ORDER BY 1"
    )
    assert sources == [("OC2", "oc2.csv", True), ("OC3", "oc3.csv", True)]


def test_dated_extract_wins_and_oc2_is_kept_for_reconciliation(build):
    out = build(
        period="2020-21-Q4",
        extract_date=E,
        episodes=EPISODES,
        header=HEADER,
        oc2=OC2,
        dental_checks=[{"CHILD": "A", "CHECK_DATE": "2021-01-10"}],
    )
    assert out.ind("dental_checks_1yr_plus") == (1, 4)  # the dated extract: A only
    assert out.ind("health_checks_1yr_plus") == (2, 4)  # no health extract: OC2
    rows = out.rows(
        "SELECT numerator, denominator, dated_supplied, used FROM int_annual_return_figures "
        "WHERE period = '2020-21-Q4' AND indicator_id = 'dental_checks_1yr_plus'"
    )
    assert rows == [(3, 4, True, False)]


def test_oc2_counts_only_for_the_q4_of_its_collection_year(build):
    # extract date 31 March 2022: the unnamed oc2.csv is the 2021-22 return (year 2022)
    out = build(
        period="2021-22-Q4",
        extract_date=date(2022, 3, 31),
        episodes=EPISODES,
        header=HEADER,
        oc2=OC2,
    )
    # on 31 March 2022 all of A-E are CLA 1yr+ (D since June 2020): dental A, C, D, E
    assert out.ind("dental_checks_1yr_plus") == (4, 5)
    assert out.ind("dental_checks_1yr_plus", "2020-21-Q4") == (None, None)
