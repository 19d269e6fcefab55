"""`python -m bench` (what `make bench` runs): list the benchmarks with their first doc line."""

import ast
import sys
from pathlib import Path

HERE = Path(__file__).parent
# Helpers imported by the benchmarks, not benchmarks themselves.
NOT_BENCHMARKS = {
    "__init__",
    "__main__",
    "catalog_products",
    "catalog_words",
    "pg_server",
    "site_load_run",
}


def main() -> int:
    print("Benchmarks (run one with: .venv/bin/python -m bench.<name> [--help]):\n")
    for path in sorted(HERE.glob("*.py")):
        if path.stem in NOT_BENCHMARKS:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        print(f"  {path.stem:22} {doc.strip().splitlines()[0] if doc else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
