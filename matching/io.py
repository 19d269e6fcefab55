"""CSV input and output of the match-pairs and match-cluster commands, with clear errors."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

Row = dict[str, str]


class InputError(ValueError):
    """Malformed input: the message is meant for the person who ran the command."""


def read_rows(path: Path, required: Sequence[str]) -> list[Row]:
    """Rows of a CSV file with a header; `required` columns must be present."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            if not header:
                raise InputError(f"{path}: empty file, expected a header row")
            missing = [c for c in required if c not in header]
            if missing:
                raise InputError(
                    f"{path}: missing required column(s) {', '.join(missing)}; "
                    f"found {', '.join(header) or 'none'}"
                )
            reader.fieldnames = header
            rows: list[Row] = []
            for line, raw in enumerate(reader, start=2):
                if None in raw:
                    raise InputError(f"{path}: line {line} has more cells than the header")
                rows.append({k: (v or "") for k, v in raw.items() if k})
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV: {exc}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path}: the id column has duplicates")
    return rows


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
