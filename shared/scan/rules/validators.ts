// Structural validators shared by rules: checksums and decodable parts.

import { hasValidCrc32Base62Tail, isValidBech32 } from '../checksums';
import { decodeBase64ToText, isPrintableAscii } from '../encoding';

/** GitHub classic and npm tokens: `prefix_` + 30 base62 + 6-char base62 CRC-32 of those 30. */
export function hasGithubStyleChecksum(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  return body.length === 36 && hasValidCrc32Base62Tail(body);
}

export function hasValidBech32(token: string): boolean {
  return isValidBech32(token);
}

/** A JWT-like `header.payload[.signature]` whose header decodes to JSON naming an algorithm. */
export function hasJwtHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  const json = decodeBase64ToText(header);
  if (json === undefined || !isPrintableAscii(json)) return false;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && ('alg' in parsed || 'typ' in parsed || 'kid' in parsed);
  } catch {
    return false;
  }
}

/** Base64 text that decodes to JSON (or printable text starting with `{`). */
export function decodesToJsonObject(base64: string): boolean {
  const json = decodeBase64ToText(base64);
  return json !== undefined && json.startsWith('{') && isPrintableAscii(json.slice(0, 64));
}

/** `user:password` in base64 (HTTP Basic, docker config auth). */
export function decodesToUserColonPassword(base64: string): boolean {
  const text = decodeBase64ToText(base64);
  if (text === undefined || !isPrintableAscii(text)) return false;
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1;
}

/** The first segment of a Discord bot token is the base64 of the bot's numeric user id. */
export function discordIdSegmentIsNumeric(token: string): boolean {
  const first = token.slice(0, token.indexOf('.'));
  const id = decodeBase64ToText(first);
  return id !== undefined && /^\d{15,21}$/.test(id);
}

/** Decodes to exactly `bytes` bytes. */
export function base64Decodes(bytes: number): (value: string) => boolean {
  return (value) => {
    const text = decodeBase64ToText(value);
    return text !== undefined && text.length === bytes;
  };
}
