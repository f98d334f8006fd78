"""API tokens, the domain: the tokens outside systems present to the API (`models`), issuing,
revoking and finding them (`operations`), the texts of their problems (`messages`) and
`flask api-tokens` (`cli`). The HTTP layer that reads a token from a request is `survey.api.auth`;
the administration pages that issue and revoke tokens are `survey.admin.tokens`."""
