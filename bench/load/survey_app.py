"""The survey as gunicorn serves it in production, with rate limits raised out of the way: the
benchmark sends every response from one address and one device cookie. The limiter still runs
(counters in Redis), so its cost is measured."""
from survey import create_app

UNLIMITED = "1000000 per hour"
app = create_app({f"LIMIT_{kind}_PER_{who}": UNLIMITED
                  for kind in ("START", "SUBMIT", "RESUME") for who in ("ADDRESS", "DEVICE")})
