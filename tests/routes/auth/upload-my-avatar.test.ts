import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { avatarForm, expectProblem, PNG_BYTES } from "./account-test-helpers.ts";

// POST /api/v1/auth/me/avatar (uploadMyAvatar)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const upload = (headers: Record<string, string>, body: FormData | string) =>
  t.request("/api/v1/auth/me/avatar", { method: "POST", headers, body });

describe("uploadMyAvatar: happy", () => {
  it("stores the picture under ws/users/profile-image/, and avatar_url is a working signed URL", async () => {
    const user = await t.createUser();
    const res = await upload(t.as(user), avatarForm(PNG_BYTES));
    expect(res.status).toBe(200);
    const body = await res.json();
    const url = new URL(body.avatar_url);
    expect(url.pathname).toMatch(/\/ws\/users\/profile-image\/[0-9a-f-]{36}\.png$/);
    const download = await t.request(url.pathname + url.search);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG_BYTES);
    const row = await t.database.db.selectFrom("users").select("avatar_url").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.avatar_url).toMatch(/^ws\/users\/profile-image\//);
    // Each read signs afresh.
    const me = await (await t.request("/api/v1/auth/me", { headers: t.as(user) })).json();
    expect(new URL(me.avatar_url).pathname).toBe(url.pathname);
  });

  it("recognises JPEG, GIF and WebP by content, whatever the declared type", async () => {
    const user = await t.createUser();
    const samples: Array<[Uint8Array, string]> = [
      [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "jpg"],
      [new TextEncoder().encode("GIF89a\x01\x00\x01\x00"), "gif"],
      [new TextEncoder().encode("RIFF\x10\x00\x00\x00WEBPVP8 "), "webp"],
    ];
    for (const [bytes, ext] of samples) {
      const res = await upload(t.as(user), avatarForm(bytes, "x.bin", "application/octet-stream"));
      expect(res.status).toBe(200);
      expect(new URL((await res.json()).avatar_url).pathname.endsWith(`.${ext}`)).toBe(true);
    }
  });
});

describe("uploadMyAvatar: error", () => {
  it("answers 415 for a non-image declared as PNG", async () => {
    const user = await t.createUser();
    const script = new TextEncoder().encode("<svg onload=alert(1)></svg>");
    await expectProblem(await upload(t.as(user), avatarForm(script, "evil.png", "image/png")), 415, "unsupported_media_type");
  });

  it("answers 413 for a picture over 5 MB", async () => {
    const user = await t.createUser();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_BYTES.subarray(0, 8));
    await expectProblem(await upload(t.as(user), avatarForm(big)), 413, "payload_too_large");
  });

  it("answers 4xx problem+json without a file field", async () => {
    const user = await t.createUser();
    const form = new FormData();
    form.append("other", "x");
    const res = await upload(t.as(user), form);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("uploadMyAvatar: security", () => {
  it("answers 401 without credentials", async () => {
    await expectProblem(await upload({}, avatarForm(PNG_BYTES)), 401);
  });
});

describe("uploadMyAvatar: replacing", () => {
  it("deletes the replaced upload from storage", async () => {
    const user = await t.createUser();
    await upload(t.as(user), avatarForm(PNG_BYTES));
    const first = await t.database.db.selectFrom("users").select("avatar_url").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(await t.services.storage.head(first.avatar_url!)).not.toBeNull();
    expect((await upload(t.as(user), avatarForm(PNG_BYTES))).status).toBe(200);
    expect(await t.services.storage.head(first.avatar_url!)).toBeNull();
  });
});
