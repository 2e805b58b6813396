import type { MiddlewareHandler } from "hono";
import { Invalid } from "../../core/errors.ts";
import { UNSTORABLE_TEXT, unstorablePath } from "../../core/text/storable-text.ts";
import type { AppEnv } from "../context.ts";

/** A NUL (`%00`), percent-encoded anywhere in the path or query. */
const ENCODED_NUL = /%00/;
/** Raw object uploads (signed PUT): their bytes go to storage untouched, and reading them here would drain the stream the route pipes. */
const RAW_UPLOADS = "/api/v1/uploads/";
/** JSON text that may hold a NUL or a lone surrogate (as a raw character or an escape): worth a full check. */
const SUSPICIOUS_JSON = /\u0000|\\u0000|\\u[dD][89abAB]|\\u[dD][c-fC-F]|[\uD800-\uDFFF]/;

/**
 * Refuses with 422, before any route runs, input Postgres cannot store (see
 * core/text/storable-text.ts): a NUL in the URL, or in a JSON body a NUL or an unpaired
 * surrogate, naming the first offending field. Without it such input reaches the database
 * and fails there as a 500. JSON bodies are only parsed here when a cheap scan of the text
 * finds something suspicious; the route's own parsing reuses hono's cached body.
 */
export function storableInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (ENCODED_NUL.test(c.req.url)) {
      throw new Invalid(`the URL ${UNSTORABLE_TEXT}`, [{ field: "url", message: UNSTORABLE_TEXT }]);
    }
    const type = c.req.header("content-type") ?? "";
    const parsedAsJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(type) && c.req.method !== "GET" && c.req.method !== "HEAD";
    if (parsedAsJson && !c.req.path.startsWith(RAW_UPLOADS)) {
      const text = await c.req.text();
      if (SUSPICIOUS_JSON.test(text)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return await next(); // the route answers malformed JSON itself
        }
        const path = unstorablePath(parsed);
        if (path !== null) throw new Invalid(`a value ${UNSTORABLE_TEXT}`, [{ field: path || "body", message: UNSTORABLE_TEXT }]);
      }
    }
    await next();
  };
}
