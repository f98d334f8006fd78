"""Sample planning: how many respondents each unit needs, how many dossiers to invite, and the
margin of error a sample gives (pure functions in `plan`, the units CSV and the writes to a
campaign in `operations`, achieved figures after fieldwork in `achieved`)."""
