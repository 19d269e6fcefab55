"""HTML, XML and CSV renderers of the demo shops (plain strings, everything escaped)."""
