"""The metadata a questionnaire declares (XLSForm's start, end, today, deviceid, username),
recorded by the server with each response as answers under their names (``forms.metadata``).

Only the server's own knowledge goes in: a client cannot send these names (they are no
question, so ``answer_problems`` refuses them), and the day is the province's, never UTC's.
"""
from zoneinfo import ZoneInfo

import forms
from forms.metadata import Paradata, metadata_answers, utc


def with_metadata(definition: forms.Definition, answers: dict[str, str | None], submission,
                  zone: ZoneInfo) -> dict[str, str | None]:
    """``answers`` and the definition's metadata for ``submission`` (a responses Submission)."""
    if not definition.metadata:
        return answers
    known = Paradata(started=submission.started_at, ended=submission.submitted_at,
                     today=utc(submission.submitted_at).astimezone(zone).date(), device=submission.device_hash,
                     username=submission.entered_by.username if submission.entered_by is not None else None)
    return {**answers, **metadata_answers(definition.metadata, known)}
