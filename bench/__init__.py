"""Benchmarks: `python -m bench.<name>`, each printing ratios against an in-run baseline."""
