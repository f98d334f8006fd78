"""Paper questionnaires keyed by staff: the keyed entries (one or two passes per serial), the
comparison of the two passes of double entry, and the supervisor's reconciliation of their
differences. A keyed form becomes a `Response` only when it counts: at once for a campaign keyed
once, when both passes agree or after reconciliation for a campaign keyed twice."""
