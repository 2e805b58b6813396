import type { OpenAPIHono } from "@hono/zod-openapi";
import { createExportJob } from "../../../core/exports/create-export-job.ts";
import { describeImportJob } from "../../../core/imports/describe-import-job.ts";
import { workspaceOf } from "../../../core/members/member-access.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { CreateExportJobBody, ExportJobCreatedSchema, exportJobCreatedJson, filterText } from "./schemas.ts";

export const createExportJobRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/export",
  operationId: "createExportJob",
  tags: ["Recordset Import"],
  summary: "Create an export job for a recordset",
  description:
    "Queues an export of the recordset (or of the records matching `filters`, in the listRecords grammar) to CSV, XLSX or GeoJSON and returns the job. " +
    "The job streams the records into storage; once completed, its `download_url` (GET /import/jobs/{job_id}, signed, valid one hour) downloads the file. " +
    "CSV cells starting with = + - @ (or tab/CR) get a leading apostrophe so spreadsheets never run them as formulas. " +
    "Requires `can_view` on the recordset (403); unknown fields in `fields` or the filters answer 422.",
  auth: "user",
  request: jsonBody(CreateExportJobBody),
  responses: { 200: jsonContent(ExportJobCreatedSchema, "The queued export job") },
});

export function registerCreateExportJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createExportJobRoute, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    const actor = c.get("actor");
    const f = body.filters ?? {};
    const { job } = await createExportJob(services, actor, {
      recordsetId: body.recordset_id,
      format: body.format,
      fields: body.fields,
      filters: {
        columnFilters: filterText(f.column_filters),
        numericFilters: filterText(f.numeric_filters),
        dateFilters: filterText(f.date_filters),
        search: f.search,
        status: f.status,
        tags: f.tags,
      },
    });
    return c.json(exportJobCreatedJson(job, await describeImportJob(services, workspaceOf(actor), job)), 200);
  });
}
