"""The pre-commit snippet `lintnews init` writes (beside the starter configuration in run.config)."""

PRE_COMMIT_SNIPPET = """\
# Add to .pre-commit-config.yaml (see the lintnews README).
repos:
  - repo: https://github.com/your-org/lintnews   # wherever you host lintnews
    rev: v0.1.0                                   # a tag or commit of it
    hooks:
      - id: lintnews-fix   # applies safe fixes; fails when it changed a file
      - id: lintnews       # reports what is left
"""
