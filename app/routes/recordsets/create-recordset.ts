import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { CreateRecordsetBody, RecordsetSchema, toCreateInput } from "./schemas.ts";

export const createRecordsetRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets",
  operationId: "createRecordset",
  tags: ["Recordsets"],
  summary: "Create a recordset",
  description:
    "Creates a recordset in the current workspace with its typed field schema. The slug comes from `slug` or the name; a taken one gets `-2`, `-3`..., and the words the API uses as paths (`trash`, `import`, `export`, `geocode`...) are never used as is. Promoted (indexed) columns follow the schema order; the GIS source defaults to the first geometry or lat/lng field, and a recordset with one starts in map mode. Requires the workspace permission `can_create_recordset` (members have it, viewers do not).",
  auth: "user",
  request: jsonBody(CreateRecordsetBody),
  responses: { 201: jsonContent(RecordsetSchema, "The created recordset") },
});

export function registerCreateRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordsetRoute, async (c) => {
    const recordset = await createRecordset(c.get("services"), c.get("actor"), toCreateInput(c.req.valid("json")));
    return c.json(toRecordsetJson(recordset), 201);
  });
}
