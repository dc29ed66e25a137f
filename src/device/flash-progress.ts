import type { Region } from './flash-plan.ts';

export type FileState = 'pending' | 'checking' | 'skipped' | 'writing' | 'verified' | 'failed';

/** Progress of one region, for the flash dialog: bytes on the wire (compressed) and the speed. */
export interface FileProgress {
  readonly name: string;
  readonly role: Region['role'];
  readonly address: number;
  /** Bytes the region fills in flash. */
  readonly bytes: number;
  readonly state: FileState;
  /** Compressed bytes sent so far, and in all. */
  readonly sent: number;
  readonly sendTotal: number;
  /** Compressed bytes per second while writing. */
  readonly bytesPerSecond: number;
}

export interface FlashProgress {
  readonly phase: 'connecting' | 'comparing' | 'writing' | 'restarting' | 'confirming' | 'done';
  readonly chip?: string;
  readonly files: readonly FileProgress[];
}

/** Keeps the per-file figures and hands an immutable snapshot to the listener after every change. */
export class ProgressTracker {
  private files: FileProgress[] = [];
  private phase: FlashProgress['phase'] = 'connecting';
  private chip: string | undefined;
  private started = new Map<number, number>();

  constructor(
    private readonly listener: ((p: FlashProgress) => void) | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  setPhase(phase: FlashProgress['phase'], chip?: string): void {
    this.phase = phase;
    this.chip = chip ?? this.chip;
    this.emit();
  }

  setRegions(regions: readonly Region[]): void {
    this.files = regions.map((r) => ({
      name: r.name,
      role: r.role,
      address: r.address,
      bytes: r.data.length,
      state: 'pending',
      sent: 0,
      sendTotal: 0,
      bytesPerSecond: 0,
    }));
    this.emit();
  }

  setState(index: number, state: FileState): void {
    this.update(index, { state });
  }

  /** esptool-js's reportProgress: compressed bytes sent of the region's compressed size. */
  sent(index: number, sent: number, total: number): void {
    const t = this.now();
    if (sent === 0 || !this.started.has(index)) this.started.set(index, t);
    const seconds = (t - (this.started.get(index) ?? t)) / 1000;
    this.update(index, {
      state: 'writing',
      sent,
      sendTotal: total,
      bytesPerSecond: seconds > 0 ? sent / seconds : 0,
    });
  }

  snapshot(): FlashProgress {
    return { phase: this.phase, ...(this.chip ? { chip: this.chip } : {}), files: this.files };
  }

  private update(index: number, change: Partial<FileProgress>): void {
    const file = this.files[index];
    if (!file) return;
    this.files = this.files.map((f, i) => (i === index ? { ...file, ...change } : f));
    this.emit();
  }

  private emit(): void {
    this.listener?.(this.snapshot());
  }
}
