import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";

// PUT /api/v1/auth/me (updateCurrentUser)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const put = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/auth/me", { method: "PUT", headers, json });

describe("updateCurrentUser: happy", () => {
  it("updates only the given fields and null clears one", async () => {
    const user = await t.createUser();
    const first = await put(t.as(user), { full_name: "Ada King", title: "CTO", phone: "+1 555 0100", bio: "Engines." });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ full_name: "Ada King", title: "CTO", phone: "+1 555 0100", bio: "Engines." });
    const second = await put(t.as(user), { title: null, avatar_url: "https://cdn.example.com/a.png" });
    expect(await second.json()).toMatchObject({
      full_name: "Ada King",
      title: null,
      phone: "+1 555 0100",
      avatar_url: "https://cdn.example.com/a.png",
    });
  });
});

describe("updateCurrentUser: error", () => {
  it.each([
    ["an empty name", { full_name: "" }, "json.full_name"],
    ["a non-http avatar_url", { avatar_url: "javascript:alert(1)" }, "json.avatar_url"],
    ["an unknown field", { is_superuser: true }, "json"],
    ["a wrong type", { bio: 42 }, "json.bio"],
  ])("answers 422 for %s", async (_label, json, field) => {
    const user = await t.createUser();
    const body = await expectProblem(await put(t.as(user), json), 422);
    expect((body.errors as Array<{ field: string }>).some((e) => e.field.startsWith(field))).toBe(true);
  });
});

describe("updateCurrentUser: security", () => {
  it("answers 401 without credentials", async () => {
    await expectProblem(await put({}, { full_name: "X" }), 401);
  });

  it("cannot set avatar_url to a storage key (another user's picture) nor change the email", async () => {
    const user = await t.createUser();
    await expectProblem(await put(t.as(user), { avatar_url: "ws/users/profile-image/x.png" }), 422);
    await expectProblem(await put(t.as(user), { email: "new@example.test" }), 422);
    const me = await (await t.request("/api/v1/auth/me", { headers: t.as(user) })).json();
    expect(me.email).toBe(user.email);
  });
});
