"""Named passes of the analysis engine, one module per pass; each states its rule in its docstring."""
