"""The built-in rule set, kept between runs so that a cold start does not parse it again.

Reading the built-in packs means parsing TOML, some six hundred token patterns and their
stems, and about a hundred thousand characters of regular expressions: about half of a cold
`letterlint draft.txt`. The parsed rule set is stored in the user cache (letterlint.usercache)
as a pickle, with every regex kept as its source (checks.lazy.LazyPattern) and compiled in the
process that uses it, together with what each pattern requires (letterlint.required). A run
with user rule packs does not use it.

A cache must never change a result:
- the entry is signed with the per-user key, and is unpickled only when the signature holds
  (no one else can write an entry that is loaded);
- it is used only when its fingerprint equals the current one: the bytes of every built-in
  pack, lexicon and profile, the bytes of letterlint's own modules, and the versions of
  Python and of the stemmer. Anything else is rebuilt from the packs, never fatal.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from letterlint import required, usercache
from letterlint.paths import rules_dir
from letterlint.rulepack import RuleSet, load_rules

_ENTRY = "rules-v1.pickle"
_FINGERPRINT_BYTES = hashlib.sha256().digest_size


def fingerprint() -> bytes:
    """What the parsed built-in rule set depends on."""
    import Stemmer

    digest = hashlib.sha256()
    stemmer = Stemmer.version() if hasattr(Stemmer, "version") else "?"
    digest.update(f"{sys.version}\0{stemmer}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    code = Path(__file__).resolve().parent
    for root, pattern in ((code, "**/*.py"), (rules_dir().resolve(), "**/*.toml")):
        digest.update(str(root).encode() + b"\0")
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def builtin_rules() -> RuleSet:
    """The built-in rule set: from the cache when it is genuine and current, else parsed
    from the packs (and stored for the next run)."""
    try:
        current = fingerprint()
    except OSError:
        return load_rules(None)
    path = usercache.entry(_ENTRY)
    stored = usercache.read(path) if path is not None else None
    if stored is not None and stored[:_FINGERPRINT_BYTES] == current:
        try:
            found = pickle.loads(stored[_FINGERPRINT_BYTES:])
        except Exception:  # an entry from other code: rebuild it
            found = None
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], RuleSet):
            rules, analyses = found
            if isinstance(analyses, dict):
                required.remember(analyses)
                return rules
    rules = load_rules(None)
    if path is not None:
        from letterlint.checks import crisis

        for pattern in crisis.lazy_patterns():  # read now, so that later runs need not
            _ = pattern.needs
        try:
            payload = pickle.dumps((rules, required.analysed()), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return rules
        usercache.write(path, current + payload)
    return rules
