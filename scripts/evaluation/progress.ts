export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** One model answer done (or found in the cache), of the stage named. */
  step(stage: string): void;
  /** A line of its own, without breaking the bar. */
  note(message: string): void;
  finish(): void;
}

const BAR_WIDTH = 28;
/** Without a terminal, a line at every tenth of the way keeps logs short. */
const PLAIN_STEPS = 10;

/** A bar redrawn in place on a terminal; plain lines when the output is a file or a pipe. */
export function createProgress(stream: ProgressStream, total: number): Progress {
  let done = 0;
  let lastPlainStep = -1;
  let barShown = false;

  function bar(stage: string): string {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * BAR_WIDTH);
    return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total} ${stage}`;
  }

  function clearBar(): void {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  }

  return {
    step(stage) {
      done++;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${bar(stage)}`);
        barShown = true;
        return;
      }
      const plainStep = Math.floor((done / Math.max(total, 1)) * PLAIN_STEPS);
      if (plainStep !== lastPlainStep) {
        lastPlainStep = plainStep;
        stream.write(`progress: ${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%) ${stage}\n`);
      }
    },
    note(message) {
      clearBar();
      stream.write(`${message}\n`);
    },
    finish() {
      clearBar();
    },
  };
}
