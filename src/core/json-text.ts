/**
 * JSON.parse for text from a file. Editors on Windows often save UTF-8 with a byte-order mark, which
 * JSON.parse rejects with a message about an unexpected token that sends people hunting for a missing comma.
 */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
}
