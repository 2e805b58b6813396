import { Invalid, type FieldIssue } from "../errors.ts";
import { valueKindOf, type FieldDefinition } from "./field-schema.ts";
import { PROMOTED_SLOTS, type PromotedKind, type PromotedMapping } from "./promoted-columns.ts";

const accepts: Record<PromotedKind, (f: FieldDefinition) => boolean> = {
  text: (f) => valueKindOf(f.type) === "text",
  number: (f) => valueKindOf(f.type) === "number",
  date: (f) => f.type === "date",
};

/**
 * The promoted mapping after a schema change: fields that keep their slot stay in it (so
 * their indexed column does not move), removed or re-typed ones free theirs, and free slots
 * go to the remaining fields of that kind in schema order.
 */
export function retainPromotedMapping(current: PromotedMapping, fields: readonly FieldDefinition[]): PromotedMapping {
  const next = { text: [], number: [], date: [] } as PromotedMapping;
  for (const kind of ["text", "number", "date"] as const) {
    const eligible = fields.filter(accepts[kind]).map((f) => f.key);
    const kept = current[kind].filter((key) => eligible.includes(key));
    next[kind] = [...kept, ...eligible.filter((key) => !kept.includes(key))].slice(0, PROMOTED_SLOTS[kind]);
  }
  return next;
}

/** Checks a mapping a client chose: known fields of the slot's kind, each promoted once, within the slot counts. */
export function checkPromotedMapping(mapping: PromotedMapping, fields: readonly FieldDefinition[], param: string): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const kind of ["text", "number", "date"] as const) {
    if (mapping[kind].length > PROMOTED_SLOTS[kind]) issues.push({ field: `${param}.${kind}`, message: `at most ${PROMOTED_SLOTS[kind]} ${kind} fields can be promoted` });
    for (const key of mapping[kind]) {
      const field = fields.find((f) => f.key === key);
      if (!field) issues.push({ field: `${param}.${kind}`, message: `unknown field "${key}"` });
      else if (!accepts[kind](field)) issues.push({ field: `${param}.${kind}`, message: `field "${key}" is a ${field.type} field, not ${kind}` });
      if (seen.has(key)) issues.push({ field: `${param}.${kind}`, message: `field "${key}" is promoted twice` });
      seen.add(key);
    }
  }
  if (issues.length) throw new Invalid("the promoted fields are invalid", issues);
}
