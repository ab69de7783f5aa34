"""Check kinds: code that interprets rules written as data."""
