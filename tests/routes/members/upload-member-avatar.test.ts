import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { avatarForm, pngBytes } from "./member-test-helpers.ts";

// POST /api/v1/members/{member_id}/avatar (uploadMemberAvatar)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const upload = (id: string, headers: Record<string, string>, body: FormData | string) =>
  t.request(`/api/v1/members/${id}/avatar`, { method: "POST", headers, body });

describe("uploadMemberAvatar: happy", () => {
  it("stores the member's own avatar, serves it through a signed URL and shows it on the member", async () => {
    const member = await t.addMember(workspace, "member");
    // The declared name and type are ignored: the bytes decide.
    const res = await upload(member.id, t.as(member, workspace), avatarForm(pngBytes, "photo.txt", "text/plain"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ member_id: member.id, content_type: "image/png", size: pngBytes.length, expires_in: 3600 });
    const file = await t.app.request(new URL(body.avatar_url).pathname + new URL(body.avatar_url).search);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pngBytes);
    const me = await (await t.request("/api/v1/members/me", { headers: t.as(member, workspace) })).json();
    expect(me.avatar_url).toContain(`/avatars/${member.id}/`);
  });

  it("an admin may upload for another member", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "viewer");
    expect((await upload(member.id, t.as(admin, workspace), avatarForm(pngBytes))).status).toBe(200);
  });
});

describe("uploadMemberAvatar: error", () => {
  it("answers 415 for a file that is not an image", async () => {
    const res = await upload(workspace.owner.id, t.as(workspace.owner, workspace), avatarForm(new TextEncoder().encode("hello"), "a.png"));
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 413 for an image over 5 MB", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pngBytes);
    expect((await upload(workspace.owner.id, t.as(workspace.owner, workspace), avatarForm(big))).status).toBe(413);
  });

  it("answers 422 without a file", async () => {
    const form = new FormData();
    form.append("other", "x");
    const res = await upload(workspace.owner.id, t.as(workspace.owner, workspace), form);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("uploadMemberAvatar: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await upload(workspace.owner.id, { "x-workspace-id": workspace.id }, avatarForm(pngBytes))).status).toBe(401);
  });

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    expect((await upload(other.owner.id, t.as(workspace.owner, workspace), avatarForm(pngBytes))).status).toBe(404);
  });

  it("an admin cannot change the owner's avatar (403)", async () => {
    const admin = await t.addMember(workspace, "admin");
    expect((await upload(workspace.owner.id, t.as(admin, workspace), avatarForm(pngBytes))).status).toBe(403);
  });

  it.each([
    ["member", 403],
    ["viewer", 403],
  ] as const)("a %s uploading for someone else gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await upload(target.id, t.as(user, workspace), avatarForm(pngBytes))).status).toBe(status);
  });
});
