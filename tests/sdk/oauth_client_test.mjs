// A standard OAuth 2 client library, openid-client (panva's, certified by the OpenID
// Foundation), unmodified, through fakezoom's user-level OAuth: authorization code with PKCE,
// refresh rotation, expiry and revoke, as an app that signs a Zoom user in would run them
// (issue 16, point 5). openid-client takes the endpoints as metadata, so it is pointed at
// fakezoom's base URL; the "browser" that follows the authorize redirect is this test.
//
// Usage: node oauth_client_test.mjs FAKEZOOM_EXE FIXTURES_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Issuer, generators, errors } from "openid-client";
import { startFakezoom } from "./fakezoom.mjs";

const [exe, fixtures] = process.argv.slice(2);
const app = { id: "fakezoom-user-app-client-id", secret: "fakezoom-user-app-client-secret" };
const redirectUri = "http://localhost:3000/callback";
const appUser = "Ana.Lopez+zoom@example.com";  // the shipped user app's user (fixtures/accounts.json)

let server;
let origin;
let issuer;

before(async () => {
  ({ child: server, origin } = await startFakezoom(exe, fixtures, ["--auth", "strict"]));
  issuer = new Issuer({
    issuer: "https://zoom.us",
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    revocation_endpoint: `${origin}/oauth/revoke`,
  });
});

after(() => server?.kill("SIGTERM"));

function confidentialClient() {
  return new issuer.Client({ client_id: app.id, client_secret: app.secret, redirect_uris: [redirectUri],
    response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" });
}

// A public client: PKCE and its client_id, no secret.
function publicClient() {
  return new issuer.Client({ client_id: app.id, redirect_uris: [redirectUri], response_types: ["code"],
    token_endpoint_auth_method: "none" });
}

// The user's browser: opens the authorization URL and hands back where Zoom redirects it.
async function authorize(client, { verifier = generators.codeVerifier(), state = generators.state() } = {}) {
  const url = client.authorizationUrl({ scope: "user:read", state,
    code_challenge: generators.codeChallenge(verifier), code_challenge_method: "S256" });
  const answer = await fetch(url, { redirect: "manual" });
  assert.equal(answer.status, 302, "fakezoom consents at once and redirects");
  return { params: client.callbackParams(answer.headers.get("location")), verifier, state };
}

async function me(accessToken) {
  const answer = await fetch(`${origin}/v2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: answer.status, body: await answer.json() };
}

test("authorization code with PKCE gets tokens whose me is the app's user", async () => {
  const client = confidentialClient();
  const { params, verifier, state } = await authorize(client);
  const tokens = await client.oauthCallback(redirectUri, params, { state, code_verifier: verifier });
  assert.equal(tokens.token_type, "bearer");
  assert.equal(tokens.expires_in, 3600);
  assert.ok(tokens.refresh_token);
  const answer = await me(tokens.access_token);
  assert.equal(answer.status, 200);
  assert.equal(answer.body.email, appUser);
});

test("a public client (no secret) is taken with its PKCE verifier, and refused with another", async () => {
  const client = publicClient();
  const good = await authorize(client);
  const tokens = await client.oauthCallback(redirectUri, good.params, { state: good.state, code_verifier: good.verifier });
  assert.equal((await me(tokens.access_token)).status, 200);

  const bad = await authorize(client);
  await assert.rejects(
    client.oauthCallback(redirectUri, bad.params, { state: bad.state, code_verifier: generators.codeVerifier() }),
    (error) => error instanceof errors.OPError && error.error === "invalid_grant");
});

test("a code is good once", async () => {
  const client = confidentialClient();
  const { params, verifier, state } = await authorize(client);
  await client.oauthCallback(redirectUri, params, { state, code_verifier: verifier });
  await assert.rejects(client.oauthCallback(redirectUri, params, { state, code_verifier: verifier }),
    (error) => error instanceof errors.OPError && error.error === "invalid_grant");
});

test("refresh rotates: the new refresh token works, the old one is invalid_grant", async () => {
  const client = confidentialClient();
  const { params, verifier, state } = await authorize(client);
  const first = await client.oauthCallback(redirectUri, params, { state, code_verifier: verifier });
  const second = await client.refresh(first.refresh_token);
  assert.notEqual(second.refresh_token, first.refresh_token);
  assert.notEqual(second.access_token, first.access_token);
  assert.equal((await me(second.access_token)).status, 200);
  await assert.rejects(client.refresh(first.refresh_token),
    (error) => error instanceof errors.OPError && error.error === "invalid_grant");
  const third = await client.refresh(second.refresh_token);
  assert.equal((await me(third.access_token)).body.email, appUser);
});

test("an access token expired through the admin API answers 'Access token is expired.' until refreshed", async () => {
  const client = confidentialClient();
  const { params, verifier, state } = await authorize(client);
  const tokens = await client.oauthCallback(redirectUri, params, { state, code_verifier: verifier });
  const expired = await fetch(`${origin}/__admin/oauth/tokens/expire`, { method: "POST",
    body: JSON.stringify({ access_token: tokens.access_token }) });
  assert.equal(expired.status, 200);
  const refused = await me(tokens.access_token);
  assert.equal(refused.status, 401);
  assert.deepEqual(refused.body, { code: 124, message: "Access token is expired." });
  const renewed = await client.refresh(tokens.refresh_token);
  assert.equal((await me(renewed.access_token)).status, 200);
});

test("revoke ends the access token and its refresh token", async () => {
  const client = confidentialClient();
  const { params, verifier, state } = await authorize(client);
  const tokens = await client.oauthCallback(redirectUri, params, { state, code_verifier: verifier });
  await client.revoke(tokens.access_token, "access_token");
  const refused = await me(tokens.access_token);
  assert.equal(refused.status, 401);
  assert.deepEqual(refused.body, { code: 124, message: "Invalid access token." });
  await assert.rejects(client.refresh(tokens.refresh_token),
    (error) => error instanceof errors.OPError && error.error === "invalid_grant");
});
