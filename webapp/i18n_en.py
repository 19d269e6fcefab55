"""English texts for the French ones used in the templates and labels (French is the key)."""

EN: dict[str, str] = {}
