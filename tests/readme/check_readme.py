#!/usr/bin/env python3
"""Runs the checked curl commands of the README and of every page in docs/ against `fakezoom
serve` and compares each answer with the status and Zoom code its comment gives, so the pages
never drift from the binary.

  check_readme.py README DOCS_DIR FAKEZOOM_EXE FAKEZOOM_CLIENT_EXE FIXTURES_DIR

A checked block is a ```sh block right after the line `<!-- checked by tests/readme -->`. Each
command in it (continued with a trailing backslash) is run once, in order, by bash, with
http://127.0.0.1:8080 pointing at a server on a free port (one per page) and $A at its
/__admin. Its comment (after "  # " on the same line, or the lines starting with "# " that
follow) must name the HTTP status, e.g. "# 201 {...}" or "# HTTP 400 {...}", and may name
Zoom's code as `"code":1001` or `code 1001`; "# curl: (56) ..." expects curl to fail with that
exit code instead. A line `fakezoom serve FLAGS &` (or `scripts/serve FLAGS`) starts that
page's server afresh with those flags (the port is the checker's); any other command
(`scripts/make-cert`, `fakezoom-client`) must exit 0. A page's commands run in a scratch folder. Exits 0 when every command answers as written, 1
naming each one that does not, 2 on usage.
"""
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

MARK = "<!-- checked by tests/readme -->"


def commands(text, name):
    """(line number, command, comment) for every command of every checked block."""
    lines = text.splitlines()
    found = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != MARK:
            i += 1
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```sh"):
            raise SystemExit(f"{name}:{i + 1}: {MARK} must come right before a ```sh block")
        i += 2
        block = []
        while i < len(lines) and not lines[i].startswith("```"):
            block.append((i + 1, lines[i]))
            i += 1
        j = 0
        while j < len(block):
            number, text = block[j]
            # Blank lines, comments and `A=...` (the checker sets $A itself) are not commands.
            if not text.strip() or text.lstrip().startswith("#") or re.fullmatch(r"[A-Z_]+=\S+", text.strip()):
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
    """(status, Zoom code, curl exit code) the comment names."""
    failure = re.search(r"curl: \((\d+)\)", comment)
    if failure:
        return None, None, int(failure.group(1))
    status = re.search(r"\b([1-5]\d\d)\b", comment)
    code = re.search(r'"code":\s*(\d+)|\bcode (\d+)', comment)
    return (int(status.group(1)) if status else None,
            int(code.group(1) or code.group(2)) if code else None, None)


class Server:
    """`fakezoom serve` on a free port, with a page's flags."""

    def __init__(self, exe, fixtures, flags, cwd):
        self.flags = flags
        args = [exe, "serve", "--fixtures", fixtures, "--port", "0", "--log", "off"] + flags
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd)
        self.port = None
        for line in self.process.stdout:
            if line.startswith("{"):
                event = json.loads(line)
                if event.get("event") == "listening":
                    self.port = event["port"]
                    break

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def serve_flags(command):
    """The flags of a `fakezoom serve ... &` (or `scripts/serve ...`) line, or None when the
    command is not one."""
    if not command.startswith("fakezoom serve") and not command.startswith("scripts/serve"):
        return None
    words = shlex.split(command.rstrip("&").strip())
    return words[2:] if words[0] == "fakezoom" else words[1:]


def check_page(path, tools):
    """(commands run, failures) for one page. Commands run in a scratch folder of their own."""
    with open(path, encoding="utf-8") as f:
        checked = commands(f.read(), path)
    if not checked:
        return 0, 0
    name = os.path.relpath(path)
    workdir = tempfile.TemporaryDirectory()
    exe, fixtures = tools["fakezoom"], tools["fixtures"]
    server = Server(exe, fixtures, [], workdir.name)
    failures = 0
    try:
        with tempfile.NamedTemporaryFile() as body_file:
            for number, command, comment in checked:
                where = f"{name}:{number}: {command}"
                flags = serve_flags(command)
                if flags is not None:
                    server.stop()
                    server = Server(exe, fixtures, flags, workdir.name)
                    ok = server.port is not None
                    print(("ok   " if ok else "FAIL ") + where + ("" if ok else "\n     fakezoom serve did not start"))
                    failures += not ok
                    continue
                if server.process.poll() is not None:  # a page's /__admin/shutdown ended it
                    server = Server(exe, fixtures, server.flags, workdir.name)
                if server.port is None:
                    print(f"FAIL {where}\n     fakezoom serve did not start")
                    failures += 1
                    continue
                run = re.sub(r"(https?://127\.0\.0\.1):8080", rf"\1:{server.port}", command)
                if not command.startswith("curl "):
                    # A project command (scripts/make-cert, fakezoom-client): it must succeed.
                    run = re.sub(r"^scripts/", tools["root"] + "/scripts/", run)
                    run = re.sub(r"^build/\S*/fakezoom-client", tools["client"], run)
                    done = subprocess.run(["bash", "-c", run], capture_output=True, text=True, timeout=60,
                                          cwd=workdir.name)
                    if done.returncode != 0:
                        print(f"FAIL {where}\n     exited {done.returncode}: {(done.stderr or done.stdout)[:300]}")
                        failures += 1
                    else:
                        print(f"ok   {where}")
                    continue
                want_status, want_code, want_exit = expected(comment)
                if want_status is None and want_exit is None:
                    print(f"FAIL {where}\n     its comment names no HTTP status: {comment!r}")
                    failures += 1
                    continue
                run += f" -s -o {body_file.name} -w '%{{http_code}}'"
                env = dict(os.environ, A=f"http://127.0.0.1:{server.port}/__admin")
                done = subprocess.run(["bash", "-c", run], capture_output=True, text=True, timeout=30, env=env,
                                      cwd=workdir.name)
                with open(body_file.name, encoding="utf-8", errors="replace") as f:
                    body = f.read()
                if "/shutdown" in command:
                    server.process.wait(timeout=10)
                if want_exit is not None:
                    if done.returncode != want_exit:
                        print(f"FAIL {where}\n     the page says curl fails with ({want_exit}); it exited {done.returncode}")
                        failures += 1
                    else:
                        print(f"ok   {where}")
                    continue
                got_status = int(done.stdout[-3:]) if done.stdout[-3:].isdigit() else None
                got_code = None
                try:
                    parsed = json.loads(body) if body else None
                    if isinstance(parsed, dict) and isinstance(parsed.get("code"), int):
                        got_code = parsed["code"]  # Zoom's shape
                    elif isinstance(parsed, dict) and parsed.get("errors"):
                        got_code = parsed["errors"][0].get("code")  # WireMock's, on the admin API
                except ValueError:
                    pass
                if got_status != want_status or (want_code is not None and got_code != want_code):
                    print(f"FAIL {where}\n     the page says {want_status}" +
                          (f" code {want_code}" if want_code is not None else "") +
                          f"; fakezoom answered {got_status}: {body[:300]}")
                    failures += 1
                else:
                    print(f"ok   {where}")
    finally:
        server.stop()
        workdir.cleanup()
    return len(checked), failures


def main(argv):
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    readme, docs, exe, client, fixtures = argv[1:]
    tools = {"fakezoom": os.path.abspath(exe), "client": os.path.abspath(client),
             "fixtures": os.path.abspath(fixtures), "root": os.path.dirname(os.path.abspath(readme))}
    pages = [readme] + sorted(glob.glob(os.path.join(docs, "*.md")))
    total = failures = 0
    for page in pages:
        n, failed = check_page(page, tools)
        total += n
        failures += failed
    if not total:
        print(f"check_readme: {readme} and {docs} have no checked blocks", file=sys.stderr)
        return 1
    print(f"check_readme: {total - failures} of {total} commands answer as their pages say")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
