"""State changes of the swv app. Nothing else writes these models."""
