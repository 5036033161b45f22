"""Backends: rules whose judgement comes from another program (a LanguageTool server)."""
