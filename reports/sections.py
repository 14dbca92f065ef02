"""Part B sections in the reference report's order; which ones we have no extract for."""

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
]

NOT_SUPPLIED: dict[str, str] = {
    "B06": "Not supplied in this extract: school-age monitoring needs an education extract.",
    "B07": "Not supplied in this extract: attainment, absence and exclusions need an "
    "education extract.",
    "B17": "Not supplied in this extract: offending needs a youth justice extract.",
}
