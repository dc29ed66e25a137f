/** Keras-style early stopping on the validation loss: stop after `patience` epochs without improvement. */
export class EarlyStopping {
  private best = Infinity;
  private waited = 0;

  constructor(
    private readonly patience: number,
    private readonly minDelta: number,
  ) {}

  /** Records one epoch's validation loss; true when training should stop. */
  shouldStop(loss: number): boolean {
    if (loss < this.best - this.minDelta) {
      this.best = loss;
      this.waited = 0;
      return false;
    }
    this.waited++;
    return this.waited >= this.patience;
  }
}
