// `npm run openapi`: writes openapi.json from the route definitions (no services needed).
import { writeFile } from "node:fs/promises";
import { createRouter } from "../create-app.ts";
import { buildOpenApiDocument } from "./document.ts";

export function renderOpenApi(): string {
  return JSON.stringify(buildOpenApiDocument(createRouter()), null, 2) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? "openapi.json";
  await writeFile(target, renderOpenApi());
  console.log(`wrote ${target}`);
}
