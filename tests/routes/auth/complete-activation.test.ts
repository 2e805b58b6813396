import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { activationTokenFor, expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";

// POST /api/v1/auth/activation/complete (completeActivation)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const complete = (json: unknown) => t.request("/api/v1/auth/activation/complete", { method: "POST", json });

describe("completeActivation: happy", () => {
  it("sets the password, verifies the email, signs in; the user can then log in", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    const res = await complete({ token, workspace_id: workspace.id, password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      token_type: "bearer",
      user: { id: invited.id, is_activated: true, email_verified: true },
      member: { workspace_id: workspace.id, role: "member" },
    });
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status).toBe(200);
    const login = await t.request("/api/v1/auth/login", { method: "POST", json: { email: invited.email, password: GOOD_PASSWORD } });
    expect(login.status).toBe(200);
  });
});

describe("completeActivation: error", () => {
  it("answers 422 naming the password when it is too short, and the link still works afterwards", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    const body = await expectProblem(await complete({ token, workspace_id: workspace.id, password: "short" }), 422);
    expect(JSON.stringify(body.errors)).toContain("password");
    expect((await complete({ token, workspace_id: workspace.id, password: GOOD_PASSWORD })).status).toBe(200);
  });

  it("answers 401 for an unknown token and 422 for a malformed workspace_id", async () => {
    await expectProblem(await complete({ token: "nope", workspace_id: workspace.id, password: GOOD_PASSWORD }), 401, "invalid_activation_token");
    await expectProblem(await complete({ token: "nope", workspace_id: "x", password: GOOD_PASSWORD }), 422);
  });
});

describe("completeActivation: security", () => {
  it("a link works once", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    expect((await complete({ token, workspace_id: workspace.id, password: GOOD_PASSWORD })).status).toBe(200);
    await expectProblem(await complete({ token, workspace_id: workspace.id, password: "another password" }), 401);
  });

  it("a token is refused with another workspace's id and is not used up by the attempt", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    const other = await t.createWorkspace();
    await expectProblem(await complete({ token, workspace_id: other.id, password: GOOD_PASSWORD }), 401);
    expect((await complete({ token, workspace_id: workspace.id, password: GOOD_PASSWORD })).status).toBe(200);
  });
});
