import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { html } from "hono/html";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";

export const selectWorkspaceRoute = defineRoute({
  method: "get",
  path: "/select-workspace",
  operationId: "showWorkspaceSelectorPage",
  tags: ["Untagged"],
  summary: "Show the workspace selector HTML page",
  description:
    "A small self-contained page: it reads the access token kept by the web client (localStorage `access_token`, or a pasted one), lists the user's workspaces from `GET /api/v1/workspaces` and stores the chosen id as `workspace_id` for later requests (`X-Workspace-Id`). No credentials reach the server in the page request itself.",
  auth: "none",
  responses: {
    200: {
      description: "The HTML page",
      content: { "text/html": { schema: z.string().openapi({ example: "<!doctype html>..." }) } },
    },
  },
});

// The page script only calls the public API; it renders names with textContent
// so workspace names cannot inject markup.
const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Choose a workspace</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
      h1 { font-size: 1.4rem; } ul { list-style: none; padding: 0; }
      li button { width: 100%; text-align: left; padding: .75rem 1rem; margin: .25rem 0; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; cursor: pointer; }
      li button:hover { background: #f6f8fa; } .muted { color: #656d76; } textarea { width: 100%; }
    </style>
  </head>
  <body>
    <h1>Choose a workspace</h1>
    <p class="muted" id="status">Loading your workspaces…</p>
    <ul id="workspaces"></ul>
    <details id="token-box" hidden>
      <summary>Sign-in token</summary>
      <p class="muted">Paste an access token to list your workspaces.</p>
      <textarea id="token" rows="3"></textarea>
      <button id="use-token" type="button">Use token</button>
    </details>
    <script>
      const list = document.getElementById("workspaces");
      const status = document.getElementById("status");
      const box = document.getElementById("token-box");
      async function load(token) {
        list.replaceChildren();
        const res = await fetch("/api/v1/workspaces", { headers: { authorization: "Bearer " + token } });
        if (!res.ok) { status.textContent = "Sign in to see your workspaces."; box.hidden = false; return; }
        const body = await res.json();
        const items = Array.isArray(body) ? body : body.items || [];
        status.textContent = items.length ? "Select the workspace to work in:" : "You are not a member of any workspace yet.";
        for (const ws of items) {
          const button = document.createElement("button");
          button.textContent = ws.name;
          button.onclick = () => {
            localStorage.setItem("workspace_id", ws.id);
            status.textContent = "Selected " + ws.name + ". Requests now send X-Workspace-Id: " + ws.id;
          };
          const li = document.createElement("li");
          li.append(button);
          list.append(li);
        }
      }
      document.getElementById("use-token").onclick = () => {
        const token = document.getElementById("token").value.trim();
        localStorage.setItem("access_token", token);
        load(token);
      };
      const saved = localStorage.getItem("access_token");
      if (saved) load(saved); else { status.textContent = "Sign in to see your workspaces."; box.hidden = false; }
    </script>
  </body>
</html>`;

export function registerSelectWorkspace(app: OpenAPIHono<AppEnv>): void {
  app.openapi(selectWorkspaceRoute, async (c) => {
    c.header("content-security-policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'");
    return c.html(await page, 200);
  });
}
