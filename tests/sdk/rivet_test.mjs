// Zoom's own Node SDK, @zoom/rivet, unmodified, against `fakezoom serve` on the shipped
// fixtures: the account remembers what the SDK creates (issue 12, point 5).
//
// rivet fetches its token from https://zoom.us/oauth/token, a host it does not let a caller
// change, so the test fetches the token from fakezoom itself (with the shipped admin app's
// credentials) and hands it to rivet through rivet's documented tokenStore option; the API
// calls go through rivet's own baseUrl option.
//
// Usage: node rivet_test.mjs FAKEZOOM_EXE FIXTURES_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { UsersS2SAuthClient } from "@zoom/rivet/users";
import { MeetingsS2SAuthClient } from "@zoom/rivet/meetings";
import { startFakezoom } from "./fakezoom.mjs";

const [exe, fixtures] = process.argv.slice(2);
const app = { id: "fakezoom-admin-client-id", secret: "fakezoom-admin-client-secret" };
const accountId = "fakezoom-account-1";

let server;
let origin;

// A token store holding one token fetched from fakezoom's own /oauth/token.
async function tokenStoreFromFakezoom() {
  const basic = Buffer.from(`${app.id}:${app.secret}`).toString("base64");
  const answer = await fetch(`${origin}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "account_credentials", account_id: accountId }),
  });
  assert.equal(answer.status, 200, "fakezoom's /oauth/token answers the shipped admin app");
  const token = await answer.json();
  const stored = {
    accessToken: token.access_token,
    expirationTimeIso: new Date(Date.now() + token.expires_in * 1000).toISOString(),
    scopes: token.scope.split(" "),
  };
  return { getLatestToken: () => stored, storeToken: () => {} };
}

function options(tokenStore) {
  return { clientId: app.id, clientSecret: app.secret, accountId, tokenStore, baseUrl: `${origin}/v2`,
    disableReceiver: true };
}

before(async () => {
  ({ child: server, origin } = await startFakezoom(exe, fixtures, ["--auth", "strict"]));
});

after(() => server?.kill("SIGTERM"));

test("users.getUser('me') answers 200 with the token's user", async () => {
  const users = new UsersS2SAuthClient(options(await tokenStoreFromFakezoom()));
  const me = await users.endpoints.users.getUser({ path: { userId: "me" } });
  assert.equal(me.statusCode, 200);
  assert.equal(typeof me.data.id, "string");
  assert.match(me.data.email, /@/);
});

test("a user created through the SDK can be read back, and is gone once deleted", async () => {
  const users = new UsersS2SAuthClient(options(await tokenStoreFromFakezoom()));
  const email = `rivet-${process.pid}@example.com`;
  const created = await users.endpoints.users.createUsers({
    body: { action: "create", user_info: { email, type: 1, first_name: "Riv", last_name: "Et" } },
  });
  assert.equal(created.statusCode, 201);
  const read = await users.endpoints.users.getUser({ path: { userId: created.data.id } });
  assert.equal(read.data.email, email);
  assert.equal(read.data.first_name, "Riv");

  const deleted = await users.endpoints.users.deleteUser({ path: { userId: created.data.id }, query: { action: "delete" } });
  assert.equal(deleted.statusCode, 204);
  await assert.rejects(users.endpoints.users.getUser({ path: { userId: created.data.id } }), /\[404\/1001\]/);
});

test("a meeting created through the SDK can be read back, and is gone once deleted", async () => {
  const meetings = new MeetingsS2SAuthClient(options(await tokenStoreFromFakezoom()));
  const created = await meetings.endpoints.meetings.createMeeting({
    path: { userId: "me" }, body: { topic: "Rivet standup", type: 2, duration: 15 },
  });
  assert.equal(created.statusCode, 201);
  assert.equal(typeof created.data.id, "number");
  const read = await meetings.endpoints.meetings.getMeeting({ path: { meetingId: created.data.id } });
  assert.equal(read.data.topic, "Rivet standup");
  assert.equal(read.data.duration, 15);

  const deleted = await meetings.endpoints.meetings.deleteMeeting({ path: { meetingId: created.data.id } });
  assert.equal(deleted.statusCode, 204);
  await assert.rejects(meetings.endpoints.meetings.getMeeting({ path: { meetingId: created.data.id } }), /\[404\/3001\]/);
});
