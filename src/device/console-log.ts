/** The serial monitor's text: console bytes decoded as UTF-8, kept to the last `limit` characters. */
export class ConsoleLog {
  private text = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly limit = 64 * 1024) {}

  get value(): string {
    return this.text;
  }

  bytes(chunk: Uint8Array): void {
    this.append(this.decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n'));
  }

  /** A line of the app's own (flasher progress, notes), marked so it is not taken for board output. */
  note(line: string): void {
    this.append(`${this.text === '' || this.text.endsWith('\n') ? '' : '\n'}» ${line}\n`);
  }

  clear(): void {
    this.text = '';
  }

  private append(part: string): void {
    this.text = (this.text + part).slice(-this.limit);
  }
}
