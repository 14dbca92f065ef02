"""Care journeys the demo draws from: each a fixed sequence of 903 episodes.

A step is one episode. `carer` says whose care it is: `new` (a new placement), `same`
(the previous episode's carers: RNE L/T/U) or `back` (the carers of two episodes before,
after a temporary placement). `gap` (days) marks a step that starts a new period of care
after the child went home. `days` is the episode's length; a period's last step ends with
one of `rec`. Journeys run into the 18th birthday at the latest, where the period ends
with one of the scenario's `rec18`. "=" in `ls` or `place` repeats the previous step's code.
"""

from __future__ import annotations

from dataclasses import dataclass

UNTIL_18 = (40_000, 40_001)  # an episode that lasts until the 18th birthday


@dataclass(frozen=True)
class Step:
    rne: str
    ls: tuple[str, ...]
    place: tuple[str, ...]
    days: tuple[int, int]
    carer: str = "new"
    gap: tuple[int, int] | None = None
    rec: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    name: str
    weight: float
    age_days: tuple[int, int]  # age at the first DECOM
    steps: tuple[Step, ...]
    rec18: tuple[str, ...] = ("E17", "E5", "E6", "E13")
    cin: tuple[str, ...] = ()  # overrides the child's primary need
    uasc: bool = False
    missing: float = 0.1  # chance that an episode of a child aged 11+ has missing spells
    adoption: bool = False
    lead_years: int = 0  # long journeys also start this many years before the history


Y = 365
SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "long_term_foster",
        0.14,
        (6 * Y, 14 * Y),
        (
            Step("S", ("C1",), ("U6", "U6", "U3"), (60, 200)),
            Step("L", ("C2",), ("=",), (150, 400), carer="same"),
            Step("T", ("=",), ("U4",), (300, 800), carer="same"),
            Step("P", ("=",), ("U4", "U4", "U1", "K2"), UNTIL_18, rec=("E4A", "E13", "E41")),
        ),
        lead_years=8,
    ),
    Scenario(
        "returned_home",
        0.22,
        (0, 15 * Y),
        (
            Step("S", ("V2", "V2", "C1"), ("U6", "U6", "U3"), (30, 250)),
            Step("P", ("=",), ("U6", "U3", "K2"), (60, 400), rec=("E4A", "E4A", "E13", "E4B")),
        ),
    ),
    Scenario(
        "returned_to_care",
        0.07,
        (1 * Y, 12 * Y),
        (
            Step("S", ("V2",), ("U6",), (40, 250), rec=("E4A", "E13")),
            Step("S", ("C1",), ("U6",), (100, 300), gap=(120, 900)),
            # the interim order becomes a full order as the foster carers become long-term
            Step("U", ("C2",), ("U4",), (300, 1200), carer="same", rec=("E4A", "E41", "E13")),
        ),
        lead_years=3,
    ),
    Scenario(
        "adopted",
        0.05,
        (0, 700),
        (
            Step("S", ("C1",), ("U6",), (150, 250)),
            Step("L", ("C2",), ("=",), (80, 180), carer="same"),
            Step("L", ("E1",), ("=",), (60, 150), carer="same"),
            Step("P", ("=",), ("A6", "A6", "A4"), (150, 320), rec=("E11", "E11", "E12")),
        ),
        adoption=True,
    ),
    Scenario(
        "adopted_by_foster_carers",
        0.02,
        (0, 400),
        (
            Step("S", ("C1",), ("U5",), (150, 250)),
            Step("L", ("C2",), ("=",), (80, 180), carer="same"),
            Step("L", ("E1",), ("=",), (60, 150), carer="same"),
            Step("T", ("=",), ("A5",), (150, 320), carer="same", rec=("E11", "E12")),
        ),
        adoption=True,
    ),
    Scenario(
        "special_guardianship",
        0.07,
        (1 * Y, 10 * Y),
        (
            Step("S", ("C1",), ("U3", "U3", "U6"), (100, 220)),
            Step("L", ("C2",), ("=",), (300, 700), carer="same", rec=("E45", "E45", "E46", "E47")),
        ),
    ),
    Scenario(
        "sixteen_plus",
        0.06,
        (16 * Y + 20, 16 * Y + 300),
        (
            Step("S", ("V2",), ("U6", "K2"), (90, 300)),
            Step("P", ("=",), ("H5",), UNTIL_18, rec=("E5",)),
        ),
        rec18=("E5", "E6", "E8"),
        missing=0.45,
    ),
    Scenario(
        "uasc",
        0.05,
        (15 * Y, 17 * Y - 60),
        (
            Step("S", ("V2",), ("U6", "K2"), (100, 300)),
            Step("P", ("=",), ("H5",), UNTIL_18, rec=("E5",)),
        ),
        rec18=("E5", "E6"),
        cin=("N8",),
        uasc=True,
        missing=0.1,
    ),
    Scenario(
        "short_stay",
        0.12,
        (2 * Y, 14 * Y),
        (
            Step("S", ("V2",), ("U6",), (40, 80)),
            Step("P", ("=",), ("T4",), (2, 7)),
            Step("P", ("=",), ("=",), (40, 150), carer="back", rec=("E4A", "E4A", "E13")),
        ),
    ),
    Scenario(
        "placed_with_parents",
        0.04,
        (2 * Y, 9 * Y),
        (
            Step("S", ("C1",), ("U6",), (100, 160)),
            Step("B", ("C2",), ("P1",), (300, 500), rec=("E41", "E4A")),
        ),
    ),
    Scenario(
        "teenager_residential",
        0.08,
        (12 * Y, 15 * Y + 200),
        (
            Step("S", ("C2", "V2"), ("U6",), (30, 150)),
            Step("P", ("=",), ("U6",), (40, 200)),
            Step("P", ("=",), ("K2",), (200, 600)),
            Step("P", ("=",), ("K2", "U6"), UNTIL_18, rec=("E4A",)),
        ),
        rec18=("E5", "E6", "E17", "E8"),
        missing=0.65,
        lead_years=4,
    ),
    Scenario("short_breaks", 0.06, (5 * Y, 14 * Y), (), cin=("N2",)),
)

SHORT_BREAK = "short_breaks"
