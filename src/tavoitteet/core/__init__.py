"""The pure core: models, values, checks, evaluation and comparison. No files, no terminal, no clock."""
