"""Text stages: boilerplate marking, sentence splitting, article metadata."""
