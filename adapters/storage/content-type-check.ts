import { Invalid } from "../../core/errors.ts";

// type/subtype with optional parameters; no control characters, so it is safe in a header.
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;\s*[^\u0000-\u001f\u007f]*)?$/i;

/** Returns `value` when it is a well-formed media type, else throws `Invalid`. */
export function assertContentType(value: string): string {
  if (value.length > 255 || !CONTENT_TYPE.test(value)) {
    throw new Invalid(`content type ${JSON.stringify(value)} is not a valid media type`, [
      { field: "content_type", message: "must be a media type such as image/png" },
    ]);
  }
  return value;
}
