"""The rest of a council's 903 export, derived from the demo set already written (so it is
consistent with the history): OC2 and OC3 (one file per collection year, the last three
complete years), previous permanence, social-worker episodes (2023-24 on) and DoLo (2026-27
on). Pseudo-random choices hash the child id with the seed, so the output is deterministic.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

OC_YEARS = 3  # collection years of OC2/OC3 written (the latest complete ones)
SW_FROM = date(2023, 4, 1)  # social-worker episodes are collected from 2023-24
DOLO_FROM = date(2026, 4, 1)  # DoLo from 2026-27


def _read(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> None:
    con.execute(
        f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{out / table}.csv', "
        "all_varchar = true, header = true)"
    )


PERIODS_SQL = """
CREATE OR REPLACE TABLE eps AS
SELECT CHILD, strptime(DECOM, '%d/%m/%Y')::DATE AS decom,
       strptime(DEC, '%d/%m/%Y')::DATE AS dec, LS, PLACE
FROM episodes WHERE LS NOT IN ('V3', 'V4');
CREATE OR REPLACE TABLE periods AS
WITH marked AS (
    SELECT *, CASE WHEN decom = lag(dec) OVER (PARTITION BY CHILD ORDER BY decom)
                   THEN 0 ELSE 1 END AS new_period
    FROM eps
), numbered AS (
    SELECT *, sum(new_period) OVER (PARTITION BY CHILD ORDER BY decom) AS period_no FROM marked
)
SELECT CHILD, period_no, min(decom) AS start,
       CASE WHEN count(*) = count(dec) THEN max(dec) END AS "end"
FROM numbered GROUP BY CHILD, period_no;
CREATE OR REPLACE TABLE people AS
SELECT CHILD, strptime(DOB, '%d/%m/%Y')::DATE AS dob, DOB AS dob_text FROM header;
"""


def _rand(seed: int, salt: str) -> str:
    """A pseudo-random fraction in [0, 1) per child (and salt), deterministic."""
    return f"(hash(CHILD || '{salt}{seed}') % 1000000) / 1000000.0"


def _write(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> int:
    con.execute(f"CREATE OR REPLACE TEMP TABLE _out AS {sql}")
    n = con.execute("SELECT count(*) FROM _out").fetchone()[0]
    if n:
        con.execute(f"COPY (SELECT * FROM _out) TO '{path}' (HEADER, DELIMITER ',')")
    return n


def oc2_sql(year: int, seed: int) -> str:
    end, start = date(year, 3, 31), date(year - 1, 4, 1)
    age = (
        f"(date_diff('year', p.dob, DATE '{end}') - CASE WHEN p.dob + to_years("
        f"date_diff('year', p.dob, DATE '{end}')::INTEGER) > DATE '{end}' THEN 1 ELSE 0 END)"
    )
    return f"""
    WITH cohort AS (
        SELECT DISTINCT pe.CHILD, p.dob_text, {age} AS age
        FROM periods pe JOIN people p USING (CHILD)
        WHERE pe.start <= DATE '{date(year - 1, 3, 31)}'
          AND (pe."end" IS NULL OR pe."end" > DATE '{end}')
    ), dental AS (
        SELECT DISTINCT CHILD FROM dental_checks
        WHERE strptime(CHECK_DATE, '%d/%m/%Y')::DATE BETWEEN DATE '{start}' AND DATE '{end}'
    ), assessed AS (
        SELECT DISTINCT CHILD FROM health_assessments
        WHERE strptime(COMPLETED_DATE, '%d/%m/%Y')::DATE BETWEEN DATE '{start}' AND DATE '{end}'
    ), immunised AS (
        SELECT CHILD, arg_max(UP_TO_DATE, strptime(RECORD_DATE, '%d/%m/%Y')) AS up_to_date
        FROM immunisations WHERE strptime(RECORD_DATE, '%d/%m/%Y')::DATE <= DATE '{end}'
        GROUP BY CHILD
    ), scored AS (
        SELECT CHILD, arg_max(SDQ_SCORE, strptime(SDQ_DATE, '%d/%m/%Y')) AS score FROM sdq
        WHERE strptime(SDQ_DATE, '%d/%m/%Y')::DATE BETWEEN DATE '{start}' AND DATE '{end}'
        GROUP BY CHILD
    )
    SELECT c.CHILD, c.dob_text AS DOB,
        CASE WHEN c.age BETWEEN 4 AND 16 THEN s.score END AS SDQ_SCORE,
        CASE WHEN c.age BETWEEN 4 AND 16 AND s.score IS NULL
             THEN CASE WHEN {_rand(seed, "sdq")} < 0.5 THEN 'SDQ2' ELSE 'SDQ5' END END
            AS SDQ_REASON,
        CASE WHEN c.age >= 10 THEN '0' END AS CONVICTED,
        CASE WHEN c.age < 5 THEN CASE WHEN a.CHILD IS NULL THEN '0' ELSE '1' END END
            AS HEALTH_CHECK,
        CASE WHEN i.up_to_date = 'Y' THEN '1' ELSE '0' END AS IMMUNISATIONS,
        CASE WHEN d.CHILD IS NULL THEN '0' ELSE '1' END AS TEETH_CHECK,
        CASE WHEN a.CHILD IS NULL THEN '0' ELSE '1' END AS HEALTH_ASSESSMENT,
        '0' AS SUBSTANCE_MISUSE,
        NULL AS INTERVENTION_RECEIVED,
        NULL AS INTERVENTION_OFFERED
    FROM cohort c
    LEFT JOIN dental d USING (CHILD) LEFT JOIN assessed a USING (CHILD)
    LEFT JOIN immunised i USING (CHILD) LEFT JOIN scored s USING (CHILD)
    ORDER BY c.CHILD
    """


def oc3_sql(year: int) -> str:
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    return f"""
    WITH leavers AS (
        SELECT DISTINCT l.CHILD, l.DOB AS dob_text, strptime(l.DOB, '%d/%m/%Y')::DATE AS born
        FROM care_leavers l SEMI JOIN header h USING (CHILD)
    ), cohort AS (
        SELECT leavers.*, (born + to_years(a))::DATE AS birthday
        FROM leavers, (VALUES (19), (20), (21)) AS ages(a)
        WHERE (born + to_years(a))::DATE BETWEEN DATE '{start}' AND DATE '{end}'
    ), status AS (
        SELECT c.CHILD, arg_max(l.IN_TOUCH, strptime(l.CONTACT_DATE, '%d/%m/%Y')) AS in_touch,
            arg_max(l.ACTIV, strptime(l.CONTACT_DATE, '%d/%m/%Y')) AS activ,
            arg_max(l.ACCOM, strptime(l.CONTACT_DATE, '%d/%m/%Y')) AS accom
        FROM cohort c JOIN care_leavers l USING (CHILD)
        WHERE strptime(l.CONTACT_DATE, '%d/%m/%Y')::DATE
            BETWEEN (c.birthday - INTERVAL 3 MONTH)::DATE AND (c.birthday + INTERVAL 1 MONTH)::DATE
          AND strptime(l.CONTACT_DATE, '%d/%m/%Y')::DATE <= DATE '{end}'
        GROUP BY c.CHILD
    )
    SELECT c.CHILD, c.dob_text AS DOB, coalesce(s.in_touch, 'NO') AS IN_TOUCH,
        CASE WHEN s.in_touch = 'YES' THEN s.activ ELSE '0' END AS ACTIV,
        CASE WHEN s.in_touch = 'YES' THEN s.accom ELSE '0' END AS ACCOM
    FROM cohort c LEFT JOIN status s USING (CHILD)
    ORDER BY c.CHILD
    """


def prev_perm_sql(seed: int) -> str:
    r = _rand(seed, "perm")
    return f"""
    WITH entrants AS (
        SELECT pe.CHILD, min(pe.start) AS first_start, any_value(p.dob_text) AS dob_text,
            any_value(p.dob) AS born
        FROM periods pe JOIN people p USING (CHILD)
        GROUP BY pe.CHILD HAVING min(pe.start) >= DATE '2016-04-01'
    )
    SELECT CHILD, dob_text AS DOB,
        CASE WHEN {r} < 0.04 THEN 'P1' WHEN {r} < 0.09 THEN 'P2' WHEN {r} < 0.12 THEN 'P3'
             WHEN {r} < 0.15 THEN 'P4' ELSE 'Z1' END AS PREV_PERM,
        CASE WHEN {r} < 0.12 THEN '310' END AS LA_PERM,
        CASE WHEN {r} < 0.12 AND year(first_start) > year(born) + 1
             THEN 'ZZ/ZZ/' || (year(born) + 1) END AS DATE_PERM
    FROM entrants ORDER BY CHILD
    """


def sw_sql(through: date, seed: int) -> str:
    """Social-worker episodes for every period of care overlapping 2023-24 on: a chain of
    workers, each 4-16 months, the first for the child's first contact."""
    return f"""
    WITH spans AS (
        SELECT CHILD, start, coalesce("end", DATE '{through}') AS stop, "end" IS NULL AS open
        FROM periods WHERE coalesce("end", DATE '{through}') > DATE '{SW_FROM}'
          AND start <= DATE '{through}'
    ), steps AS (
        SELECT s.*, k, (s.start + to_days(CAST(
            k * 240 + (hash(s.CHILD || s.start::VARCHAR || k::VARCHAR || '{seed}') % 90)
            AS INTEGER)))::DATE AS sw_start
        FROM spans s, range(0, 40) AS r(k)
    ), chained AS (
        SELECT *, lead(sw_start) OVER (PARTITION BY CHILD, start ORDER BY k) AS next_start
        FROM steps WHERE k = 0 OR sw_start < stop
    )
    SELECT c.CHILD, p.dob_text AS DOB,
        'SW' || lpad(CAST(1 + hash(c.CHILD || c.k::VARCHAR || '{seed}w') % 60 AS VARCHAR),
            4, '0') AS SW_ID,
        strftime(CASE WHEN c.k = 0 THEN c.start ELSE c.sw_start END, '%d/%m/%Y') AS SW_DECOM,
        strftime(CASE WHEN c.next_start IS NOT NULL AND c.next_start < c.stop THEN c.next_start
                      WHEN c.open THEN NULL ELSE c.stop END, '%d/%m/%Y') AS SW_DEC,
        CASE WHEN c.k = 0 THEN 'FCONTA'
             ELSE ['LEFTRL', 'ORGRST', 'MANAGE', 'TSPROC', 'OTHERS', 'ABSENC'][
                CAST(1 + hash(c.CHILD || c.k::VARCHAR || '{seed}r') % 6 AS BIGINT)] END AS SW_REASON
    FROM chained c JOIN people p USING (CHILD)
    WHERE c.k = 0 OR c.sw_start < c.stop
    ORDER BY c.CHILD, c.start, c.k
    """


def dolo_sql(through: date, seed: int) -> str:
    """A deprivation-of-liberty order for about 1 in 20 children in a children's home (K2) on
    or after 1 April 2026, aged 10+, within that episode."""
    return f"""
    SELECT e.CHILD, p.dob_text AS DOB,
        strftime(greatest(e.decom, DATE '{DOLO_FROM}') + 7, '%d/%m/%Y') AS DOLO_START,
        CASE WHEN e.dec IS NOT NULL THEN strftime(e.dec, '%d/%m/%Y') END AS DOLO_END
    FROM eps e JOIN people p USING (CHILD)
    WHERE e.PLACE = 'K2' AND coalesce(e.dec, DATE '{through}') > DATE '{DOLO_FROM}' + 14
      AND greatest(e.decom, DATE '{DOLO_FROM}') + 7 <= DATE '{through}'
      AND date_diff('year', p.dob, greatest(e.decom, DATE '{DOLO_FROM}')) >= 11
      AND {_rand(seed, "dolo")} < 0.05
    QUALIFY row_number() OVER (PARTITION BY e.CHILD ORDER BY e.decom) = 1
    ORDER BY e.CHILD
    """


def write_export_tables(out: Path, through: date, seed: int = 903) -> dict[str, int]:
    """Write oc2_<year>.csv, oc3_<year>.csv, previous_permanence.csv, sw_episodes.csv and
    DoLo.csv into `out` beside the demo set's other files; rows written per file."""
    con = duckdb.connect()
    try:
        for t in ("header", "episodes", "dental_checks", "health_assessments",
                  "immunisations", "sdq", "care_leavers"):  # fmt: skip
            _read(con, out, t)
        con.execute(PERIODS_SQL)
        rows: dict[str, int] = {}
        last = through.year if (through.month, through.day) >= (3, 31) else through.year - 1
        for year in range(last - OC_YEARS + 1, last + 1):
            rows[f"oc2_{year}"] = _write(con, oc2_sql(year, seed), out / f"oc2_{year}.csv")
            rows[f"oc3_{year}"] = _write(con, oc3_sql(year), out / f"oc3_{year}.csv")
        rows["previous_permanence"] = _write(
            con, prev_perm_sql(seed), out / "previous_permanence.csv"
        )
        if through >= SW_FROM:
            rows["sw_episodes"] = _write(con, sw_sql(through, seed), out / "sw_episodes.csv")
        if through >= DOLO_FROM:
            rows["DoLo"] = _write(con, dolo_sql(through, seed), out / "DoLo.csv")
        return {k: v for k, v in rows.items() if v}
    finally:
        con.close()
