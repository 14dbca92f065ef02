"""The rule registry: every rule well-formed, ids unique, and the spec's rules all present."""

from datetime import date

import pytest

from transforms.rules import parse_rule, sql_rules
from transforms.rules.generated import all_rules

SPEC_RULES = {
    "episodes.dec_before_decom": "row",
    "episodes.dec_equals_decom": "row",
    "episodes.dob_after_decom": "row",
    "episodes.overlap": "row",
    "episodes.child_history_incomplete": "row",
    "episodes.rec_missing": "row",
    "episodes.rec_on_open_episode": "row",
    "episodes.x1_not_followed": "warning",
    "episodes.rne_s_mismatch": "warning",
    "episodes.unknown_postcode_sector": "warning",
    "episodes.child_not_in_header": "row",
    "episodes.future_date": "row",
    "missing.end_before_start": "row",
    "reviews.dob_after_review": "row",
    "care_leavers.dob_inconsistent": "row",
    "care_leavers.no_contact": "warning",
    "sdq.child_not_in_header": "warning",
    "oc2.child_not_in_header": "row",
    "oc3.child_not_in_header": "row",
    "prev_perm.child_not_in_header": "row",
    "sw_episodes.child_not_in_header": "row",
    "dolo.child_not_in_header": "row",
    "sw_episodes.dec_before_decom": "row",
    "dolo.end_before_start": "row",
    "dolo.dob_after_dolo_start": "row",
}


def test_rule_ids_unique_and_spec_rules_present():
    rules = all_rules(date(2024, 3, 31))
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    severities = {r.id: r.severity for r in rules}
    for rule, severity in SPEC_RULES.items():
        assert severities[rule] == severity, rule


def test_dfe_rules_are_warnings_with_their_code():
    dfe = [r for r in sql_rules() if r.dfe]
    assert {r.id for r in dfe} >= {
        "1003",
        "440",
        "441",
        "445",
        "446",
        "217",
        "226",
        "232",
        "550",
        "INT21",
        "1012",
        # the rest of the 903 export (oc2, oc3, prev_perm, sw_episodes, dolo)
        *("197a", "182", "158", "159", "192", "193", "188", "189", "542", "546", "INT14"),
        *("153", "345", "391", "INT15", "635", "632", "INT16", "705", "710"),
        *("SW02STG1", "SW08STG2", "SW09STG2", "SW10STG2", "SW15STG2"),
    }
    assert all(r.severity == "warning" and r.id == r.dfe for r in dfe)


def test_parse_rule_requires_metadata():
    rule = parse_rule("-- id: t.x\n-- severity: warning\n-- message: m\nSELECT 1;\n")
    assert (rule.id, rule.severity, rule.stage, rule.sql) == ("t.x", "warning", "rows", "SELECT 1")
    with pytest.raises(ValueError, match="lacks severity"):
        parse_rule("-- id: t.x\n-- message: m\nSELECT 1")
    with pytest.raises(ValueError, match="bad severity"):
        parse_rule("-- id: t.x\n-- severity: fatal\n-- message: m\nSELECT 1")
