"""The indicator headers read as whole sentences: a title or plain definition that stops on a
function word ("... in the last") has lost its continuation line to another key."""

import pytest

from transforms.build import indicator_models

DANGLING = {
    "a",
    "an",
    "and",
    "at",
    "by",
    "for",
    "from",
    "in",
    "last",
    "of",
    "on",
    "or",
    "the",
    "to",
    "who",
    "with",
    "within",
}


@pytest.mark.parametrize("model", indicator_models(), ids=lambda m: m.name)
def test_title_and_plain_end_on_a_content_word(model):
    for key in ("title", "plain"):
        text = model.header.get(key, "")
        if text:
            last = text.rstrip(".) ").split()[-1].lower()
            assert last not in DANGLING, f"{model.name} {key} ends '{last}': {text}"


def test_the_dangling_check_catches_a_cut_title():
    # the check itself: a title cut before its continuation line fails it
    cut = "% of children looked after for 12 months or more with a health assessment in the last"
    assert cut.split()[-1] in DANGLING
