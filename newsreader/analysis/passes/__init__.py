"""The analysis passes, one module per stage of the pipeline (see `analysis/pipeline.py`)."""
