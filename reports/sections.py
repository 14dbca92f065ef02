"""Part B sections in the reference report's order; which ones we have no extract for."""

import csv

from core.paths import SQL_DIR

SECTIONS: list[tuple[str, str]] = [
    ("B01", "Numbers of children looked after over time"),
    ("B02", "Age groups"),
    ("B03", "Gender"),
    ("B04", "Ethnicity"),
    ("B05", "Placement type"),
    ("B06", "School-age children looked after"),
    ("B07", "Education of children looked after"),
    ("B08", "Health"),
    ("B09", "Starting and ceasing to be looked after; UASC"),
    ("B10", "Reasons for entering and leaving care"),
    ("B11", "Adoptions and special guardianship orders"),
    ("B12", "Reviews"),
    ("B13", "Care leavers"),
    ("B14", "Children who go missing or are away without authorisation"),
    ("B15", "Placement stability"),
    ("B16", "Placements more than 20 miles from home"),
    ("B17", "Offending"),
    ("B18", "Social-worker changes"),
]


def not_supplied() -> dict[str, str]:
    """Sections with no extract behind them, from sql/40_tables/not_supplied.csv."""
    with open(SQL_DIR / "40_tables" / "not_supplied.csv", newline="", encoding="utf-8") as fh:
        return {
            r["id"]: r["reason"][:1].upper() + r["reason"][1:] + "." for r in csv.DictReader(fh)
        }
