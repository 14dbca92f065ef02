"""The four walking-skeleton indicators: cla_count, cla_rate_per_10k, placement stability."""

from tests.sql.conftest import episode

# 2020-21-Q1: S = 2020-04-01, E = 2020-06-30.


def test_cla_count_boundaries_and_short_breaks(build):
    out = build(
        episodes=[
            episode("A", "2020-06-30"),  # started on E -> looked after on E
            episode("B", "2019-01-01", "2020-06-30"),  # left on E -> not looked after on E
            episode("C", "2019-01-01", ls="V3"),  # short break -> never counted
            episode("D", "2020-07-01"),  # starts after E
            episode("E", "2018-01-01"),  # open since 2018 -> counted
        ]
    )
    assert out.ind("cla_count") == (2, None)  # A and E
    assert out.value("cla_count") == 2
    # previous quarter (E = 2020-03-31): B and E (A not yet started)
    assert out.ind("cla_count", "2019-20-Q4") == (2, None)


def test_cla_rate_uses_latest_population_on_or_before_e(build):
    population = [
        {"from_date": "2019-06-30", "population_under_18": "10000"},
        {"from_date": "2020-06-30", "population_under_18": "20000"},  # from_date = E: used
        {"from_date": "2020-07-01", "population_under_18": "40000"},  # after E: not yet
    ]
    out = build(
        episodes=[episode("A", "2019-01-01"), episode("B", "2020-01-01")],
        reference={"population": population},
    )
    # 2 children / 20,000 x 10,000 = 1.0
    assert out.ind("cla_rate_per_10k") == (2, 20000)
    assert out.value("cla_rate_per_10k") == 1.0
    # 2019-20-Q4 (E = 2020-03-31): population row 2019-06-30 -> 2 / 10,000 x 10,000 = 2.0
    assert out.value("cla_rate_per_10k", "2019-20-Q4") == 2.0


def _stability_children() -> list[dict[str, str]]:
    return [
        # A: two periods of care in the year: placements 10 Apr (S), 2 May (P), left 1 Jun;
        #    back 20 Jun (S) -> 3 placements overlapping YTD; looked after on E
        episode("A", "2020-04-10", "2020-05-02"),
        episode("A", "2020-05-02", "2020-06-01", rne="P", rec="E8"),
        episode("A", "2020-06-20"),
        # B: one placement since 2018, legal status change 5 May (RNE L) -> 1 placement
        episode("B", "2018-01-01", "2020-05-05"),
        episode("B", "2020-05-05", rne="L", ls="C1"),
        # C: moved on S (placement 1 ended 1 Apr: not in the year), moved again 1 May
        #    -> 2 placements in the year
        episode("C", "2019-01-01", "2020-04-01"),
        episode("C", "2020-04-01", "2020-05-01", rne="P"),
        episode("C", "2020-05-01", rne="P"),
        # D: a short break (V3) between two stays is removed first: 5 Apr-20 Apr, then from
        #    25 Apr -> two periods, 2 placements (3 if the short break were kept)
        episode("D", "2020-04-05", "2020-04-20", rec="E8"),
        episode("D", "2020-04-20", "2020-04-25", rne="P", ls="V3", rec="E8"),
        episode("D", "2020-04-25", rne="P"),
        # E: placement type changes with the same carers (T, then U) -> 1 placement
        episode("E", "2020-04-02", "2020-05-01"),
        episode("E", "2020-05-01", "2020-06-01", rne="T", place="U1"),
        episode("E", "2020-06-01", rne="U", ls="C1", place="U1"),
        # F: left care on S (not looked after in the year), back on E -> 1 placement
        episode("F", "2019-01-01", "2020-04-01", rec="E8"),
        episode("F", "2020-06-30"),
        # G: left care during the quarter -> not in the cohort despite 3 placements
        episode("G", "2020-04-01", "2020-04-10"),
        episode("G", "2020-04-10", "2020-04-20", rne="P"),
        episode("G", "2020-04-20", "2020-06-01", rne="P", rec="E8"),
    ]


def test_placement_stability(build):
    out = build(episodes=_stability_children())
    # cohort on E: A, B, C, D, E, F = 6; 3+: A; exactly 2: C, D
    assert out.ind("cla_count") == (6, None)
    assert out.ind("placement_stability_3plus") == (1, 6)
    assert out.value("placement_stability_3plus") == 100 / 6
    assert out.ind("placement_stability_2_placements") == (2, None)


def test_periods_of_care_chaining(build):
    out = build(episodes=_stability_children())
    periods = dict(out.rows("SELECT child, count(*) FROM int_periods_of_care GROUP BY child"))
    # A: gap 1 Jun -> 20 Jun = 2 periods; B chained by DEC = DECOM; D: short break removed
    # leaves a gap 20 Apr -> 25 Apr = 2 periods; F: 2019 period and the one starting on E
    assert periods == {"A": 2, "B": 1, "C": 1, "D": 2, "E": 1, "F": 2, "G": 1, "FILLER": 1}
    placements = dict(out.rows("SELECT child, count(*) FROM int_placements GROUP BY child"))
    assert placements == {"A": 3, "B": 1, "C": 3, "D": 2, "E": 1, "F": 2, "G": 3, "FILLER": 1}


def test_empty_cohort_gives_no_percentage(build):
    out = build(episodes=[episode("A", "2015-01-01", "2016-01-01")])
    assert out.ind("placement_stability_3plus") == (0, 0)
    assert out.value("placement_stability_3plus") is None
    assert out.ind("cla_count") == (0, None)
