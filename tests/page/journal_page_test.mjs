// The journal page (GET /__admin/) in Debian's headless Chromium: load it, send requests to
// fakezoom, and find them in the page's DOM as they arrive, without reloading it.
//
// Usage: node journal_page_test.mjs FAKEZOOM_EXE FIXTURES_DIR CHROMIUM [SCREENSHOT.png]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const [exe, fixtures, chromiumPath, screenshot] = process.argv.slice(2);
const adminToken = "page-test-token";

let server;
let origin;
let browser;

function startFakezoom() {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ["serve", "--fixtures", fixtures, "--port", "0", "--admin-token", adminToken, "--log", "off"],
      { stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`fakezoom exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        const event = JSON.parse(line);
        if (event.event === "listening") resolve({ child, port: event.port });
      } catch { /* not a JSON line */ }
    });
  });
}

function call(method, path, body) {
  const headers = { Authorization: "Bearer t" };
  if (body) headers["Content-Type"] = "application/json";
  return fetch(origin + path, { method, headers, body: body && JSON.stringify(body) });
}

before(async () => {
  const started = await startFakezoom();
  server = started.child;
  origin = `http://127.0.0.1:${started.port}`;
  // The flags keep Chromium from reaching for Google's hosts (this machine's network is closed).
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("without the admin token the page is refused, and a browser is asked for it", async () => {
  const answer = await fetch(`${origin}/__admin/`);
  assert.equal(answer.status, 401);
  assert.match(answer.headers.get("www-authenticate"), /^Basic /);
  // A headless browser has nobody to ask: its navigation ends on the challenge.
  const context = await browser.newContext();
  const page = await context.newPage();
  await assert.rejects(page.goto(`${origin}/__admin/`), /ERR_INVALID_AUTH_CREDENTIALS/);
  await context.close();
});

test("requests appear in the page as they arrive, unmatched ones and near misses marked", async () => {
  const context = await browser.newContext({ httpCredentials: { username: "admin", password: adminToken } });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => fetched.push(request.url()));
  const answer = await page.goto(`${origin}/__admin/`);
  assert.equal(answer.status(), 200);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("updated"));
  const meetingsBefore = Number(await page.textContent("#count-meetings"));

  assert.equal((await call("GET", "/v2/users/me/token?type=zak&ttl=3600")).status, 200);
  assert.equal((await call("GET", "/v2/users/me/tokn")).status, 404);
  assert.equal((await call("POST", "/v2/users/me/meetings", { topic: "Page test" })).status, 201);

  const seed = page.locator("tr.request", { hasText: "/v2/users/me/token?type=zak&ttl=3600" });
  await seed.waitFor();  // the page polls: no reload
  assert.match(await seed.textContent(), /200/);
  assert.equal(await seed.evaluate((row) => row.classList.contains("unmatched") || row.classList.contains("near-miss")), false);

  const miss = page.locator("tr.request.near-miss", { hasText: "/v2/users/me/tokn" });
  await miss.waitFor();
  assert.match(await miss.textContent(), /near miss: GET \/v2\/users\/\{userId\}\/token \(path segment 4: expected token, got tokn\)/);

  const created = page.locator("tr.request", { hasText: "/v2/users/me/meetings" });
  await created.waitFor();
  assert.match(await created.textContent(), /201/);
  await page.waitForFunction((before) => Number(document.getElementById("count-meetings").textContent) === before + 1,
    meetingsBefore);
  assert.equal(await page.textContent("#count-requests"), "3");

  // Self-contained: everything the page fetched came from fakezoom itself.
  for (const url of fetched) assert.ok(url.startsWith(origin + "/__admin/"), `the page fetched ${url}`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
});
