import bareMetalDoc from '../../../docs/BARE-METAL.md?raw';

/**
 * A section of a markdown document: from its `## title` heading to the next heading of that level, without
 * the heading; '' when there is none.
 */
export function markdownSection(doc: string, title: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

/** docs/BARE-METAL.md's real-board checklist, the one text the docs and the Board tab share. */
export const BARE_METAL_CHECKLIST = markdownSection(bareMetalDoc, 'Real-board checklist');
