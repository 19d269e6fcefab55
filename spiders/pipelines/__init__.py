"""Item pipelines, one per concern: validate -> normalise -> persist -> contract export."""
