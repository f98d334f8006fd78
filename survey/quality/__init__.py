"""Data quality of responses: named rules that flag a response for a supervisor to look at
(`rules`), the figures they read (`queries`), and progress against quotas (`progress`)."""
