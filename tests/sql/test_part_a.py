"""Part A indicators and published counts on hand-built fixtures (values worked out by hand).

2020-21-Q1 unless said: S = 2020-04-01, E = 2020-06-30, E - 12 months = 2019-06-30,
E - 24 months = 2018-06-30, E - 30 months = 2017-12-30, E - 28 days = 2020-06-02.
"""

import math

from tests.sql.conftest import episode


def review(child: str, day: str) -> dict[str, str]:
    return {"CHILD": child, "REVIEW": day, "REVIEW_CODE": ""}


def test_review_timeliness_chain(build):
    out = build(
        episodes=[
            episode("R1", "2020-04-01"),
            episode("R2", "2020-04-01"),
            episode("R3", "2020-06-02"),
            episode("R4", "2019-10-01"),
            episode("R5", "2019-10-01"),
            episode("R6", "2020-03-02"),
            episode("R8", "2019-01-01"),
            episode("R10", "2020-06-03"),
        ],
        reviews=[
            # R1: start Wed 1 Apr 2020; 20 working days skipping Good Friday 10 Apr and Easter
            #     Monday 13 Apr -> due Fri 1 May; held 1 May = on time; next due 1 Aug > E
            review("R1", "2020-05-01"),
            # R2: same start, held Mon 4 May -> late (would be due 29 Apr without bank hols)
            review("R2", "2020-05-04"),
            # R3: start 2 Jun; 20th working day after is 30 Jun = E -> in the cohort; no
            #     review yet and due on E itself -> not overdue -> on time
            # R4: start 1 Oct 2019, 1st due 29 Oct, held 20 Oct; 2nd due 20 Jan 2020 held
            #     1 Feb (late, but before S: does not count); 3rd due 1 Aug 2020 -> on time
            review("R4", "2019-10-20"),
            review("R4", "2020-02-01"),
            # R5: 1st held 20 Oct 2019, 2nd due 20 Jan 2020 never held -> overdue on E
            review("R5", "2019-10-20"),
            # R6: start Mon 2 Mar 2020, 1st due 30 Mar, held 30 Mar (on the due day: not late);
            #     2nd due 30 Jun = E -> not overdue yet -> on time
            review("R6", "2020-03-30"),
            # R8: start 1 Jan 2019 (bank holiday), 1st due 29 Jan held 20 Jan; 2nd due
            #     20 Apr 2019 held 20 Apr; 3rd due 20 Oct held 20 Oct; 4th due 20 Apr 2020 held
            #     25 Apr -> late in YTD
            review("R8", "2019-01-20"),
            review("R8", "2019-04-20"),
            review("R8", "2019-10-20"),
            review("R8", "2020-04-25"),
            # R10: start 3 Jun -> first review due 1 Jul > E -> not in the cohort
        ],
    )
    # cohort R1 R2 R3 R4 R5 R6 R8 = 7; on time R1 R3 R4 R6 = 4
    assert out.ind("review_timeliness") == (4, 7)


def test_review_due_date_counts_bank_holidays(build):
    out = build(episodes=[episode("R1", "2020-04-01")])
    due = out.rows("SELECT first_review_due FROM int_periods_of_care WHERE child = 'R1'")
    assert str(due[0][0]) == "2020-05-01"


def test_long_term_stability(build):
    out = build(
        header=[
            {"CHILD": "L7", "DOB": "2004-06-30"},  # 16 on E (birthday on E) -> excluded
            {"CHILD": "L8", "DOB": "2004-07-01"},  # 15 on E -> included
        ],
        episodes=[
            episode("L1", "2017-12-30"),  # looked after exactly 30 months, same placement
            episode("L2", "2017-12-31"),  # one day short of 30 months -> not in cohort
            # L3 moved exactly 24 months before E -> stable
            episode("L3", "2017-01-01", "2018-06-30"),
            episode("L3", "2018-06-30", rne="P"),
            # L4 moved one day later -> not stable
            episode("L4", "2017-01-01", "2018-07-01"),
            episode("L4", "2018-07-01", rne="P"),
            # L5 placed for adoption with new carers (P, A5); previous placement from
            #    1 Jun 2018 <= E - 24 months -> stable by the adoption rule
            episode("L5", "2017-01-01", "2018-06-01"),
            episode("L5", "2018-06-01", "2020-05-01", rne="P"),
            episode("L5", "2020-05-01", rne="P", place="A5", ls="E1"),
            # L6 same but previous placement from 1 Jan 2019 -> not stable
            episode("L6", "2017-01-01", "2019-01-01"),
            episode("L6", "2019-01-01", "2020-05-01", rne="P"),
            episode("L6", "2020-05-01", rne="P", place="A5", ls="E1"),
            episode("L7", "2015-01-01"),
            episode("L8", "2015-01-01"),
            # L9 legal status change (RNE L) continues the 2017 placement -> stable
            episode("L9", "2017-01-01", "2020-01-01"),
            episode("L9", "2020-01-01", rne="L", ls="C1"),
            # L10 foster carers become adopters (RNE T, A3): same placement -> stable
            episode("L10", "2017-01-01", "2020-05-01"),
            episode("L10", "2020-05-01", rne="T", place="A3", ls="E1"),
        ],
    )
    # cohort L1 L3 L4 L5 L6 L8 L9 L10 = 8; stable L1 L3 L5 L8 L9 L10 = 6
    assert out.ind("long_term_stability") == (6, 8)
    assert out.value("long_term_stability") == 75.0


def contact(child, dob, day, in_touch="YES", accom="B1", activ="F1"):
    return {
        "CHILD": child,
        "DOB": dob,
        "CONTACT_DATE": day,
        "IN_TOUCH": in_touch,
        "ACCOM": accom,
        "ACTIV": activ,
    }


def test_care_leavers_birthday_window(build):
    out = build(
        episodes=[episode("A", "2019-01-01")],
        care_leavers=[
            # CL1: 19 on S (1 Apr 2020); contact exactly birthday - 3 months, suitable + NEET
            contact("CL1", "2001-04-01", "2020-01-01", activ="G4"),
            # CL2: 19 on 31 Mar 2020, before S -> not in the cohort
            contact("CL2", "2001-03-31", "2020-03-31"),
            # CL3: 21 on E; contact a day before the window (30 Mar) and one after E
            #      -> not recorded
            contact("CL3", "1999-06-30", "2020-03-29"),
            contact("CL3", "1999-06-30", "2020-07-15"),
            # CL4: 20 on 15 May; contact exactly birthday + 1 month (not suitable, not NEET)
            #      is the latest in the window; the 14 Feb contact is outside it
            contact("CL4", "2000-05-15", "2020-06-15", accom="D2"),
            contact("CL4", "2000-05-15", "2020-02-14"),
            # CL6: not in touch -> denominator only
            contact("CL6", "2001-05-01", "2020-05-01", in_touch="NO", accom="0", activ="0"),
            # CL7: no contact at all -> not recorded
            contact("CL7", "2001-06-01", ""),
        ],
    )
    # cohort CL1 CL3 CL4 CL6 CL7 = 5; suitable CL1; NEET CL1
    assert out.ind("care_leavers_suitable_accommodation_19_21") == (1, 5)
    assert out.ind("care_leavers_neet_19_21") == (1, 5)


def test_care_leavers_29_february_birthday(build):
    # DOB 29 Feb 2000: 21st birthday 28 Feb 2021 -> window [28 Nov 2020, 28 Mar 2021]
    out = build(
        period="2020-21-Q4",
        episodes=[episode("A", "2019-01-01")],
        care_leavers=[
            contact("CL5", "2000-02-29", "2021-03-28"),  # last day of the window -> suitable
            contact("CL8", "2000-02-29", "2021-03-29"),  # a day after -> not recorded
            contact("CL9", "2000-02-29", "2020-11-28"),  # first day of the window -> suitable
        ],
    )
    assert out.ind("care_leavers_suitable_accommodation_19_21") == (2, 3)
    assert out.ind("care_leavers_neet_19_21") == (0, 3)


def test_health_indicators(build):
    out = build(
        header=[
            {"CHILD": "H1", "DOB": "2016-06-30"},  # 4 on E
            {"CHILD": "H2", "DOB": "2010-01-01"},  # 10
            {"CHILD": "H3", "DOB": "2003-07-01"},  # 16 on E (17 the day after)
            {"CHILD": "H4", "DOB": "2003-06-30"},  # 17 on E
        ],
        episodes=[
            episode("H1", "2019-06-30"),  # exactly 12 months -> CLA 1yr+
            episode("H2", "2019-07-01"),  # not 1yr+
            episode("H3", "2015-01-01"),
            episode("H4", "2015-01-01"),
        ],
        dental_checks=[
            {"CHILD": "H1", "CHECK_DATE": "2019-06-30"},  # E - 12 months: outside
            {"CHILD": "H3", "CHECK_DATE": "2019-07-01"},  # first day of the rolling year
        ],
        health_assessments=[
            {
                "CHILD": "H1",
                "ASSESSMENT_TYPE": "RHA",
                "DUE_DATE": "2020-06-30",
                "COMPLETED_DATE": "2020-06-30",
                "CONSENT_REFUSED": "N",
            },
            {
                "CHILD": "H3",
                "ASSESSMENT_TYPE": "RHA",
                "DUE_DATE": "2020-01-01",
                "COMPLETED_DATE": "",
                "CONSENT_REFUSED": "Y",
            },  # refused: stays in denominator
            {
                "CHILD": "H4",
                "ASSESSMENT_TYPE": "RHA",
                "DUE_DATE": "2019-06-30",
                "COMPLETED_DATE": "2019-06-30",
                "CONSENT_REFUSED": "N",
            },  # outside the year
        ],
        immunisations=[
            {"CHILD": "H1", "RECORD_DATE": "2019-01-01", "UP_TO_DATE": "Y"},
            {"CHILD": "H1", "RECORD_DATE": "2020-07-01", "UP_TO_DATE": "N"},  # after E
            {"CHILD": "H3", "RECORD_DATE": "2018-01-01", "UP_TO_DATE": "Y"},
            {"CHILD": "H3", "RECORD_DATE": "2020-01-01", "UP_TO_DATE": "N"},  # latest: N
        ],
        sdq=[
            {"CHILD": "H1", "SDQ_DATE": "2019-06-30", "SDQ_SCORE": "30"},  # outside
            {"CHILD": "H1", "SDQ_DATE": "2020-06-30", "SDQ_SCORE": "10"},
            {"CHILD": "H3", "SDQ_DATE": "2019-07-01", "SDQ_SCORE": "20"},
            {"CHILD": "H3", "SDQ_DATE": "2020-01-01", "SDQ_SCORE": "14"},  # latest
            {"CHILD": "H4", "SDQ_DATE": "2020-01-01", "SDQ_SCORE": "5"},  # aged 17
        ],
    )
    # CLA 1yr+ cohort: H1 H3 H4
    assert out.ind("cla_1yr_plus_count") == (3, None)
    assert out.ind("dental_checks_1yr_plus") == (1, 3)  # H3
    assert out.ind("health_checks_1yr_plus") == (1, 3)  # H1
    assert out.ind("immunisations_up_to_date_1yr_plus") == (1, 3)  # H1
    # aged 4-16 on E: H1 H2 H3; SDQ in the year: H1 (10), H3 (14)
    assert out.ind("sdq_up_to_date_4_16") == (2, 3)
    assert out.ind("average_sdq_score") == (24, 2)
    assert out.value("average_sdq_score") == 12.0


def test_health_indicators_empty_without_extracts(build):
    out = build(episodes=[episode("A", "2015-01-01")])
    for indicator in (
        "dental_checks_1yr_plus",
        "health_checks_1yr_plus",
        "immunisations_up_to_date_1yr_plus",
        "sdq_up_to_date_4_16",
        "average_sdq_score",
        "iha_within_28_days_ytd",
        "care_leavers_neet_19_21",
    ):
        assert out.value(indicator) is None, indicator
        assert out.ind(indicator) == (None, None), indicator


def iha(child: str, completed: str) -> dict[str, str]:
    return {
        "CHILD": child,
        "ASSESSMENT_TYPE": "IHA",
        "DUE_DATE": completed,
        "COMPLETED_DATE": completed,
        "CONSENT_REFUSED": "N",
    }


def test_iha_within_28_days(build):
    out = build(
        episodes=[
            episode("I1", "2020-04-01"),  # IHA on start + 28 days -> yes
            episode("I2", "2020-04-01"),  # IHA on start + 29 days -> no
            episode("I3", "2020-06-02"),  # started E - 28 days -> in cohort, no IHA
            episode("I4", "2020-06-03"),  # started after E - 28 days -> not in cohort
            episode("I5", "2020-04-10", "2020-05-08"),  # ended on start + 28 -> excluded
            episode("I6", "2020-04-10", "2020-05-09"),  # ended a day later -> included
            episode("I7", "2020-03-31"),  # started before S
        ],
        health_assessments=[
            iha("I1", "2020-04-29"),
            iha("I2", "2020-04-30"),
            iha("I6", "2020-04-10"),  # on the start day
            iha("I7", "2020-04-01"),
        ],
    )
    # cohort I1 I2 I3 I6 = 4; within 28 days I1 I6
    assert out.ind("iha_within_28_days_ytd") == (2, 4)


def test_missing_and_away(build):
    out = build(
        episodes=[
            episode("M1", "2019-01-01", "2020-04-01"),  # left on S: not in the year
            episode("M2", "2019-01-01", "2020-04-02"),
            episode("M3", "2019-01-01"),
            episode("M4", "2020-06-30"),  # started on E
            episode("M5", "2020-07-01"),
        ],
        missing=[
            {"CHILD": "M1", "MISSING": "M", "MIS_START": "2020-04-01", "MIS_END": "2020-04-01"},
            {"CHILD": "M2", "MISSING": "M", "MIS_START": "2020-04-01", "MIS_END": "2020-04-02"},
            {"CHILD": "M3", "MISSING": "A", "MIS_START": "2020-06-30", "MIS_END": ""},
            {"CHILD": "M3", "MISSING": "M", "MIS_START": "2020-03-31", "MIS_END": "2020-04-01"},
            {"CHILD": "M5", "MISSING": "M", "MIS_START": "2020-07-02", "MIS_END": "2020-07-03"},
        ],
    )
    # cohort M2 M3 M4 = 3; missing M2 (on S); away M3 (on E)
    assert out.ind("missing_episode_pct") == (1, 3)
    assert out.ind("away_without_authorisation_pct") == (1, 3)


def test_ceased_adopted_sgo_and_starters(build):
    out = build(
        episodes=[
            # C1 ceased twice: E4A on 10 Apr, then adopted 20 Jun -> counted once, adopted
            episode("C1", "2019-01-01", "2020-04-10", rec="E4A"),
            episode("C1", "2020-05-01", "2020-06-20", rec="E11"),
            episode("C2", "2019-01-01", "2020-04-01", rec="E45"),  # SGO, left on S
            episode("C3", "2019-01-01", "2020-03-31", rec="E11"),  # before S
            episode("C4", "2019-01-01", "2020-06-30", rec="E12"),  # adopted on E
            # C5: adopted (E11) 15 Apr, back 1 May, left 10 Jun E8 -> latest ending not adopted
            episode("C5", "2019-01-01", "2020-04-15", rec="E11"),
            episode("C5", "2020-05-01", "2020-06-10", rec="E8"),
            episode("C6", "2019-01-01", "2020-07-01", rec="E11"),  # after E
            # C7: X1 then E13 -> one ending
            episode("C7", "2019-01-01", "2020-05-01", rec="X1"),
            episode("C7", "2020-05-01", "2020-06-01", rne="L", rec="E13"),
            episode("C8", "2020-04-01"),  # starts on S
            episode("C9", "2020-06-30"),  # starts on E
        ],
    )
    # ceased C1 C2 C4 C5 C7 = 5; adopted C1 C4; SGO C2
    assert out.ind("ceased_adopted_pct") == (2, 5)
    assert out.ind("ceased_ytd") == (5, None)
    assert out.ind("adopted_ytd") == (2, None)
    assert out.ind("sgo_ytd") == (1, None)
    # periods starting in YTD: C1 (1 May), C5 (1 May), C8, C9
    assert out.ind("starters_ytd") == (4, None)


POSTCODES = [
    # same longitude: 1 degree of latitude = 2 * pi * 3958.8 / 360 = 69.094 miles
    {"postcode_sector": "AB1 1", "latitude": "52.0", "longitude": "-1.0"},
    {"postcode_sector": "AB1 2", "latitude": "52.25", "longitude": "-1.0"},  # 17.27 mi
    {"postcode_sector": "AB1 3", "latitude": "52.30", "longitude": "-1.0"},  # 20.73 mi
    {"postcode_sector": "AB1 4", "latitude": "52.72", "longitude": "-1.0"},  # 49.75 mi
    {"postcode_sector": "AB1 5", "latitude": "52.73", "longitude": "-1.0"},  # 50.44 mi
]


def test_placed_20_and_50_miles(build):
    def placed(child, pl, home="AB1 1XY", place="U4", **kw):
        return episode(child, "2019-01-01", home=home, pl=pl, place=place, **kw)

    out = build(
        episodes=[
            placed("D1", "AB12AB", home="ab1  1xy"),  # normalised: AB1 1 -> AB1 2, 17.3 mi
            placed("D2", "AB1 3ZZ"),  # 20.7 mi
            placed("D3", "AB1 5ZZ"),  # 50.4 mi
            placed("D4", "AB1 4ZZ"),  # 49.7 mi
            placed("D5", "AB1 5ZZ", place="P1"),  # placed with parents: excluded
            placed("D6", "AB1 5ZZ", place="A4", ls="E1"),  # placed for adoption: excluded
            placed("D7", "AB1 5ZZ"),  # UASC on E: excluded
            placed("D8", "AB1 3ZZ"),  # UASC ceased on E: included, 20.7 mi
            placed("D9", "AB1 3ZZ", home="AB12"),  # home sector unknown: excluded
            placed("D10", "ZZ9 9ZZ"),  # sector not in postcodes.csv: excluded
            placed("D11", "AB1 3ZZ", home=""),  # home blank: excluded
            # D12: earlier placement 50 mi away; the episode open on E is 17 mi away
            episode("D12", "2019-01-01", "2020-05-01", home="AB1 1", pl="AB1 5"),
            episode("D12", "2020-05-01", rne="P", home="AB1 1", pl="AB1 2"),
        ],
        uasc=[
            {"CHILD": "D7", "SEX": "1", "DOB": "2010-01-01", "DUC": ""},
            {"CHILD": "D8", "SEX": "1", "DOB": "2010-01-01", "DUC": "2020-06-30"},
        ],
        reference={"postcodes": POSTCODES},
    )
    # cohort D1 D2 D3 D4 D8 D12 = 6; > 20 miles D2 D3 D4 D8; > 50 miles D3
    assert out.ind("placed_20_miles") == (4, 6)
    assert out.ind("placed_50_miles") == (1, 6)
    assert out.ind("uasc_count") == (1, None)  # D7
    # the SQL distance agrees with an independent haversine
    sql_miles = out.rows("SELECT distance_miles FROM int_episode_distances WHERE child = 'D2'")[0][
        0
    ]
    lat1, lat2 = math.radians(52.0), math.radians(52.30)
    a = math.sin((lat2 - lat1) / 2) ** 2
    assert math.isclose(sql_miles, 2 * 3958.8 * math.asin(math.sqrt(a)), rel_tol=1e-12)
