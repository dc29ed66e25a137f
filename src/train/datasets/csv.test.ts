import { describe, expect, it } from 'vitest';
import { MinnowError } from '../../core/errors.ts';
import { parseCsv } from './csv.ts';
import { tokenizeCsv } from './csv-tokenize.ts';
import { errorCode as codeOf } from '../test-support.ts';

describe('tokenizeCsv', () => {
  it('keeps delimiters, newlines and doubled quotes inside quoted cells, and counts lines', () => {
    const t = tokenizeCsv('a,b\r\n"x, ""y""",2\n"multi\nline",3\n\n4,5');
    expect(t.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['multi\nline', '3'],
      ['4', '5'],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('detects semicolons and tabs, and strips a byte-order mark', () => {
    expect(tokenizeCsv('\ufeffa;b\n1;2').records[0]?.cells).toEqual(['a', 'b']);
    expect(tokenizeCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('reports a quote that never closes', () => {
    expect(tokenizeCsv('a,b\n1,"2\n3,4').unclosedQuoteLine).toBe(2);
  });
});

describe('a quote that never closes', () => {
  it('is named as the cause, with its line, when it swallows every data row (never the label column)', () => {
    const cases: [string, number][] = [
      ['x1,x2,label\n"1,2,a\n3,4,b\n', 2],
      ['"x1,x2,label\n1,2,a\n3,4,b\n', 1],
      ['x1,x2,label\n1,2,"a\n3,4,b\n5,6,c\n', 2],
    ];
    for (const [text, line] of cases) {
      let error: unknown;
      try {
        parseCsv(text, 'q.csv');
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(MinnowError);
      expect((error as MinnowError).code).toBe(658);
      expect((error as MinnowError).message).toMatch(
        new RegExp(`^Line ${line} of the CSV file opens a quoted value`),
      );
      expect((error as MinnowError).message).not.toMatch(/label/);
    }
  });

  it('is listed as an issue of its line when rows before it are usable', () => {
    const { dataset, report } = parseCsv('x,label\n1,a\n2,b\n3,"c\n4,d\n', 'q.csv');
    expect(dataset.count).toBe(2);
    expect(report.issues).toEqual([{ line: 4, message: expect.stringMatching(/never closed/) }]);
  });
});

describe('parseCsv', () => {
  it('detects the header and a label column by name, and keeps features in column order', () => {
    const { dataset, report } = parseCsv('x1,label,x2\n1,cat,2\n3,dog,4\n5,cat,6\n', 'pets.csv');
    expect(dataset.sampleShape).toEqual([2]);
    expect(Array.from(dataset.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dataset.target).toMatchObject({ kind: 'classes', names: ['cat', 'dog'] });
    expect(dataset.target.kind === 'classes' && Array.from(dataset.target.labels)).toEqual([0, 1, 0]);
    expect(report.issueCount).toBe(0);
    expect(report.notes.join(' ')).toMatch(/names the columns/);
  });

  it('prefers a column named "label" to one named "y"', () => {
    const { dataset } = parseCsv('x,y,label\n0,1,a\n2,3,b\n', 'xy.csv');
    expect(dataset.sampleShape).toEqual([2]);
    expect(dataset.target).toMatchObject({ kind: 'classes', names: ['a', 'b'] });
  });

  it('takes the last column as the label when there is no header, and sorts numeric classes as numbers', () => {
    const { dataset } = parseCsv('0.5,10\n0.25,2\n1,10\n', 'n.csv');
    expect(dataset.target).toMatchObject({ kind: 'classes', names: ['2', '10'] });
    expect(dataset.count).toBe(3);
  });

  it('reads fractional labels as a regression target', () => {
    const { dataset } = parseCsv('x,y\n0,0.5\n1,1.5\n', 'r.csv');
    expect(dataset.target.kind).toBe('values');
    expect(dataset.target.kind === 'values' && Array.from(dataset.target.values)).toEqual([0.5, 1.5]);
  });

  it('skips bad rows and reports each with its line: text, NaN, Infinity, empty cells, wrong widths, no label', () => {
    const text = [
      'a,b,label',
      '1,2,x',
      '1,abc,x',
      'NaN,2,y',
      '1,Infinity,y',
      '1,,y',
      '1,2',
      '1,2,3,x',
      '3,4,',
      '5,6,y',
    ].join('\n');
    const { dataset, report } = parseCsv(text, 'bad.csv');
    expect(dataset.count).toBe(2);
    expect(report.issues.map((i) => i.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(report.issues[0]?.message).toMatch(/"b" holds "abc"/);
    expect(report.issues[3]?.message).toMatch(/holds nothing/);
    expect(report.issues[4]?.message).toMatch(/has 2 values/);
  });

  it('ignores a column of text and says so', () => {
    const { dataset, report } = parseCsv('name,v,label\nann,1,a\nbob,2,b\n', 'people.csv');
    expect(dataset.sampleShape).toEqual([1]);
    expect(report.notes.join(' ')).toMatch(/"name" is ignored/);
  });

  it('refuses with a coded error when nothing usable remains', () => {
    expect(codeOf(() => parseCsv('', 'e.csv'))).toBe(640);
    expect(codeOf(() => parseCsv('\n\n  \n', 'e.csv'))).toBe(640);
    expect(codeOf(() => parseCsv('a,b,label\n', 'h.csv'))).toBe(643);
    expect(codeOf(() => parseCsv('a,b\n1,\nx,2\n', 'l.csv', { label: 'b', header: true }))).toBe(641);
    expect(codeOf(() => parseCsv('a,label\nfoo,x\nbar,y\n', 't.csv'))).toBe(643);
    expect(codeOf(() => parseCsv('a,b\n1,2\n', 'c.csv', { label: 'nope' }))).toBe(642);
    expect(codeOf(() => parseCsv('a,b\n1,2\n', 'c.csv', { label: 7 }))).toBe(642);
    expect(codeOf(() => parseCsv('x,y\n1,a\n2,b\n', 'r.csv', { task: 'regression' }))).toBe(641);
  });

  it('survives random garbage: either a data set with finite values or a coded error', () => {
    const alphabet = ['1', '0.5', '-3', 'a', ',', ',', '\n', '"', ';', ' ', 'NaN', 'e', '\r'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 200; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 80) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      try {
        const { dataset } = parseCsv(text, 'g.csv');
        expect(dataset.count).toBeGreaterThan(0);
        expect(dataset.x.every(Number.isFinite)).toBe(true);
      } catch (e) {
        expect(e, JSON.stringify(text)).toBeInstanceOf(MinnowError);
      }
    }
  });
});
