"""Print the rule catalogue: `python -m transforms.rules` (id, severity, stage, message)."""

from transforms.rules.generated import all_rules
from transforms.validation.columns import SCHEMAS


def main() -> None:
    from datetime import date

    for name in SCHEMAS:
        checks = "blank_required / invalid_date / invalid_code / out_of_range"
        print(f"{name}.{{{checks}}}\trow\tcolumns (pandera schema)")
        print(f"{name}.duplicate_key\trow\tkeys")
    for rule in all_rules(date.today()):
        extra = f" [DfE {rule.covers_dfe}]" if rule.covers_dfe else ""
        print(f"{rule.id}\t{rule.severity}\t{rule.stage}\t{rule.message}{extra}")


if __name__ == "__main__":
    main()
