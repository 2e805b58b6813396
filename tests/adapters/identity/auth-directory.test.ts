import { beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "../../../core/auth/access-token.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";

// PostgresAuthDirectory.findPrincipal: user, session and membership in one lookup.
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "admin");
});

const sessionOf = (user: TestUser) => verifyAccessToken(t.services.secrets.jwt, user.accessToken, new Date()).sid;
const lookup = (user: TestUser, workspaceId?: string) =>
  t.services.authDirectory.findPrincipal({ userId: user.id, sessionId: sessionOf(user), now: new Date(), workspaceId });

describe("findPrincipal", () => {
  it("answers the user, a live session and the membership in the asked workspace", async () => {
    expect(await lookup(ada, ws.id)).toEqual({
      user: { id: ada.id, isActive: true, isStaff: false, isSuperuser: false },
      sessionActive: true,
      membership: { workspaceId: ws.id, schemaName: ws.schemaName, role: "admin" },
    });
    expect((await lookup(ada)).membership).toBeNull();
  });

  it("gives no membership for a workspace the user is not in, or one that is deleted", async () => {
    const other = await t.createWorkspace();
    expect((await lookup(ada, other.id)).membership).toBeNull();
    expect((await lookup(ada, newId())).membership).toBeNull();
    const gone = await t.createWorkspace();
    await t.addMember(gone, "member", ada);
    await t.database.db.updateTable("workspaces").set({ deleted_at: new Date() }).where("id", "=", gone.id).execute();
    expect((await lookup(ada, gone.id)).membership).toBeNull();
  });

  it("reports a revoked session and a deleted user", async () => {
    const bob = await t.addMember(ws, "member");
    await t.services.refreshTokens.revokeFamily(sessionOf(bob), new Date());
    expect(await lookup(bob, ws.id)).toMatchObject({ user: { id: bob.id }, sessionActive: false });
    await t.database.db.updateTable("users").set({ deleted_at: new Date() }).where("id", "=", bob.id).execute();
    expect((await lookup(bob, ws.id)).user).toBeNull();
  });
});
