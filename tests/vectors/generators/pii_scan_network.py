#!/usr/bin/env python3
"""Generates tests/vectors/pii-scan-network.json (run from the repository root).

Network tokens: IPv4 (ports, parentheses, CIDR prefixes, ranges, after `::`),
IPv6 (`::`, zone ids, prefixes, glued tails rejected), MAC (broadcast/null
rejected), email (punycode TLDs, `@2x` image names rejected) and URL (host rule,
credential URLs, bare domains, quotes and trailing punctuation).

Offsets are found here from the expected substrings (searched left to right,
each after the previous one) and converted to UTF-16 code units; scores are the
documented base score plus, where the case says so, the context bonus (+10 for
these four types), from the recognizer table in src/pii/recognize/mod.rs. Nothing
is copied from fieldguard's output.
"""
import json

BASE = {  # recognizer table, src/pii/recognize/mod.rs
    "ip.v4": 75, "ip.v6": 80, "ip.v6.unspecified": 50,
    "mac.address": 80, "email.pattern": 90,
    "url.scheme": 70, "url.www": 60, "url.domain": 50, "url.credential": 100,
}
BONUS = 10  # EMAIL_ADDRESS, URL, IP_ADDRESS, MAC_ADDRESS
TYPE = {"ip": "IP_ADDRESS", "mac": "MAC_ADDRESS", "email": "EMAIL_ADDRESS", "url": "URL"}


def u16(s):
    return len(s.encode("utf-16-le")) // 2


cases = []


def case(name, text, *found):
    """found: (sub, score_key, recognizer[, context]) in text order."""
    expect, cursor = [], 0
    for f in found:
        sub, key, rec = f[0], f[1], f[2]
        ctx = len(f) > 3 and f[3]
        i = text.index(sub, cursor)
        cursor = i + len(sub)
        score = min(100, BASE[key] + (BONUS if ctx else 0))
        expect.append({"entityType": TYPE[rec.split(".")[0]], "start": u16(text[:i]),
                       "end": u16(text[:i]) + u16(sub), "score": score, "recognizer": rec})
    cases.append({"name": name, "op": "call", "fn": "scanPii", "args": [text], "expect": expect})


# IPv4
case("ipv4: a port is not part of the address", "connect to 10.0.0.1:8080 now",
     ("10.0.0.1", "ip.v4", "ip.v4"))
case("ipv4: quoted address and port after a label", 'upstream: "62.1.222.223:22"',
     ("62.1.222.223", "ip.v4", "ip.v4"))
case("ipv4: inside parentheses", "(192.168.1.1)", ("192.168.1.1", "ip.v4", "ip.v4"))
case("ipv4: CIDR prefix /8 is part of the span", "route 10.0.0.0/8 via", ("10.0.0.0/8", "ip.v4", "ip.v4"))
case("ipv4: CIDR prefix /24 before a sentence-ending period", "Route is 192.168.1.0/24.",
     ("192.168.1.0/24", "ip.v4", "ip.v4"))
case("ipv4: an invalid prefix length (/123) leaves the address alone", "net 10.0.0.0/123",
     ("10.0.0.0", "ip.v4", "ip.v4"))
case("ipv4: a range gives two addresses", "range 10.0.0.1-10.0.0.9",
     ("10.0.0.1", "ip.v4", "ip.v4"), ("10.0.0.9", "ip.v4", "ip.v4"))
case("ipv4: after '::' glued to a word, only the IPv4 part", "foo2001:db8::10.0.0.1",
     ("10.0.0.1", "ip.v4", "ip.v4"))
case("ipv4: after 'text::ffff:', only the IPv4 part", "text::ffff:192.0.2.1",
     ("192.0.2.1", "ip.v4", "ip.v4"))
case("ipv4: 'IP' context word (+10) with a port", "IP 10.1.2.3:443",
     ("10.1.2.3", "ip.v4", "ip.v4", True))
case("ipv4 negative: five dotted groups (too many octets)", "192.168.1.1.1")
case("ipv4 negative: glued to letters on both sides", "IP192.168.1.1text")
case("ipv4 negative: glued to a word on the left", "text192.168.1.1")
case("ipv4 negative: octet 256", "192.168.1.256")

# IPv6
case("ipv6: '::' alone is the unspecified address (50)", "Use local ipv6 ::",
     ("::", "ip.v6.unspecified", "ip.v6"))
case("ipv6: '::' after '=' and '::1'", "src=:: dst=::1",
     ("::", "ip.v6.unspecified", "ip.v6"), ("::1", "ip.v6", "ip.v6"))
case("ipv6: zone id is part of the span", "fe80::1%eth0", ("fe80::1%eth0", "ip.v6", "ip.v6"))
case("ipv6: zone id and prefix length", "fe80::1%eth0/64", ("fe80::1%eth0/64", "ip.v6", "ip.v6"))
case("ipv6: prefix /32 before a period", "Use 2001:db8::/32.", ("2001:db8::/32", "ip.v6", "ip.v6"))
case("ipv6: '::/0' with a prefix is network notation (80)", "default ::/0",
     ("::/0", "ip.v6", "ip.v6"))
case("ipv6: invalid prefix /9999 leaves the address alone", "2001:db8::/9999",
     ("2001:db8::", "ip.v6", "ip.v6"))
case("ipv6: IPv4-mapped with prefix, one finding", "::ffff:192.168.1.0/96",
     ("::ffff:192.168.1.0/96", "ip.v6", "ip.v6"))
case("ipv6: after a label colon", "Gateway:fe80::1", ("fe80::1", "ip.v6", "ip.v6"))
case("ipv6: bracketed with a port", "Connect to [2001:db8::1]:8080", ("2001:db8::1", "ip.v6", "ip.v6"))
case("ipv6 negative: glued to preceding word characters", "text2001:db8::1")
case("ipv6 negative: 5-digit first group", "12345:db8::1")
case("ipv6 negative: two '::'", "2001::db8::1")
case("ipv6 negative: ':::'", ":::")
case("ipv6 negative: C++ scope operator", "std::cout")
case("ipv6 negative: glued to letters on the right", "fe80::1text")

# MAC
case("mac negative: broadcast FF:FF:FF:FF:FF:FF", "Broadcast: FF:FF:FF:FF:FF:FF")
case("mac negative: null 00:00:00:00:00:00", "Invalid: 00:00:00:00:00:00")
case("mac negative: broadcast in Cisco layout", "bcast ffff.ffff.ffff")
case("mac negative: null with hyphens", "null 00-00-00-00-00-00")
case("mac negative: mixed separators", "Mixed: 10:2F:33-AC-29-C3")
case("mac: hyphen pairs", "dev 00-1A-2B-3C-4D-5E up", ("00-1A-2B-3C-4D-5E", "mac.address", "mac.address"))
case("mac: Cisco dotted lower case", "port 0123.4567.89ab up", ("0123.4567.89ab", "mac.address", "mac.address"))
case("mac: other group (multicast) addresses are reported", "dev 01:00:5e:00:00:fb up",
     ("01:00:5e:00:00:fb", "mac.address", "mac.address"))

# Email
case("email: punycode domain and punycode TLD", "a@xn--d1acufc.xn--p1ai",
     ("a@xn--d1acufc.xn--p1ai", "email.pattern", "email.pattern"))
case("email: punycode label", "my email is user@xn--80ak6aa92e.com today",
     ("user@xn--80ak6aa92e.com", "email.pattern", "email.pattern", True))
case("email negative: @2x image file name", "logo@2x.png")
case("email negative: @3x image file name", "see icon@3x.webp")
case("email negative: @1.5x image file name", "hero@1.5x.jpg")
case("email: mailto: prefix is not a URL userinfo", "mailto:bob@example.com",
     ("bob@example.com", "email.pattern", "email.pattern"))
case("url: image with @2x in a URL is one URL", "https://cdn.example.com/img/logo@2x.png",
     ("https://cdn.example.com/img/logo@2x.png", "url.scheme", "url.scheme"))

# URL
case("url: query token= makes the whole URL one finding (100 > secret 80)",
     "GET https://api.example.com/v1?token=abc123&x=1 done",
     ("https://api.example.com/v1?token=abc123&x=1", "url.credential", "url.scheme"))
case("url: fragment access_token= (100)", "cb https://example.com/cb#access_token=abc123",
     ("https://example.com/cb#access_token=abc123", "url.credential", "url.scheme"))
case("url: password in the userinfo (100), not an email", "dsn https://admin:hunter2@db.example.com/x",
     ("https://admin:hunter2@db.example.com/x", "url.credential", "url.scheme"))
case("url: a JWT in a credential query is covered by the URL (100 >= JWT 95)",
     "cb https://app.example.com/cb#access_token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
     ("https://app.example.com/cb#access_token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "url.credential", "url.scheme"))
case("url: an email in a URL without a credential still wins (90 > 70)", "https://x.example/?to=a@b.example",
     ("a@b.example", "email.pattern", "email.pattern"))
case("url: userinfo without password, not an email", "ftp://anonymous@ftp.example.org/pub",
     ("ftp://anonymous@ftp.example.org/pub", "url.scheme", "url.scheme"))
case("url: bare domains", "my domains: microsoft.com google.co.il",
     ("microsoft.com", "url.domain", "url.domain"), ("google.co.il", "url.domain", "url.domain"))
case("url: bare domain with a hyphen, path and query, trailing period left out",
     "see my-shop.de/path?q=1.", ("my-shop.de/path?q=1", "url.domain", "url.domain"))
case("url: bare domain with 'website' context (+10)", "website example.org",
     ("example.org", "url.domain", "url.domain", True))
case("url negative: file names and abbreviations are not bare domains", "setup.py README.md ASP.NET e.g. z.B.")
case("url negative: member accesses and calls in code are not bare domains",
     "log.info(x) user.id user.name app.post style.top order.by main.tf timeout.ms path.join(a) df.at[0] self.int")
case("ipv6 negative: '::' between code punctuation (log4shell lookup)", "${${::-j}${::-n}}")
case("ipv6: '::' in parentheses", "(::)", ("::", "ip.v6.unspecified", "ip.v6"))
case("url negative: a dotted name ending in an upper-case label (a class path)", "java.net.URL")
case("url negative: scheme and a single-label host", "http://microsoft")
case("url negative: www. without a TLD", "www.microsoft")
case("url negative: quoted www. without a TLD", "'www.microsoft'")
case("url: double-quoted URL, quotes not in the span", '"https://presidio.dataprivacystack.org/"',
     ("https://presidio.dataprivacystack.org/", "url.scheme", "url.scheme"))
case("url: single-quoted URL, quotes not in the span", "'https://presidio.dataprivacystack.org/'",
     ("https://presidio.dataprivacystack.org/", "url.scheme", "url.scheme"))
case("url: localhost and a single-label host with a port", "http://localhost:8080/x http://intranet:8080/",
     ("http://localhost:8080/x", "url.scheme", "url.scheme"), ("http://intranet:8080/", "url.scheme", "url.scheme"))
case("url: trailing '),' left out", "(docs: https://example.com/a_(b)/c),",
     ("https://example.com/a_(b)/c", "url.scheme", "url.scheme"))
case("email: a local part with a ccTLD-like label is not a bare domain", "jane.de@example.com",
     ("jane.de@example.com", "email.pattern", "email.pattern"))

out = {
    "description": "fieldguard::pii::recognize (scanPii), network tokens: IPv4/IPv6 (ports, parentheses, CIDR, zone ids, "
                   "'::', glued tails), MAC (broadcast/null), email (punycode, @2x image names), URL (host rule, credential "
                   "URLs, bare domains, quotes). Generated by tests/vectors/generators/pii_scan_network.py: offsets are UTF-16 "
                   "code units found from the expected substrings; scores are the documented base score plus the context bonus "
                   "(+10) from the table in src/pii/recognize/mod.rs.",
    "cases": cases,
}
with open("tests/vectors/pii-scan-network.json", "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
