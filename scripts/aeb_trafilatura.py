#!/usr/bin/env python3
"""Runs Python trafilatura on the article-extraction-benchmark pages.

Usage: aeb_trafilatura.py AEB_DIR OUTPUT_JSON
Writes {id: {"articleBody": text}} and prints the CPU seconds spent reading,
decompressing and extracting (imports excluded), like the Rust example.
"""
import gzip
import json
import sys
import time
from pathlib import Path

import trafilatura


def main() -> None:
    aeb_dir, output = Path(sys.argv[1]), Path(sys.argv[2])
    pages = sorted((aeb_dir / "html").glob("*.html.gz"))
    start = time.process_time()
    results = {}
    failures = 0
    for page in pages:
        with gzip.open(page, "rb") as f:
            html = f.read()
        body = trafilatura.extract(html, include_comments=False)
        if body is None:
            failures += 1
            body = ""
        results[page.name[: -len(".html.gz")]] = {"articleBody": body}
    cpu = time.process_time() - start
    output.write_text(json.dumps(results))
    print(f"pages {len(pages)} failures {failures} cpu_seconds {cpu:.3f} "
          f"pages_per_cpu_second {len(pages) / max(cpu, 1e-9):.1f}")


if __name__ == "__main__":
    main()
