import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./import-test-helpers.ts";

// POST /api/v1/recordsets/import/upload/signed-url (createImportUploadUrl)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const sign = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/recordsets/import/upload/signed-url", { method: "POST", headers, json });

describe("createImportUploadUrl: happy", () => {
  it("returns a PUT URL under the workspace's import prefix and its file URI", async () => {
    const res = await sign(t.as(ws.owner, ws), { filename: "My Data (1).xlsx", content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { upload_url: string; method: string; file_uri: string; expires_at: string };
    expect(body.method).toBe("PUT");
    expect(body.file_uri).toMatch(new RegExp(`^upload:workspaces/${ws.id}/imports/[0-9a-f-]{36}/My_Data_1.xlsx$`));
    expect(body.upload_url).toMatch(/sig=/);
    expect(new Date(body.expires_at).getTime()).toBeGreaterThan(Date.now());
  });
});

describe("createImportUploadUrl: error", () => {
  it.each([[{}], [{ filename: "virus.exe" }], [{ filename: "a.csv", content_type: "image/png" }]])("answers 422 for %j", async (json) => {
    await expectProblem(await sign(t.as(ws.owner, ws), json), 422);
  });
});

describe("createImportUploadUrl: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await sign({}, { filename: "a.csv" }), 401);
  });

  it("refuses a workspace the user is not a member of", async () => {
    const other = await t.createWorkspace();
    const res = await sign(t.as(ws.owner, other), { filename: "a.csv" });
    expect([403, 404]).toContain(res.status);
  });

  it("refuses viewers (403)", async () => {
    const viewer = await t.addMember(ws, "viewer");
    await expectProblem(await sign(t.as(viewer, ws), { filename: "a.csv" }), 403);
  });
});
