#!/usr/bin/env python3
"""Run a command; print its wall time and peak RSS as one line: `wall_s=12.345 maxrss_kib=20480 rc=0`.

Usage: python3 benches/measure.py [--log FILE] -- COMMAND [ARG...]

Peak RSS is resource.getrusage(RUSAGE_CHILDREN).ru_maxrss after the command ends: the largest
resident set of any process waited for, which is the command itself (this wrapper starts no
other child). The command's stdout and stderr go to --log (default: inherited), so the numbers
are the only output and a script can parse them. The exit status is the command's.
"""
import argparse
import resource
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not cmd:
        ap.error("no command")
    log = open(a.log, "w") if a.log else None
    t0 = time.perf_counter()
    rc = subprocess.call(cmd, stdout=log, stderr=log)
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(f"wall_s={dt:.3f} maxrss_kib={rss} rc={rc}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
