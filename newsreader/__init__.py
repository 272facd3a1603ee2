"""newsreader: a terminal news reader that shows who is in a story and who said what."""

__version__ = "0.1.0"
