-- Shared macros for the intermediate and indicator models (indicators.md "Building blocks").

-- add_months: calendar months forward (negative n: back), day clamped to the month's length,
-- as dateutil.relativedelta (31 Mar - 1 month = 28/29 Feb; 29 Feb + 12 months = 28 Feb).
CREATE OR REPLACE MACRO add_months(d, n) AS (d + to_months(CAST(n AS INTEGER)))::DATE;

-- quarter_index_of: the financial quarter holding d (Q1 = April to June), numbered
-- financial year's first year × 4 + quarter − 1, so consecutive quarters differ by 1.
CREATE OR REPLACE MACRO quarter_index_of(d) AS (year(d) * 12 + month(d) - 4) // 3;

-- age_on: whole years completed on d; a birthday on d counts; a 29 February birthday falls on
-- 28 February in other years.
CREATE OR REPLACE MACRO age_on(dob, d) AS
    (year(d) - year(dob))
    - CASE WHEN add_months(dob, 12 * (year(d) - year(dob))) > d THEN 1 ELSE 0 END;

-- birthday_at_age: the date of the n-th birthday (29 February -> 28 February).
CREATE OR REPLACE MACRO birthday_at_age(dob, n) AS add_months(dob, 12 * n);

-- postcode_sector: upper case, single space, outward code + first digit of the inward code
-- ('ha1  2ab' -> 'HA1 2'); without a space the last three characters are the inward code when
-- they are a digit and two letters ('HA12AB' -> 'HA1 2'); anything else is unknown (NULL).
CREATE OR REPLACE MACRO postcode_sector(p) AS (
    WITH cleaned AS (
        SELECT regexp_replace(upper(trim(coalesce(p, ''))), '\s+', ' ', 'g') AS s
    )
    SELECT CASE
        WHEN regexp_full_match(s, '[A-Z][A-Z0-9]{1,3} [0-9]([A-Z]{2})?')
            THEN split_part(s, ' ', 1) || ' ' || left(split_part(s, ' ', 2), 1)
        WHEN regexp_full_match(s, '[A-Z][A-Z0-9]{1,3}[0-9][A-Z]{2}')
            THEN left(s, length(s) - 3) || ' ' || substr(s, length(s) - 2, 1)
    END
    FROM cleaned
);

-- haversine_miles: great-circle distance between two points (degrees), Earth radius 3958.8 mi.
CREATE OR REPLACE MACRO haversine_miles(lat1, lon1, lat2, lon2) AS
    2 * 3958.8 * asin(sqrt(
        pow(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
    ));

-- round_half_away: round half away from zero to `places` decimals (the displayed value),
-- robust to binary floating point (94.95 -> 95.0).
CREATE OR REPLACE MACRO round_half_away(x, places) AS
    CAST(round(CAST(round(x, 9) AS DECIMAL(38, 9)), places) AS DOUBLE);
