/** The add-folder field: what the contract accepts (an absolute path), checked before the round trip. */

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

/** Trimmed, without trailing separators (but `/` and `C:\` stay as they are). */
export function normalizeWorkspacePath(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '/' || /^[A-Za-z]:[\\/]$/.test(trimmed)) return trimmed;
  return trimmed.replace(/[\\/]+$/, '');
}

/** An error to show under the field, or null when the path can be sent. */
export function checkWorkspacePath(text: string): string | null {
  const path = normalizeWorkspacePath(text);
  if (path === '') return 'Enter the folder’s absolute path.';
  if (path.startsWith('~')) return 'Write the full path: ~ is not expanded here (e.g. /home/you/src/api).';
  if (!path.startsWith('/') && !WINDOWS_ABSOLUTE.test(path)) return 'Use an absolute path, starting with / (or a drive letter on Windows).';
  if (path.length > 4096) return 'That path is too long.';
  if (path.includes('\0')) return 'The path must not contain NUL characters.';
  return null;
}
