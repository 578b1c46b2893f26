#!/usr/bin/env python3
"""Summarises `jfr print --stack-depth 64 --events jdk.ExecutionSample` output (docs/bench/lifecycle.md):
the top frames (self time), the OneStop methods by inclusive share, and the share of samples whose stack
holds a marker (PostgreSQL driver, PDF, password hash, JSON, engine...)."""
import collections
import re
import sys

MARKERS = [
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("MyBatis (engine SQL mapping)", "org.apache.ibatis."),
    ("Camunda engine", "org.camunda.bpm.engine.impl."),
    ("Camunda REST", "org.camunda.bpm.engine.rest."),
    ("PDF (PDFBox/OpenPDF)", "pdfbox"),
    ("signing (vn.onestop.signing)", "vn.onestop.signing."),
    ("password hash", "PasswordEncryptor"),
    ("HTTP Basic (vn.onestop.security)", "vn.onestop.security."),
    ("Jackson", "com.fasterxml.jackson."),
    ("Spring Security", "org.springframework.security."),
    ("Tomcat", "org.apache.catalina."),
    ("vn.onestop (any)", "vn.onestop."),
]


def samples(path):
    stack, inside = [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("stackTrace = ["):
                stack, inside = [], True
            elif inside and s == "]":
                inside = False
                yield stack
            elif inside and s and s != "...":
                stack.append(re.sub(r"\s+line:.*$", "", s))


def main(path):
    total = 0
    top = collections.Counter()
    onestop = collections.Counter()
    marked = collections.Counter()
    for stack in samples(path):
        total += 1
        if stack:
            top[stack[0]] += 1
        for m in {f for f in stack if f.startswith("vn.onestop.") and ".bench." not in f}:
            onestop[m] += 1
        joined = "\n".join(stack)
        for name, marker in MARKERS:
            if marker in joined:
                marked[name] += 1
    print(f"{total} execution samples")
    print("\nshare of samples whose stack holds:")
    for name, _ in MARKERS:
        print(f"  {100.0 * marked[name] / max(total, 1):5.1f} %  {name}")
    print("\ntop frames (self):")
    for frame, n in top.most_common(25):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")
    print("\nOneStop methods (inclusive):")
    for frame, n in onestop.most_common(40):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main(sys.argv[1])
