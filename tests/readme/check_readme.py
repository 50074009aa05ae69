#!/usr/bin/env python3
"""Runs the README's checked curl commands against `fakezoom serve` and compares each answer
with the status and Zoom code its comment gives, so the front page never drifts from the binary.

  check_readme.py README FAKEZOOM_EXE FIXTURES_DIR

A checked block is a ```sh block right after the line `<!-- checked by tests/readme -->`. Each
command in it (continued with a trailing backslash) is run once, in order, by bash, with
http://127.0.0.1:8080 pointing at a fresh server on a free port. Its comment (after "  # " on
the same line, or the lines starting with "# " that follow) must name the HTTP status, e.g.
"# 201 {...}" or "# HTTP 400 {...}", and may name Zoom's code as `"code":1001` or `code 1001`.
Exits 0 when every command answers as written, 1 naming each one that does not, 2 on usage.
"""
import json
import re
import subprocess
import sys
import tempfile

MARK = "<!-- checked by tests/readme -->"


def commands(readme):
    """(line number, command, comment) for every command of every checked block."""
    lines = readme.splitlines()
    found = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != MARK:
            i += 1
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```sh"):
            raise SystemExit(f"README:{i + 1}: {MARK} must come right before a ```sh block")
        i += 2
        block = []
        while i < len(lines) and not lines[i].startswith("```"):
            block.append((i + 1, lines[i]))
            i += 1
        j = 0
        while j < len(block):
            number, text = block[j]
            if not text.strip() or text.lstrip().startswith("#"):
                j += 1
                continue
            command = text
            while command.endswith("\\") and j + 1 < len(block):
                j += 1
                command = command[:-1] + " " + block[j][1].strip()
            comment = ""
            if "  # " in command:
                command, comment = command.split("  # ", 1)
            while j + 1 < len(block) and block[j + 1][1].lstrip().startswith("# "):
                j += 1
                comment += " " + block[j][1].lstrip()[2:]
            found.append((number, command.strip(), comment.strip()))
            j += 1
    return found


def expected(comment):
    status = re.search(r"\b([1-5]\d\d)\b", comment)
    code = re.search(r'"code":\s*(\d+)|\bcode (\d+)', comment)
    return (int(status.group(1)) if status else None,
            int(code.group(1) or code.group(2)) if code else None)


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    readme_path, exe, fixtures = argv[1:]
    with open(readme_path, encoding="utf-8") as f:
        checked = commands(f.read())
    if not checked:
        print(f"check_readme: {readme_path} has no checked blocks", file=sys.stderr)
        return 1

    server = subprocess.Popen([exe, "serve", "--fixtures", fixtures, "--port", "0", "--log", "off"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = None
        for line in server.stdout:
            if line.startswith("{"):
                event = json.loads(line)
                if event.get("event") == "listening":
                    port = event["port"]
                    break
        if port is None:
            print("check_readme: fakezoom serve did not start", file=sys.stderr)
            return 1
        failures = 0
        with tempfile.NamedTemporaryFile() as body_file:
            for number, command, comment in checked:
                want_status, want_code = expected(comment)
                where = f"README.md:{number}: {command}"
                if want_status is None:
                    print(f"FAIL {where}\n     its comment names no HTTP status: {comment!r}")
                    failures += 1
                    continue
                run = command.replace("http://127.0.0.1:8080", f"http://127.0.0.1:{port}")
                run += f" -s -o {body_file.name} -w '%{{http_code}}'"
                done = subprocess.run(["bash", "-c", run], capture_output=True, text=True, timeout=30)
                with open(body_file.name, encoding="utf-8", errors="replace") as f:
                    body = f.read()
                got_status = int(done.stdout[-3:]) if done.stdout[-3:].isdigit() else None
                got_code = None
                try:
                    parsed = json.loads(body) if body else None
                    if isinstance(parsed, dict) and isinstance(parsed.get("code"), int):
                        got_code = parsed["code"]
                except ValueError:
                    pass
                if got_status != want_status or (want_code is not None and got_code != want_code):
                    print(f"FAIL {where}\n     README says {want_status}" +
                          (f" code {want_code}" if want_code is not None else "") +
                          f"; fakezoom answered {got_status}: {body[:300]}")
                    failures += 1
                else:
                    print(f"ok   {where}")
        print(f"check_readme: {len(checked) - failures} of {len(checked)} commands answer as the README says")
        return 1 if failures else 0
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
