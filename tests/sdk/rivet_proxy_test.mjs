// Zoom's Node SDK, @zoom/rivet, unmodified, reaching fakezoom only through `fakezoom serve
// --proxy` (issue 16, points 4 and 5): rivet_app.mjs runs with HTTPS_PROXY and
// NODE_EXTRA_CA_CERTS, and rivet's own token calls to https://zoom.us and API calls to
// https://api.zoom.us are answered by fakezoom. This test plays the user's browser in the
// user-level OAuth flow and reads fakezoom's journal to see what rivet sent.
//
// Usage: node rivet_proxy_test.mjs FAKEZOOM_EXE FIXTURES_DIR MAKE_CERT
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeZoomCa, startFakezoom } from "./fakezoom.mjs";

const [exe, shippedFixtures, makeCert] = process.argv.slice(2);
const userAppId = "fakezoom-user-app-client-id";

let server;
let origin;
let app;
let callbackPort;

// A free loopback port for rivet's OAuth receiver.
const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

// The shipped fixtures, with the user app's redirect URI on the receiver's port.
function fixturesFor(port) {
  const dir = join(mkdtempSync(join(tmpdir(), "fakezoom-fixtures-")), "fixtures");
  cpSync(shippedFixtures, dir, { recursive: true });
  const file = join(dir, "accounts.json");
  const accounts = JSON.parse(readFileSync(file, "utf8"));
  for (const account of accounts.accounts)
    for (const candidate of account.apps)
      if (candidate.client_id === userAppId) candidate.redirect_uris.push(`http://localhost:${port}/callback`);
  writeFileSync(file, JSON.stringify(accounts));
  return dir;
}

// One request to the app and its one answer; the app ending first fails the test.
function ask(message) {
  return new Promise((resolve, reject) => {
    const ended = (code) => reject(new Error(`the rivet app exited with ${code} while asked ${message.run}`));
    app.once("exit", ended);
    app.once("message", (answer) => {
      app.off("exit", ended);
      resolve(answer);
    });
    app.send(message);
  });
}

async function journal() {
  const answer = await fetch(`${origin}/__admin/requests`);
  return (await answer.json()).requests.map((entry) => entry.request);
}

before(async () => {
  const { dir, ca } = makeZoomCa(makeCert);
  callbackPort = await freePort();
  ({ child: server, origin } = await startFakezoom(exe, fixturesFor(callbackPort), ["--auth", "strict", "--proxy", dir]));
  app = fork(new URL("./rivet_app.mjs", import.meta.url), [], {
    env: { ...process.env, HTTPS_PROXY: origin, NODE_EXTRA_CA_CERTS: ca, NO_PROXY: "" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
});

after(() => {
  app?.send({ run: "exit" });
  server?.kill("SIGTERM");
});

test("Server-to-Server: rivet's token from zoom.us and its calls to api.zoom.us are fakezoom's", async () => {
  const { me, created, read } = await ask({ run: "s2s" });
  assert.equal(me.status, 200, JSON.stringify(me));
  assert.match(me.data.email, /@example\.com$/);
  assert.equal(created.status, 201, JSON.stringify(created));
  assert.equal(read.data.topic, "Through the proxy");
  const requests = await journal();
  const token = requests.find((request) => request.url.startsWith("/oauth/token"));
  assert.ok(token, "rivet asked fakezoom for its token");
  assert.equal(token.headers.Host ?? token.headers.host, "zoom.us");
  assert.ok(requests.some((request) => request.url === "/v2/users/me" && (request.headers.Host ?? request.headers.host) === "api.zoom.us"));
});

test("user-level OAuth: rivet's installer, fakezoom's consent, rivet's code exchange, its refresh after expiry", async () => {
  assert.deepEqual(await ask({ run: "start", port: callbackPort }), { started: true });
  // The browser opens the app's install page and is sent to Zoom's authorize page.
  const install = await fetch(`http://localhost:${callbackPort}/zoom/oauth/install`, { redirect: "manual" });
  assert.equal(install.status, 302);
  const authorizeUrl = new URL(install.headers.get("location"));
  assert.equal(authorizeUrl.origin + authorizeUrl.pathname, "https://zoom.us/oauth/authorize");
  const cookie = install.headers.get("set-cookie").split(";")[0];
  // fakezoom plays zoom.us for the browser too (it consents at once) and sends it back to the app.
  const consent = await fetch(`${origin}/oauth/authorize${authorizeUrl.search}`, { redirect: "manual" });
  assert.equal(consent.status, 302);
  const callback = new URL(consent.headers.get("location"));
  assert.equal(callback.origin, `http://localhost:${callbackPort}`);
  const done = await fetch(callback, { headers: { cookie } });
  assert.equal(done.status, 200, "rivet exchanged the code for tokens through the proxy");

  const first = await ask({ run: "me" });
  assert.equal(first.status, 200, JSON.stringify(first));
  assert.equal(first.data.email, "Ana.Lopez+zoom@example.com", "me is the user who authorized the app");

  // rivet refreshes by its own clock, not on a 401: an access token Zoom expired early fails.
  const expired = await fetch(`${origin}/__admin/oauth/tokens/expire`, { method: "POST" });
  assert.equal(expired.status, 200);
  const refused = await ask({ run: "me" });
  assert.match(refused.error, /401|expired/i, JSON.stringify(refused));

  // Once its own hour is up, rivet refreshes through the proxy and gets a new refresh token.
  await ask({ run: "age" });
  const renewed = await ask({ run: "me" });
  assert.equal(renewed.status, 200, JSON.stringify(renewed));
  assert.notEqual(renewed.refreshToken, first.refreshToken);
  const grants = (await journal()).filter((request) => request.url.startsWith("/oauth/token"))
    .map((request) => new URLSearchParams(request.body).get("grant_type"));
  assert.ok(grants.includes("authorization_code") && grants.includes("refresh_token"), grants.join(","));
});
