import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecord } from "../../../core/records/create-record.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { createRecordInput } from "./record-http.ts";
import { CreateRecordSchema, RecordSchema } from "./schemas.ts";

export const createRecordRoute = defineRoute({
  method: "post",
  path: "/api/v1/records",
  operationId: "createRecord",
  tags: ["Records"],
  summary: "Create a record in a recordset",
  description:
    "Creates version 1 of a record. Needs `can_create` on the recordset (403); values are validated against its field schema (422 listing each bad field, including invalid geometry or out-of-range coordinates). The record counts as yours for the `_own` permissions.",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: CreateRecordSchema } } } },
  responses: { 201: jsonContent(RecordSchema, "The created record") },
});

export function registerCreateRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordRoute, async (c) => {
    const record = await createRecord(c.get("services"), c.get("actor"), createRecordInput(c.req.valid("json")));
    return c.json(toRecordJson(record), 201);
  });
}
