#!/usr/bin/env python3
"""Run a command; print its wall time, CPU time and peak RSS as one line:
`wall_s=12.345 cpu_s=20.100 maxrss_kib=20480 rc=0`.

Usage: python3 benches/measure.py [--log FILE] -- COMMAND [ARG...]

Peak RSS is resource.getrusage(RUSAGE_CHILDREN).ru_maxrss after the command ends: the largest
resident set of any process waited for, which is the command itself (this wrapper starts no
other child). CPU time is the child's user + system time: CPU / wall above 1 shows how much
of the run was parallel (on a shared machine, wall time also counts waiting for a core). The command's stdout and stderr go to --log (default: inherited), so the numbers
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
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"wall_s={dt:.3f} cpu_s={cpu:.3f} maxrss_kib={usage.ru_maxrss} rc={rc}")  # KiB on Linux
    return rc


if __name__ == "__main__":
    sys.exit(main())
