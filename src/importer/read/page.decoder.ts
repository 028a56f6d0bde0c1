import { PageFormatError } from '../page-format.error.js';

/** The text of a page file; an empty or binary file is not a page. */
export function decodePage(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new PageFormatError(file, 1, 'binary file: it contains a NUL byte');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PageFormatError(file, lineOfFirstInvalidByte(bytes), 'binary file: it is not UTF-8 text');
  }
  if (text.trim() === '') throw new PageFormatError(file, 1, 'empty page');
  return text;
}

/**
 * The line of the first byte that is not UTF-8. The decoder does not say where it failed, so the longest prefix
 * that decodes is searched for: in streaming mode a prefix only fails once it holds an invalid byte.
 */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let valid = 0;
  let invalid = bytes.length + 1;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    if (decodesAsPrefix(bytes.subarray(0, middle))) valid = middle;
    else invalid = middle;
  }
  return bytes.subarray(0, valid).filter((byte) => byte === 0x0a).length + 1;
}

function decodesAsPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
