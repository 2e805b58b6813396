import { Invalid } from "../errors.ts";
import { valueKindOf, type FieldDefinition } from "./field-schema.ts";
import type { GisSource } from "./promoted-columns.ts";

/** Checks that a GIS source names fields of the right types; throws `Invalid` naming `param`. */
export function checkGisSource(fields: readonly FieldDefinition[], source: GisSource, param: string): void {
  const typeOf = (key: string) => fields.find((f) => f.key === key)?.type;
  const problems: string[] = [];
  if (source.kind === "lat_lng_fields") {
    for (const [role, key] of [["lat_field", source.latField], ["lng_field", source.lngField]] as const) {
      const type = typeOf(key);
      if (!type) problems.push(`${role}: unknown field "${key}"`);
      else if (valueKindOf(type) !== "number" ) problems.push(`${role}: field "${key}" is a ${type} field, not a number`);
    }
  } else {
    const type = typeOf(source.field);
    if (!type) problems.push(`unknown field "${source.field}"`);
    else if (type !== source.kind) problems.push(`field "${source.field}" is a ${type} field, not ${source.kind}`);
  }
  if (problems.length) throw new Invalid(`the GIS source is invalid: ${problems.join("; ")}`, problems.map((message) => ({ field: param, message })));
}
