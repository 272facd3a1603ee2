"""The Textual shell: widgets, bindings and workers over the pure core. Nothing else imports this.

Esc: after an ESC byte Textual waits `ESCDELAY` milliseconds (default 100) for the rest of an escape
sequence before it reports the Esc key, so Esc repainted ~100 ms later than any other key. Terminals and
tmux send a sequence (an arrow, alt+r as ESC r) in one write, so 25 ms is plenty; a user's own ESCDELAY
wins. Set here, before anything imports Textual (`textual.constants` reads it once).
"""

import os

os.environ.setdefault("ESCDELAY", "25")
