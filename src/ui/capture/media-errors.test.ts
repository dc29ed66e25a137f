import { describe, expect, it } from 'vitest';
import { mediaError, openMedia } from './media-errors.ts';

const refusal = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('[D-11] a camera or microphone that cannot start gets a plain, coded message', () => {
  it.each([
    ['NotAllowedError', 700, 'The browser was not allowed to use the camera.'],
    ['SecurityError', 700, 'The browser was not allowed to use the camera.'],
    ['NotFoundError', 701, 'No camera was found.'],
    ['OverconstrainedError', 701, 'No camera was found.'],
    ['NotReadableError', 702, 'The camera could not start: busy'],
  ])('%s is E%i', (name, code, message) => {
    const e = mediaError(refusal(name, 'busy'), 'camera');
    expect([e.code, e.message]).toEqual([code, message]);
    expect(e.hint).toMatch(/Nothing recorded so far is lost\.$/);
  });

  it('says when the page cannot record at all (no mediaDevices, as on plain http) with E703', async () => {
    await expect(openMedia('microphone', undefined)).rejects.toMatchObject({ code: 703 });
  });

  it('turns a refused getUserMedia into the coded error', async () => {
    const media = {
      getUserMedia: () => Promise.reject(refusal('NotAllowedError')),
    } as unknown as MediaDevices;
    await expect(openMedia('microphone', media)).rejects.toMatchObject({
      code: 700,
      message: 'The browser was not allowed to use the microphone.',
    });
  });
});
