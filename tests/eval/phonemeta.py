#!/usr/bin/env python3
"""Generate src/checks/phonemeta.bin: per-region phone number metadata for the
recognizer and the phone pseudonyms, compiled from libphonenumber's metadata
as shipped by the `phonenumbers` package (pinned in tests/eval/setup.sh).

Run with the eval venv (bash tests/eval/setup.sh first):

    target/eval-venv/bin/python tests/eval/phonemeta.py          # write the table
    target/eval-venv/bin/python tests/eval/phonemeta.py --check  # fail if it differs
    target/eval-venv/bin/python tests/eval/phonemeta.py --agreement [N]
        # the table's verdict vs phonenumbers.is_valid_number on N random
        # numbers per region (of every possible length), and the example numbers

What is compiled. For every region (and non-geographic entity "001" per
calling code) and every number type (premium rate, toll free, shared cost,
VoIP, personal, pager, UAN, voicemail, fixed line, mobile: the order in
which libphonenumber classifies), libphonenumber's national number pattern
(a regular expression over digits with `[...]`, `\\d`, `|`, `(?:...)`, `?`,
`{n}`, `{n,m}`), restricted to the type's possible lengths, is turned into
an NFA and expanded into a prefix trie over digits: a node at depth k is a
prefix; an edge covers a range of digits and leads either to a child node or
to a leaf "any digits, total length in L". A prefix becomes a leaf as soon
as every continuation of every allowed length is accepted, so the trie is
exact: a digit string is in the trie iff the pattern accepts it and its
length is possible. Identical subtrees are stored once.

Binary layout, version 2 (all integers little endian; node offsets are from
the start of the node area):

    header   text line "fieldguard phonemeta 2 ...\n" naming source, version, licence
    u16      region count R
    u8       mask count M, then M x u24 length masks (bit k: a number of k
             digits); nodes and leaves name a mask by its index
    R x      region record (28 bytes): 3 bytes id (ASCII, "DE\0", "001"), u16
             calling code, u8 flags (bit 0: main country for its code), 2 bytes
             national prefix (ASCII digits, 0-padded; "" none), 10 x u16 trie
             root per type in TYPES order (0xFFFF: none)
    nodes    u8 edge count n, u8 mask index (the total lengths reachable from
             this node), then n edges, each u8 c = 10 * lo + hi (the digit
             range lo..=hi) and either, when bit 7 of c is set, a leaf "any
             digits" with u8 mask index (the allowed total lengths; 2 bytes),
             or a u16 child node offset (3 bytes)

Version 1 (88.6 kB) spent 4 bytes on every node header and edge (u24 masks
and offsets); version 2 holds the same tries in about 56 kB.

Licence of the source data: Apache-2.0 (libphonenumber, Google; phonenumbers,
David Drysdale).
"""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "checks", "phonemeta.bin")
PINNED = "9.0.43"
TYPES = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
         "pager", "uan", "voicemail", "fixed_line", "mobile"]
NONE = 0xFFFF
LEAF = 0x800000  # in Table: a leaf target is LEAF | mask


# --- regex subset -> NFA --------------------------------------------------

class NFA:
    def __init__(self):
        self.eps = []   # state -> list of states
        self.edges = []  # state -> list of (set of digits, state)

    def new(self):
        self.eps.append([])
        self.edges.append([])
        return len(self.eps) - 1


def parse(pattern):
    """Parse into an AST: ('cat', [..]) ('alt', [..]) ('set', frozenset) ('rep', node, lo, hi)."""
    pos = 0

    def peek():
        return pattern[pos] if pos < len(pattern) else None

    def alt():
        nonlocal pos
        branches = [cat()]
        while peek() == "|":
            pos += 1
            branches.append(cat())
        return ("alt", branches)

    def cat():
        nonlocal pos
        items = []
        while peek() not in (None, "|", ")"):
            items.append(rep(atom()))
        return ("cat", items)

    def atom():
        nonlocal pos
        c = peek()
        if c == "(":
            pos += 1
            if pattern.startswith("?:", pos):
                pos += 2
            node = alt()
            assert peek() == ")", pattern
            pos += 1
            return node
        if c == "[":
            pos += 1
            s = set()
            while peek() != "]":
                a = pattern[pos]
                if a == "\\":
                    assert pattern[pos + 1] == "d"
                    s.update("0123456789")
                    pos += 2
                    continue
                if pattern[pos + 1] == "-" and pattern[pos + 2] != "]":
                    s.update(chr(x) for x in range(ord(a), ord(pattern[pos + 2]) + 1))
                    pos += 3
                else:
                    s.add(a)
                    pos += 1
            pos += 1
            return ("set", frozenset(s))
        if c == "\\":
            assert pattern[pos + 1] == "d", pattern
            pos += 2
            return ("set", frozenset("0123456789"))
        assert c.isdigit(), (c, pattern)
        pos += 1
        return ("set", frozenset(c))

    def rep(node):
        nonlocal pos
        c = peek()
        if c == "?":
            pos += 1
            return ("rep", node, 0, 1)
        if c == "{":
            end = pattern.index("}", pos)
            body = pattern[pos + 1:end]
            pos = end + 1
            if "," in body:
                lo, hi = body.split(",")
                return ("rep", node, int(lo), int(hi))
            return ("rep", node, int(body), int(body))
        assert c not in ("*", "+"), pattern
        return node

    ast = alt()
    assert pos == len(pattern), pattern
    return ast


def build(nfa, node, start):
    """Add `node` from state `start`; return the end state."""
    kind = node[0]
    if kind == "set":
        end = nfa.new()
        nfa.edges[start].append((node[1], end))
        return end
    if kind == "cat":
        s = start
        for item in node[1]:
            s = build(nfa, item, s)
        return s
    if kind == "alt":
        end = nfa.new()
        for b in node[1]:
            s = nfa.new()
            nfa.eps[start].append(s)
            nfa.eps[build(nfa, b, s)].append(end)
        return end
    _, inner, lo, hi = node
    s = start
    for _ in range(lo):
        s = build(nfa, inner, s)
    end = nfa.new()
    nfa.eps[s].append(end)
    for _ in range(hi - lo):
        s = build(nfa, inner, s)
        nfa.eps[s].append(end)
    return end


class Lang:
    """The language of a pattern restricted to a set of lengths."""

    def __init__(self, pattern, lengths):
        self.nfa = NFA()
        s0 = self.nfa.new()
        self.final = build(self.nfa, parse(pattern), s0)
        self.start = self.close({s0})
        self.lengths = frozenset(lengths)
        self.maxlen = max(lengths)
        self.memo_any, self.memo_all = {}, {}

    def close(self, states):
        stack, seen = list(states), set(states)
        while stack:
            for t in self.nfa.eps[stack.pop()]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return frozenset(seen)

    def step(self, states, d):
        nxt = {t for s in states for (ds, t) in self.nfa.edges[s] if d in ds}
        return self.close(nxt) if nxt else frozenset()

    def any_len(self, states, k):
        """Some continuation of exactly k digits is accepted."""
        key = (states, k)
        if key not in self.memo_any:
            if not states:
                r = False
            elif k == 0:
                r = self.final in states
            else:
                r = any(self.any_len(self.step(states, d), k - 1) for d in "0123456789")
            self.memo_any[key] = r
        return self.memo_any[key]

    def all_len(self, states, k):
        """Every continuation of exactly k digits is accepted."""
        key = (states, k)
        if key not in self.memo_all:
            if not states:
                r = False
            elif k == 0:
                r = self.final in states
            else:
                r = all(self.all_len(self.step(states, d), k - 1) for d in "0123456789")
            self.memo_all[key] = r
        return self.memo_all[key]


def mask(lengths):
    m = 0
    for n in lengths:
        m |= 1 << n
    return m


class Writer:
    def __init__(self):
        self.data = bytearray(b"\0\0")  # offset 0 is never a node
        self.nodes = {}  # serialized -> offset
        self.masks = {}  # mask -> index

    def mask_index(self, m):
        if m not in self.masks:
            self.masks[m] = len(self.masks)
            assert len(self.masks) <= 255, "more than 255 distinct length masks"
        return self.masks[m]

    def trie(self, lang):
        """Serialize the trie of `lang`; return the root offset or None."""
        memo = {}

        def node(states, depth):
            key = (states, depth)
            if key in memo:
                return memo[key]
            some = {n for n in lang.lengths if n >= depth and lang.any_len(states, n - depth)}
            if not some:
                memo[key] = None
                return None
            edges = []
            for d in "0123456789":
                child = lang.step(states, d)
                if not child:
                    edges.append(None)
                    continue
                lens = {n for n in lang.lengths if n > depth and lang.any_len(child, n - depth - 1)}
                if not lens:
                    edges.append(None)
                elif all(lang.all_len(child, n - depth - 1) for n in lens):
                    # a leaf accepts every length in `lens` and no other
                    edges.append(("leaf", mask(lens)))
                else:
                    edges.append(("node", node(child, depth + 1)))
            ranges = []
            for d, t in enumerate(edges):
                if t is None:
                    continue
                if ranges and ranges[-1][1] == d - 1 and ranges[-1][2] == t:
                    ranges[-1][1] = d
                else:
                    ranges.append([d, d, t])
            blob = bytearray([len(ranges), self.mask_index(mask(some))])
            for lo, hi, (kind, v) in ranges:
                if kind == "leaf":
                    blob += bytes([0x80 | (10 * lo + hi), self.mask_index(v)])
                else:
                    blob += bytes([10 * lo + hi]) + v.to_bytes(2, "little")
            blob = bytes(blob)
            if blob not in self.nodes:
                self.nodes[blob] = len(self.data)
                assert len(self.data) < NONE, "node area over 64 KiB: u16 offsets do not fit"
                self.data += blob
            memo[key] = self.nodes[blob]
            return memo[key]

        return node(lang.start, 0)


def lengths_of(desc, general):
    pl = [n for n in desc.possible_length if n > 0]
    if not pl:
        pl = [n for n in general.possible_length if n > 0]
    return pl


def regions():
    import phonenumbers
    from phonenumbers import PhoneMetadata
    out = []
    for r in sorted(phonenumbers.SUPPORTED_REGIONS):
        out.append((r, PhoneMetadata.metadata_for_region(r)))
    for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        out.append(("001", PhoneMetadata.metadata_for_nongeo_region(cc)))
    return out


def generate():
    import phonenumbers
    version = phonenumbers.__version__
    if version != PINNED:
        sys.exit(f"phonemeta.py: phonenumbers {version} installed, {PINNED} pinned (bash tests/eval/setup.sh)")
    w = Writer()
    records = bytearray()
    regs = regions()
    main_cc = {}
    for r, m in regs:
        if r != "001" and m.main_country_for_code:
            main_cc[m.country_code] = r
    for r, m in regs:
        roots = []
        for t in TYPES:
            desc = getattr(m, t)
            if desc is None or not desc.national_number_pattern:
                roots.append(NONE)
                continue
            lens = lengths_of(desc, m.general_desc)
            root = w.trie(Lang(desc.national_number_pattern, lens)) if lens else None
            roots.append(NONE if root is None else root)
        np = (m.national_prefix or "").encode()
        assert len(np) <= 2 and np.isdigit() or not np, (r, np)
        flags = 1 if (r == "001" or main_cc.get(m.country_code) == r or
                      sum(1 for _, x in regs if x.country_code == m.country_code) == 1) else 0
        rec = r.encode().ljust(3, b"\0") + m.country_code.to_bytes(2, "little") + bytes([flags])
        rec += np.ljust(2, b"\0")
        for root in roots:
            rec += root.to_bytes(2, "little")
        records += rec
    header = (f"fieldguard phonemeta 2; generated by tests/eval/phonemeta.py from libphonenumber "
              f"metadata (phonenumbers {version}, Apache-2.0)\n").encode()
    masks = sorted(w.masks, key=w.masks.get)
    table = bytes([len(masks)]) + b"".join(m.to_bytes(3, "little") for m in masks)
    # Node offsets are relative to the node area, which follows the records.
    body = len(regs).to_bytes(2, "little") + table + bytes(records)
    return header + body + bytes(w.data)


# --- reading the table back (the same algorithm as src/checks/phonemeta.rs) ---

class Table:
    REC = 3 + 2 + 1 + 2 + 2 * len(TYPES)

    def __init__(self, blob):
        nl = blob.index(b"\n") + 1
        n = int.from_bytes(blob[nl:nl + 2], "little")
        p = nl + 2
        m = blob[p]
        self.masks = [int.from_bytes(blob[p + 1 + 3 * i:p + 4 + 3 * i], "little") for i in range(m)]
        p += 1 + 3 * m
        self.recs = []
        for _ in range(n):
            rec = blob[p:p + self.REC]
            rid = rec[:3].rstrip(b"\0").decode()
            cc = int.from_bytes(rec[3:5], "little")
            roots = [int.from_bytes(rec[8 + 2 * i:10 + 2 * i], "little") for i in range(len(TYPES))]
            self.recs.append((rid, cc, rec[5], rec[6:8].rstrip(b"\0").decode(), roots))
            p += self.REC
        self.nodes = blob[p:]

    def node_mask(self, off):
        return self.masks[self.nodes[off + 1]]

    def edges(self, off):
        """(lo, hi, target): target LEAF | mask for a leaf, else a node offset."""
        q = off + 2
        for _ in range(self.nodes[off]):
            c = self.nodes[q]
            lo, hi = (c & 0x7F) // 10, (c & 0x7F) % 10
            if c & 0x80:
                yield lo, hi, LEAF | self.masks[self.nodes[q + 1]]
                q += 2
            else:
                yield lo, hi, int.from_bytes(self.nodes[q + 1:q + 3], "little")
                q += 3

    def in_trie(self, root, digits):
        off, n = root, len(digits)
        for c in digits:
            if not self.node_mask(off) >> n & 1:
                return False
            d = ord(c) - 48
            for lo, hi, t in self.edges(off):
                if lo <= d <= hi:
                    if t & LEAF:
                        return bool(t >> n & 1)
                    off = t
                    break
            else:
                return False
        return bool(self.node_mask(off) >> n & 1)

    def number_type(self, rid, nsn):
        """The type index in TYPES the table gives, 'FIXED_LINE_OR_MOBILE' as 10, or None."""
        for r, cc, flags, np, roots in self.recs:
            if r != rid:
                continue
            hits = [i for i, root in enumerate(roots) if root != NONE and self.in_trie(root, nsn)]
            if not hits:
                return None
            if hits[0] == 8 and 9 in hits:
                return 10
            return hits[0]
        return None


def agreement(per_region):
    import phonenumbers
    from phonenumbers import PhoneNumberType as T
    names = [getattr(T, t.upper()) for t in TYPES] + [T.FIXED_LINE_OR_MOBILE]
    table = Table(open(OUT, "rb").read())
    rng = random.Random(13)
    agree = total = 0
    ex_agree = ex_total = 0
    worst = {}
    for rid, cc, flags, np, roots in table.recs:
        if rid == "001":
            continue
        md = phonenumbers.PhoneMetadata.metadata_for_region(rid)
        lens = sorted({n for t in TYPES if getattr(md, t) for n in getattr(md, t).possible_length if n > 0})
        samples = []
        for _ in range(per_region):
            n = rng.choice(lens)
            samples.append("".join(rng.choice("0123456789") for _ in range(n)))
        # numbers that start like a valid one: mutate the examples' tails
        for t in TYPES:
            desc = getattr(md, t)
            if desc and desc.example_number:
                ex = desc.example_number
                for k in range(1, len(ex)):
                    for _ in range(3):
                        samples.append(ex[:k] + "".join(rng.choice("0123456789") for _ in range(len(ex) - k)))
                num = phonenumbers.parse("+%d%s" % (cc, ex))
                want = phonenumbers.number_type(num) if phonenumbers.is_valid_number_for_region(num, rid) else None
                got = table.number_type(rid, ex)
                ex_total += 1
                ex_agree += (want == (names[got] if got is not None else None))
        bad = 0
        for s in samples:
            num = phonenumbers.PhoneNumber(country_code=cc, national_number=int(s))
            if s[0] == "0":
                num.italian_leading_zero = True
                z = len(s) - len(s.lstrip("0"))
                if z > 1:
                    num.number_of_leading_zeros = z
            if phonenumbers.national_significant_number(num) != s:
                continue
            want = phonenumbers.is_valid_number_for_region(num, rid)
            got = table.number_type(rid, s) is not None
            total += 1
            agree += want == got
            bad += want != got
        if bad:
            worst[rid] = bad
    print(f"generated numbers: table verdict == is_valid_number_for_region on {agree}/{total} "
          f"({100 * agree / max(total, 1):.2f} %)")
    print(f"example numbers: table type == number_type on {ex_agree}/{ex_total}")
    if worst:
        print("disagreements by region:", ", ".join(f"{r} {n}" for r, n in sorted(worst.items(), key=lambda x: -x[1])[:15]))
    return agree == total


def main():
    args = sys.argv[1:]
    if args[:1] == ["--agreement"]:
        ok = agreement(int(args[1]) if len(args) > 1 else 2000)
        sys.exit(0 if ok else 1)
    blob = generate()
    if args[:1] == ["--check"]:
        have = open(OUT, "rb").read() if os.path.exists(OUT) else b""
        if have != blob:
            sys.exit(f"phonemeta.py --check: {OUT} differs from what phonenumbers {PINNED} gives "
                     f"(run target/eval-venv/bin/python tests/eval/phonemeta.py)")
        print(f"phonemeta.py --check: {os.path.relpath(OUT, ROOT)} up to date ({len(blob)} bytes)")
        return
    with open(OUT, "wb") as f:
        f.write(blob)
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(blob)} bytes")


if __name__ == "__main__":
    main()
