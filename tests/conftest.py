from pathlib import Path

import pytest

import socorg_nlp
from socorg_nlp.recognizers.records import RecordBuilder

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def nlp():
    return socorg_nlp.load()


@pytest.fixture(scope="session")
def shared():
    """../shared (gold, seeds, scorers): present in the project's CI, absent on a user's machine."""
    if not (SHARED / "gold" / "seeds.jsonl").is_file():
        pytest.skip("../shared with the seeds gold is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def builder():
    """The records builder on its default data, for tests that hand it spans."""
    return RecordBuilder(RecordBuilder.default_data())
