"""The audit log: every editor action with who, what, when, the target, before and after."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.site_models import AuditEntry
from catalog.types import utcnow


def jsonable(value: Any) -> Any:
    """Decimals as strings (exact), datetimes as ISO 8601, containers recursively."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The named attributes of a model row, ready for the before/after columns."""
    return {name: jsonable(getattr(obj, name, None)) for name in fields}


def record(
    session: Session,
    actor: str,
    action: str,
    *,
    target_type: str | None = None,
    target_id: object = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ip: str | None = None,
    now: datetime | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=now or utcnow(),
        actor=actor[:254],
        action=action[:64],
        target_type=target_type,
        target_id=None if target_id is None else str(target_id)[:64],
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
        ip=ip[:64] if ip else None,
    )
    session.add(entry)
    session.flush()
    return entry


def entries(
    session: Session,
    *,
    limit: int = 50,
    offset: int = 0,
    action: str | None = None,
    actor: str | None = None,
) -> tuple[list[AuditEntry], int]:
    """A page of entries, newest first, and the total count under the same filters."""
    query = select(AuditEntry)
    count = select(func.count()).select_from(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
        count = count.where(AuditEntry.action == action)
    if actor:
        query = query.where(AuditEntry.actor == actor)
        count = count.where(AuditEntry.actor == actor)
    rows = session.scalars(
        query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit).offset(offset)
    ).all()
    return list(rows), int(session.scalar(count) or 0)
