/**
 * Zinnia's own command-line recogniser (Debian `zinnia-utils`) kept running as a helper
 * process: it reads one character per line as an S-expression and answers each with
 * `Answer:` and exactly `nbest` lines `<character> <score>`. Running it once keeps the 26 MB
 * model mapped, so a request costs milliseconds instead of a process start; a crash or a hang
 * costs one request, and the next one starts a fresh helper.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** One candidate as zinnia printed it. */
export interface ZinniaCandidate {
  readonly text: string;
  readonly score: number;
}

export interface ZinniaProcessOptions {
  /** The `zinnia` executable. */
  readonly command: string;
  /** Model file (tegaki's `handwriting-zh_CN.model`). */
  readonly modelPath: string;
  /** Candidates per answer; zinnia always prints exactly this many for a non-empty character. */
  readonly nbest: number;
  /** Longest wait for one answer before the helper is killed, ms. */
  readonly timeoutMs: number;
}

interface Pending {
  readonly resolve: (candidates: ZinniaCandidate[]) => void;
  readonly reject: (error: Error) => void;
  readonly lines: ZinniaCandidate[];
  started: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Serialises requests to one helper process (zinnia answers in order). `classify` takes an
 * S-expression line built by `toZinniaSexp`, never text from outside.
 */
export class ZinniaProcess {
  private child: ChildProcessWithoutNullStreams | null = null;
  private buffer = '';
  private readonly queue: { line: string; pending: Omit<Pending, 'timer' | 'started' | 'lines'> }[] = [];
  private current: Pending | null = null;
  private closed = false;

  constructor(private readonly options: ZinniaProcessOptions) {}

  classify(line: string): Promise<ZinniaCandidate[]> {
    if (this.closed) return Promise.reject(new Error('handwriting recogniser closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ line, pending: { resolve, reject } });
      this.next();
    });
  }

  /** Stops the helper; waiting requests are rejected. */
  close(): void {
    this.closed = true;
    this.fail(new Error('handwriting recogniser closed'));
    for (const item of this.queue.splice(0)) item.pending.reject(new Error('handwriting recogniser closed'));
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const item = this.queue.shift();
    if (!item) return;
    const child = this.ensureChild();
    this.current = {
      ...item.pending,
      lines: [],
      started: false,
      timer: setTimeout(() => this.fail(new Error(`handwriting recogniser gave no answer in ${this.options.timeoutMs} ms`)), this.options.timeoutMs),
    };
    child.stdin.write(`${item.line}\n`);
  }

  private ensureChild(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(this.options.command, ['-m', this.options.modelPath, '-n', String(this.options.nbest)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    // Late output of a helper already given up on must not end the next request.
    child.stdout.on('data', (chunk: string) => {
      if (this.child === child) this.onData(chunk);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    child.on('error', (error) => this.onExit(child, `could not run ${this.options.command}: ${error.message}`));
    child.on('exit', (code, signal) => this.onExit(child, `exited (${signal ?? code}) ${stderr.trim()}`.trim()));
    // A write to a helper that just died must not crash the service; the exit handler reports it.
    child.stdin.on('error', () => undefined);
    this.child = child;
    this.buffer = '';
    return child;
  }

  private onExit(child: ChildProcessWithoutNullStreams, reason: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.fail(new Error(`handwriting recogniser ${reason}`));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      this.onLine(line);
      newline = this.buffer.indexOf('\n');
    }
  }

  private onLine(line: string): void {
    const current = this.current;
    if (!current) return;
    if (line.startsWith('Answer:')) {
      current.started = true;
    } else if (current.started && line !== '') {
      const space = line.lastIndexOf(' ');
      const score = Number(line.slice(space + 1));
      if (space > 0 && Number.isFinite(score)) current.lines.push({ text: line.slice(0, space), score });
    }
    if (current.started && current.lines.length >= this.options.nbest) {
      clearTimeout(current.timer);
      this.current = null;
      current.resolve(current.lines);
      this.next();
    }
  }

  /** Ends the current request with `error` and kills the helper (it may be stuck mid-answer). */
  private fail(error: Error): void {
    const current = this.current;
    this.current = null;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    if (!this.closed) this.next();
  }
}

/**
 * One character as zinnia's S-expression: integer pixel coordinates, so nothing but digits,
 * spaces and brackets ever reaches the helper.
 */
export function toZinniaSexp(strokes: readonly (readonly (readonly [number, number])[])[], width: number, height: number): string {
  const body = strokes.map((stroke) => `(${stroke.map(([x, y]) => `(${Math.round(x)} ${Math.round(y)})`).join('')})`).join('');
  return `(character (width ${Math.round(width)})(height ${Math.round(height)})(strokes ${body}))`;
}
