"""Running: configuration (``config``), which rules run where (``selection``), the
engine and fixer for one article (``engine``, ``fixer``), files and jobs
(``files``, ``session``) and baselines (``baseline``)."""
