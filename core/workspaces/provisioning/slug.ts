/**
 * A URL-safe slug from a workspace name: lowercase ASCII letters, digits and dashes,
 * accents folded, at most 48 characters; "workspace" when nothing is left.
 *
 * @example
 * slugify("Café Crème & Co.") // "cafe-creme-co"
 */
export function slugify(name: string): string {
  return kebabSlug(name, 48) || "workspace";
}

/** Lowercase ASCII kebab case of `text`, accents folded, at most `max` characters (maybe empty). */
export function kebabSlug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

/** The slugs to try in order: the plain slug, then with a random 6-hex suffix. */
export function slugCandidates(name: string, attempts = 5): string[] {
  const base = slugify(name);
  const out = [base];
  for (let i = 1; i < attempts; i++) {
    const bytes = new Uint8Array(3);
    crypto.getRandomValues(bytes);
    out.push(`${base}-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`);
  }
  return out;
}
