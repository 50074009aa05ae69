// An integrator's app built on Zoom's Node SDK, @zoom/rivet, written as rivet's docs show: it
// knows only Zoom's hosts (rivet has no option for its token host) and reaches fakezoom
// because it runs with HTTPS_PROXY and NODE_EXTRA_CA_CERTS set, as `fakezoom serve --proxy`
// asks. rivet_proxy_test.mjs forks it and drives it over the IPC channel: each message
// {run, ...} is answered with one message of what rivet returned.
import { UsersOAuthClient, UsersS2SAuthClient } from "@zoom/rivet/users";
import { MeetingsS2SAuthClient } from "@zoom/rivet/meetings";

const s2s = { clientId: "fakezoom-admin-client-id", clientSecret: "fakezoom-admin-client-secret",
  accountId: "fakezoom-account-1", disableReceiver: true };
const userApp = { clientId: "fakezoom-user-app-client-id", clientSecret: "fakezoom-user-app-client-secret" };

// rivet's documented tokenStore option; `age` makes the app believe its hour is up.
const store = {
  token: undefined,
  getLatestToken() { return this.token; },
  storeToken(token) { this.token = token; },
};
let oauth;

const outcome = async (call) => {
  try {
    const answer = await call();
    return { status: answer.statusCode, data: answer.data };
  } catch (error) {
    return { error: `${error.message} ${error.cause?.message ?? ""}`.trim() };
  }
};

const handlers = {
  async s2s() {
    const users = new UsersS2SAuthClient(s2s);
    const meetings = new MeetingsS2SAuthClient(s2s);
    const me = await outcome(() => users.endpoints.users.getUser({ path: { userId: "me" } }));
    const created = await outcome(() => meetings.endpoints.meetings.createMeeting({
      path: { userId: "me" }, body: { topic: "Through the proxy", type: 2, duration: 30 } }));
    const read = created.data ? await outcome(() => meetings.endpoints.meetings.getMeeting({
      path: { meetingId: created.data.id } })) : created;
    return { me, created, read };
  },
  async start({ port }) {
    // rivet's receiver also takes webhooks and will not start without their secret.
    oauth = new UsersOAuthClient({ ...userApp, tokenStore: store, port, webhooksSecretToken: "unused-here",
      installerOptions: { redirectUri: `http://localhost:${port}`, redirectUriPath: "/callback",
        stateStore: "fakezoom-rivet-test-state-secret", directInstall: true } });
    await oauth.start();
    return { started: true };
  },
  async me() {
    const me = await outcome(() => oauth.endpoints.users.getUser({ path: { userId: "me" } }));
    return { ...me, refreshToken: store.token?.refreshToken };
  },
  async age() {
    store.token.expirationTimeIso = new Date().toISOString();
    return { aged: true };
  },
};

process.on("message", async (message) => {
  if (message.run === "exit") process.exit(0);
  process.send(await handlers[message.run](message));
});
