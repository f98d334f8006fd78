"""Rate limits of the pages that check a password (signing in, changing one's own password).

Two counters together, so that guessing is slowed and an office behind one address is not
locked out at the start of the day:
- per account and address (`LIMIT_SIGNIN_PER_ACCOUNT`): every try at one account from one
  address counts, which stops guessing one account (the database lock of `signin` stops it across
  addresses too);
- per address (`LIMIT_SIGNIN_PER_ADDRESS`): only failures count, which slows guessing across
  many accounts while colleagues signing in successfully never use the address's allowance.
"""
from collections.abc import Callable

from flask import request
from flask.wrappers import Response
from flask_limiter.util import get_remote_address

from survey.accounts.access import current_user
from survey.extensions import limiter, setting


def account_key() -> str:
    """The address with the account tried: the username of the sign-in form (whoever is signed in
    already), else the account signed in (changing its password)."""
    typed = request.form.get("username", "")[:64].strip().lower()
    user = None if typed else current_user()
    account = f"id:{user.id}" if user else f"name:{typed}"
    return f"account:{get_remote_address()}:{account}"


def failed(response: Response) -> bool:
    """A wrong password: 401 when signing in, 400 when changing it."""
    return response.status_code in (400, 401)


def password_checked(view: Callable) -> Callable:
    """The limits above on the POSTs of `view`."""
    view = limiter.limit(setting("LIMIT_SIGNIN_PER_ADDRESS"), methods=["POST"], deduct_when=failed)(view)
    return limiter.limit(setting("LIMIT_SIGNIN_PER_ACCOUNT"), key_func=account_key, methods=["POST"])(view)
