import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { restoreRecordVersion } from "../../../core/records/restore-record-version.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordSchema } from "./schemas.ts";

export const restoreRecordVersionRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/{record_id}/history/{history_id}/restore",
  operationId: "restoreRecordVersion",
  tags: ["Records"],
  summary: "Restore a record to a previous version",
  description:
    "Creates a new version (`restored`) carrying the values and tags of the given history entry; the history itself is never rewritten. Values of fields removed from the schema since are dropped. " +
    "Needs `can_edit` (or `can_edit_own` on your own record); 404 when the record or the history entry does not exist.",
  auth: "user",
  errors: [409],
  request: {
    params: RecordIdParams.extend({
      history_id: z.uuid().openapi({ param: { name: "history_id", in: "path" }, description: "A history entry id from listRecordHistory" }),
    }),
  },
  responses: { 200: jsonContent(RecordSchema, "The record at its new version") },
});

export function registerRestoreRecordVersion(app: OpenAPIHono<AppEnv>): void {
  app.openapi(restoreRecordVersionRoute, async (c) => {
    const { record_id, history_id } = c.req.valid("param");
    const record = await restoreRecordVersion(c.get("services"), c.get("actor"), { recordId: record_id, versionId: history_id });
    return c.json(toRecordJson(record), 200);
  });
}
