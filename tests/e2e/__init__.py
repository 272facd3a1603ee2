"""End-to-end: the installed `newsreader` command driven in a real terminal (tmux)."""
