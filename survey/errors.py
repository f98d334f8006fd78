"""The error operations raise for bad input: every problem at once, nothing written."""


class InvalidInput(ValueError):
    """Input an operation refuses; `problems` holds one readable message per problem."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))
