// `fakezoom serve` for the Node tests: a child process on a free loopback port, and the throwaway
// Zoom CA that `--proxy` needs.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

// Resolves to { child, port, origin } once fakezoom prints where it listens.
export function startFakezoom(exe, fixtures, flags = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ["serve", "--fixtures", fixtures, "--port", "0", "--log", "off", ...flags],
      { stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    const early = (code) => reject(new Error(`fakezoom exited with ${code} before listening`));
    child.on("exit", early);
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        const event = JSON.parse(line);
        if (event.event !== "listening") return;
        child.off("exit", early);
        resolve({ child, port: event.port, origin: `http://127.0.0.1:${event.port}` });
      } catch { /* not a JSON line */ }
    });
  });
}

// scripts/make-cert --zoom in a fresh folder: { dir, ca }.
export function makeZoomCa(makeCert) {
  const dir = mkdtempSync(join(tmpdir(), "fakezoom-ca-"));
  execFileSync(makeCert, ["--zoom", dir], { stdio: "ignore" });
  return { dir, ca: join(dir, "ca.pem") };
}
