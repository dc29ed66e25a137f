/** Test support: plain English sentences from a small seeded grammar, a few KB of text to learn from. */
import { createRandom } from '../../core/random.ts';

const DETS = ['the', 'a', 'every', 'one', 'my', 'our', 'this', 'that'];
const ADJECTIVES = ['small', 'old', 'quiet', 'bright', 'cold', 'green', 'tired', 'happy', 'little', 'brave'];
const NOUNS = ['fish', 'river', 'boat', 'child', 'farmer', 'bird', 'cat', 'dog', 'teacher', 'garden'];
const PLACES = ['house', 'road', 'hill', 'tree', 'window', 'bridge', 'field', 'wall'];
const VERBS = ['swims', 'sleeps', 'waits', 'sings', 'runs', 'rests', 'looks', 'walks', 'stays', 'turns'];
const PREPOSITIONS = ['near', 'under', 'behind', 'across', 'beside', 'over', 'along', 'by'];

/** About `bytes` bytes of sentences such as "The old cat sleeps under the bridge.", five to a line. */
export function englishText(bytes: number, seed = 1): string {
  const r = createRandom(seed);
  const phrase = (nouns: readonly string[]) =>
    [r.pick(DETS), ...(r.chance(0.6) ? [r.pick(ADJECTIVES)] : []), r.pick(nouns)].join(' ');
  const lines: string[] = [];
  let line: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = `${phrase(NOUNS)} ${r.pick(VERBS)} ${r.pick(PREPOSITIONS)} ${phrase(PLACES)}`;
    const sentence = `${words[0]?.toUpperCase()}${words.slice(1)}.`;
    line.push(sentence);
    size += sentence.length + 1;
    if (line.length === 5) {
      lines.push(line.join(' '));
      line = [];
    }
  }
  return [...lines, line.join(' ')].join('\n').slice(0, bytes);
}
