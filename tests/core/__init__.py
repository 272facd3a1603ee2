"""Unit and CLI tests of the core modules (no app running, no terminal)."""
