import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecord } from "../../../core/records/create-record.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { createRecordInput } from "../records/record-http.ts";
import { CreateRecordSchema, RecordSchema } from "../records/schemas.ts";

export const crudCreateRecordRoute = defineRoute({
  method: "post",
  path: "/api/v1/crud/records",
  operationId: "crudCreateRecord",
  tags: ["CRUD - Records"],
  summary: "Create a record (CRUD)",
  description:
    "Creates the record in the current workspace's schema; `created_by` is your member id (your user id within the workspace). Needs `can_create` on the recordset; values are validated against its schema (422).",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: CreateRecordSchema } } } },
  responses: { 201: jsonContent(RecordSchema, "The created record") },
});

export function registerCrudCreateRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudCreateRecordRoute, async (c) => {
    const record = await createRecord(c.get("services"), c.get("actor"), createRecordInput(c.req.valid("json")));
    return c.json(toRecordJson(record), 201);
  });
}
