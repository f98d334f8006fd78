"""What every noun's command group shares: `unit_of_work`. A module of its own, below
`survey.commands`, which imports every group to register it: the groups import this one instead,
so the command line has no import cycle."""
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

import forms
from survey import db
from survey.errors import InvalidInput


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """Commit once on success; on bad input roll back and exit non-zero listing every problem."""
    try:
        with db.transaction() as session:
            yield session
    except (InvalidInput, forms.DefinitionError) as error:
        problems = error.problems
        raise click.ClickException("\n".join(str(p) for p in problems)) from None
