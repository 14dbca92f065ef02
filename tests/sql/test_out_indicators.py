"""Targets and RAG in out_indicators (values and boundaries worked out by hand)."""

from tests.sql.conftest import episode


def _children() -> list[dict[str, str]]:
    eps = []
    # LT1..LT16: looked after since 1 Jan 2017, aged 10; LT16 moved on 1 Jan 2019.
    # long_term_stability = 15/16 = 93.75% (displayed 93.8) in 2019-20-Q2 .. 2020-21-Q1
    for i in range(1, 16):
        eps.append(episode(f"LT{i}", "2017-01-01"))
    eps.append(episode("LT16", "2017-01-01", "2019-01-01"))
    eps.append(episode("LT16", "2019-01-01", rne="P"))
    # MV1..MV16: start 1 Apr 2020; MV1..MV15 move on 1 May and 1 Jun -> 3 placements.
    # 2020-21-Q1 placement_stability_3plus = 15 / 32 = 46.875% (displayed 46.9)
    for i in range(1, 17):
        if i < 16:
            eps.append(episode(f"MV{i}", "2020-04-01", "2020-05-01"))
            eps.append(episode(f"MV{i}", "2020-05-01", "2020-06-01", rne="P"))
            eps.append(episode(f"MV{i}", "2020-06-01", rne="P"))
        else:
            eps.append(episode(f"MV{i}", "2020-04-01"))
    return eps


TARGETS = [
    # quarter-specific row beats the blank-quarter row (99 would be red)
    ("long_term_stability", "2020-21", "", "99", "high"),
    ("long_term_stability", "2020-21", "1", "93.8", "high"),  # 93.8 >= 93.8 -> green
    ("long_term_stability", "2019-20", "4", "98.8", "high"),  # 93.8 >= 98.8 - 5 -> amber
    ("long_term_stability", "2019-20", "3", "98.9", "high"),  # 93.8 < 93.9 -> red
    # 2019-20-Q2: no target -> no RAG
    # targets.csv says high, the catalogue says low: low is used (reference-data error).
    # displayed 46.9 > 46.875 -> not green; 46.9 <= 46.875 + 5 -> amber
    # (the raw 46.875 would have been green)
    ("placement_stability_3plus", "2020-21", "1", "46.875", "high"),
]


def test_rag_on_displayed_value(build):
    out = build(
        episodes=_children(),
        reference={
            "targets": [
                dict(zip(("indicator_id", "year", "quarter", "target", "polarity"), t, strict=True))
                for t in TARGETS
            ],
            "rag": [{"indicator_id": "cla_rate_per_10k", "amber_tolerance": "2"}],
        },
    )
    rows = {
        (r[0], r[1]): r[2:]
        for r in out.rows(
            "SELECT indicator_id, period, value, displayed_value, target, rag FROM out_indicators"
        )
    }
    assert rows[("long_term_stability", "2020-21-Q1")] == (93.75, 93.8, 93.8, "green")
    assert rows[("long_term_stability", "2019-20-Q4")] == (93.75, 93.8, 98.8, "amber")
    assert rows[("long_term_stability", "2019-20-Q3")] == (93.75, 93.8, 98.9, "red")
    assert rows[("long_term_stability", "2019-20-Q2")] == (93.75, 93.8, None, None)
    assert rows[("placement_stability_3plus", "2020-21-Q1")] == (46.875, 46.9, 46.875, "amber")
    # the disagreeing polarity is reported
    errors = out.rows("SELECT rule, indicator_id, year FROM out_ref_errors")
    assert errors == [("targets.polarity_disagrees", "placement_stability_3plus", "2020-21")]


def test_no_value_no_rag(build):
    # nobody looked after in 2020-21-Q1 -> placement_stability_3plus has no value
    out = build(
        episodes=[episode("A", "2015-01-01", "2016-01-01")],
        reference={
            "targets": [
                {
                    "indicator_id": "placement_stability_3plus",
                    "year": "2020-21",
                    "quarter": "",
                    "target": "10",
                    "polarity": "low",
                }
            ]
        },
    )
    row = out.rows(
        "SELECT value, target, rag FROM out_indicators "
        "WHERE indicator_id = 'placement_stability_3plus' AND period = '2020-21-Q1'"
    )
    assert row == [(None, 10.0, None)]


def test_round_half_away_from_zero(build):
    out = build(episodes=[episode("A", "2019-01-01")])
    got = out.rows(
        "SELECT round_half_away(94.95::DOUBLE, 1), round_half_away(93.75::DOUBLE, 1), "
        "round_half_away(0.15::DOUBLE, 1), round_half_away(-2.25::DOUBLE, 1), "
        "round_half_away(94.94999::DOUBLE, 1)"
    )
    # 94.95 -> 95.0, 93.75 -> 93.8 (not banker's 93.7), 0.15 -> 0.2 (its binary value is
    # 0.1499...), -2.25 -> -2.3 (away from zero), 94.94999 -> 94.9
    assert got == [(95.0, 93.8, 0.2, -2.3, 94.9)]
