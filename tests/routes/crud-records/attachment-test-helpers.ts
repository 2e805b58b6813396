import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

export type AttachmentJson = { id: string; record_id: string; file_name: string; content_type: string; size_bytes: number; download_url: string; expires_in: number; uploaded_by: string | null };

/** POST a multipart `file` to a record's attachments. */
export function uploadFile(t: TestApp, ws: TestWorkspace, recordId: string, file: File | null, as: TestUser = ws.owner): Promise<Response> {
  const form = new FormData();
  if (file) form.set("file", file);
  return t.request(`/api/v1/crud/records/${recordId}/attachments`, { method: "POST", headers: t.as(as, ws), body: form });
}

/** Uploads a small PDF-typed file and returns the attachment. */
export async function attach(t: TestApp, ws: TestWorkspace, recordId: string, name = "plan.pdf", body = "%PDF-1.4 test"): Promise<AttachmentJson> {
  const res = await uploadFile(t, ws, recordId, new File([body], name, { type: "application/pdf" }));
  if (res.status !== 201) throw new Error(`attach failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AttachmentJson;
}

/** Follows a signed download URL through the app (local storage serves it). */
export function download(t: TestApp, url: string): Promise<Response> {
  const u = new URL(url);
  return t.request(`${u.pathname}${u.search}`);
}
