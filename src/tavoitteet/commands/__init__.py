"""Command bodies: each parses nothing, calls the core, renders and returns an exit code."""
