import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createRecordRelationship } from "../../../core/records/create-record-relationship.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordRelationshipSchema } from "./schemas.ts";

export const createRecordRelationshipRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/{record_id}/relationships",
  operationId: "createRecordRelationship",
  tags: ["Records"],
  summary: "Link a record to another record",
  description:
    "Needs `can_edit` (or `can_edit_own`) on the record and `can_view` on the related one. A related record that does not exist or that you cannot see is a 422 on `related_record_id`; the same link twice is a 409.",
  auth: "user",
  errors: [409],
  request: {
    params: RecordIdParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              related_record_id: z.uuid().openapi({ example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a21" }),
              relationship_type: z.string().min(1).max(63).default("related").openapi({ description: "Slug-like: lowercase letters, digits, - and _", example: "parent_of" }),
            })
            .openapi("CreateRecordRelationship"),
        },
      },
    },
  },
  responses: { 201: jsonContent(RecordRelationshipSchema, "The relationship") },
});

export function registerCreateRecordRelationship(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordRelationshipRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const link = await createRecordRelationship(c.get("services"), c.get("actor"), {
      recordId: record_id,
      relatedRecordId: body.related_record_id,
      relationshipType: body.relationship_type,
    });
    return c.json(link, 201);
  });
}
