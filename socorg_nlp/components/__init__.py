"""spaCy factories of socorg_nlp; importing this package registers them all."""
from . import amounts, dates, orgs, records  # noqa: F401
