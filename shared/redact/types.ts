// Public types of the output masker.

/** A value injected into a process, and the name it is shown as once concealed. */
export interface MaskedSecret {
  readonly name: string;
  readonly value: string;
}

/** Which encoded forms of each value are concealed besides the value itself. */
export interface MaskedForms {
  /** Standalone base64 of the value: standard and url-safe, padded and not. Default true. */
  readonly base64?: boolean;
  /**
   * The value embedded at any offset inside a larger base64 text (e.g. the token inside
   * `Authorization: Basic base64(user:token)`), in both alphabets. Only forms of at least
   * 8 characters are used: shorter ones would hit random base64 output too often.
   * Default true.
   */
  readonly base64Embedded?: boolean;
  /** Percent-encoding as written by encodeURIComponent. Default true. */
  readonly uriComponent?: boolean;
}

export interface MaskerOptions {
  /**
   * Values shorter than this many UTF-8 bytes are not concealed at all (default 4):
   * masking a value such as `a` or `1` would rewrite ordinary output beyond recognition
   * while hiding nothing worth hiding.
   */
  readonly minValueBytes?: number;
  readonly forms?: MaskedForms;
  /**
   * Also conceal a value whose bytes are interrupted by ANSI escape sequences, as
   * `grep --color` or a syntax highlighter produce (`AB\x1b[1mCD`). The escape sequences
   * inside a concealed value are kept and written right after the marker, so colours stay
   * consistent. Default true. Forced off when a value itself contains an ESC byte.
   */
  readonly throughEscapes?: boolean;
  /**
   * The longest escape sequence (OSC, DCS, ...) held back whole so that no emitted chunk
   * ends inside it (default 4096 bytes). A longer one is let through in pieces.
   */
  readonly maxHeldEscapeBytes?: number;
}

/** A stream masker: feed output in, get output with values concealed back. */
export interface OutputMasker {
  /**
   * Masks one chunk. Returns every byte that can no longer be part of a value, a split
   * UTF-8 character or a split escape sequence; holds back the rest for the next call.
   * When nothing in `chunk` needed masking, the result may be a view of `chunk` itself (no
   * copy): do not modify `chunk` afterwards. It never aliases the masker's own buffers.
   */
  push(chunk: Uint8Array): Uint8Array;
  /**
   * Same as `push`, with the output as consecutive parts: bytes held from earlier chunks
   * come out joined with the start of `chunk`, and unchanged output after them as views of
   * `chunk` (no copy of a large chunk only because a few bytes were held before it). Same
   * rules for `chunk` as `push`. Empty parts are left out.
   */
  pushParts(chunk: Uint8Array): Uint8Array[];
  /** Ends the stream: returns everything still held back, masked. The masker can be reused. */
  flush(): Uint8Array;
  /** Bytes currently held back (a caller may flush after a short idle time when > 0). */
  readonly heldBytes: number;
}

/** The same masker for text streams. */
export interface TextOutputMasker {
  push(chunk: string): string;
  flush(): string;
  readonly heldBytes: number;
}
