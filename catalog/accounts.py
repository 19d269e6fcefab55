"""Editors' accounts (Werkzeug password hashes) and a database-backed rate limiter.

The rate limiter lives in the database so that every worker process of the site shares it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from catalog.site_models import ROLES, RateLimitHit, User

EMAIL = re.compile(
    r"^[^@\s<>\"',;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$"
)
MIN_PASSWORD = 10
# A dummy hash compared against when the user is unknown, so timing does not reveal accounts.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


class AccountError(ValueError):
    """A refused account operation; the message is safe to show."""


def normalise_email(email: str) -> str:
    """Lower-cased and stripped; raises AccountError when it does not look like an address."""
    value = (email or "").strip().lower()
    if len(value) > 254 or not EMAIL.match(value):
        raise AccountError("adresse e-mail invalide")
    return value


def create_user(
    session: Session, email: str, password: str, role: str = "editor", method: str = "scrypt"
) -> User:
    """A new user; `method` is Werkzeug's hash method (cheaper settings only in tests)."""
    if role not in ROLES:
        raise AccountError(f"rôle inconnu: {role} (choisir parmi {', '.join(ROLES)})")
    address = normalise_email(email)
    if session.scalar(select(User.id).where(User.email == address)) is not None:
        raise AccountError(f"l'utilisateur {address} existe déjà")
    check_password_strength(password)
    user = User(email=address, password_hash=generate_password_hash(password, method), role=role)
    session.add(user)
    session.flush()
    return user


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"mot de passe trop court (au moins {MIN_PASSWORD} caractères)")


def set_password(user: User, password: str) -> None:
    check_password_strength(password)
    user.password_hash = generate_password_hash(password)


def authenticate(session: Session, email: str, password: str, now: datetime) -> User | None:
    """The active user with these credentials, or None (same work whether or not it exists)."""
    try:
        address = normalise_email(email)
    except AccountError:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    user = session.scalar(select(User).where(User.email == address))
    if user is None or not user.active:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    user.last_login_at = now
    return user


def get_user(session: Session, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user if user is not None and user.active else None


def count_admins(session: Session) -> int:
    query = select(func.count()).select_from(User).where(User.role == "admin", User.active)
    return int(session.scalar(query) or 0)


def allow(session: Session, key: str, now: datetime, limit: int, window: timedelta) -> bool:
    """Count one attempt under `key`; False (and nothing counted) when `limit` is reached."""
    since = now - window
    used = session.scalar(
        select(func.count())
        .select_from(RateLimitHit)
        .where(RateLimitHit.key == key[:300], RateLimitHit.at > since)
    )
    if int(used or 0) >= limit:
        return False
    session.add(RateLimitHit(key=key[:300], at=now))
    session.flush()
    return True


def attempts(session: Session, key: str, now: datetime, window: timedelta) -> int:
    """How many attempts were counted under `key` within `window`."""
    query = (
        select(func.count())
        .select_from(RateLimitHit)
        .where(RateLimitHit.key == key[:300], RateLimitHit.at > now - window)
    )
    return int(session.scalar(query) or 0)


def forget(session: Session, key: str) -> None:
    """Clear a key (a successful login resets its failure count)."""
    session.execute(delete(RateLimitHit).where(RateLimitHit.key == key[:300]))


def prune(session: Session, now: datetime, keep: timedelta = timedelta(days=2)) -> int:
    """Delete hits older than `keep`; returns how many were removed."""
    result = session.execute(delete(RateLimitHit).where(RateLimitHit.at < now - keep))
    return int(getattr(result, "rowcount", 0) or 0)
