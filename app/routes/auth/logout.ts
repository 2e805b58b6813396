import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { logout } from "../../../core/accounts/logout.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const LogoutResponseSchema = z
  .object({
    message: z.string().openapi({ example: "Logged out." }),
    session_id: z.string().openapi({ example: "0192f0c1-1111-7c31-9a55-3f1e2d4c5b6a" }),
  })
  .openapi("LogoutResponse");

export const logoutRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  operationId: "logout",
  tags: ["Authentication"],
  summary: "Log out the current user",
  description:
    "Ends the session of the access token: its refresh tokens and its access tokens stop working at once (other sessions of the user stay). The client should still delete its tokens.",
  auth: "user-global",
  responses: { 200: jsonContent(LogoutResponseSchema, "The session has ended") },
});

export function registerLogout(app: OpenAPIHono<AppEnv>): void {
  app.openapi(logoutRoute, async (c) => {
    const sessionId = await logout(c.get("services"), c.get("actor"));
    return c.json({ message: "Logged out.", session_id: sessionId }, 200);
  });
}
