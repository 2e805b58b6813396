import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { generateSecretToken } from "../../core/auth/secret-token.ts";
import type { Config } from "../config/config-schema.ts";

export type Secrets = { jwt: string; urlSigning: string };

/** A key for `purpose` derived from the master secret, so one leak does not sign the other. */
function deriveKey(master: string, purpose: string): string {
  const encoder = new TextEncoder();
  return encodeHexLowerCase(hmac(SHA256, encoder.encode(master), encoder.encode(purpose)));
}

/**
 * The signing keys. JWT_SECRET wins; URL_SIGNING_SECRET defaults to a key derived
 * from it. Outside production a missing JWT_SECRET is generated once and kept in
 * `DATA_DIR/secrets.json` (mode 600) so sessions and signed URLs survive
 * restarts of an embedded install; production refuses to start without it
 * (load-config.ts).
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  let master = config.JWT_SECRET;
  if (!master) {
    const file = join(config.DATA_DIR, "secrets.json");
    try {
      master = (JSON.parse(await readFile(file, "utf8")) as { jwt?: string }).jwt;
    } catch {
      // first start: nothing stored yet
    }
    if (!master) {
      master = generateSecretToken();
      await mkdir(config.DATA_DIR, { recursive: true });
      await writeFile(file, JSON.stringify({ jwt: master }, null, 2), { mode: 0o600 });
    }
  }
  return { jwt: master, urlSigning: config.URL_SIGNING_SECRET ?? deriveKey(master, "url-signing") };
}
