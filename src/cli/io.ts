export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Exit codes of DESIGN §3.2. */
export const EXIT = { ok: 0, doesNotFit: 1, badInput: 2 } as const;
