import { PayloadTooLarge, UnsupportedMediaType } from "../errors.ts";

/** Largest avatar accepted. */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

const signatures: { type: string; extension: string; matches(b: Uint8Array): boolean }[] = [
  { type: "image/png", extension: "png", matches: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", extension: "jpg", matches: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: "image/gif", extension: "gif", matches: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]) },
  // RIFF....WEBP
  { type: "image/webp", extension: "webp", matches: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
];

function starts(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * The avatar's image type from its magic bytes (the declared type and file name are not
 * trusted). 413 above {@link MAX_AVATAR_BYTES}; 415 for anything but PNG, JPEG, GIF, WebP.
 */
export function detectAvatarImage(bytes: Uint8Array): { type: string; extension: string } {
  if (bytes.length > MAX_AVATAR_BYTES) throw new PayloadTooLarge(`an avatar may be at most ${MAX_AVATAR_BYTES} bytes`);
  const match = signatures.find((s) => s.matches(bytes));
  if (!match) throw new UnsupportedMediaType("an avatar must be a PNG, JPEG, GIF or WebP image");
  return { type: match.type, extension: match.extension };
}
