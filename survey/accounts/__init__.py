"""Accounts, the domain: users, roles and unit scopes (`models`, `operations`, `queries`), the access
rules every staff page builds on (`access`), the signed-in session (`sessions`), checking a password
with the lock after repeated failures (`signin`), the texts of its problems (`messages`) and
`flask users` (`cli`). Nothing here renders a page: the accounts' pages are `survey.accounts.pages`."""
