/**
 * The handwriting part of the station API: validates strokes against HANDWRITING_LIMITS,
 * asks the offline recogniser (zinnia with tegaki's simplified-Chinese model) and answers
 * candidates. Where the recogniser or its model is not installed, the station works on:
 * `getHandwritingAvailability` says why, and recognising answers `unavailable`.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  HANDWRITING_LIMITS,
  handwritingMethods,
  type HandwritingAvailability,
  type HandwritingCandidates,
} from '../../../../common/handwriting';
import { err, ok, type Result } from '../../../../common/result';
import { toZinniaSexp, ZinniaProcess } from './zinnia-process';

/** Where Debian's packages put them (`zinnia-utils`, `tegaki-zinnia-simplified-chinese`). */
export const DEFAULT_ZINNIA_COMMAND = 'zinnia';
export const DEFAULT_ZINNIA_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';
/** A stuck helper is given up on after this long, ms (an answer takes a few ms). */
const ANSWER_TIMEOUT_MS = 2000;

export interface HandwritingServiceOptions {
  /** The zinnia executable: a path, or a name looked up on PATH. Default `zinnia`. */
  readonly command?: string;
  /** Model file. Default tegaki's simplified-Chinese model. */
  readonly modelPath?: string;
}

export interface HandwritingService {
  readonly api: {
    getHandwritingAvailability(): Promise<Result<HandwritingAvailability>>;
    recogniseHandwriting(arg: unknown): Promise<Result<HandwritingCandidates>>;
  };
  /** Stops the helper process. */
  close(): void;
}

function executableFound(command: string): boolean {
  const candidates = command.includes('/') ? [command] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Checks once, at start: installing the packages takes a station restart to be seen. */
function detect(command: string, modelPath: string): HandwritingAvailability {
  if (!executableFound(command)) return { available: false, reason: 'recogniser-missing' };
  if (!existsSync(modelPath)) return { available: false, reason: 'model-missing' };
  return { available: true };
}

export function createHandwritingService(options: HandwritingServiceOptions = {}): HandwritingService {
  const command = options.command ?? DEFAULT_ZINNIA_COMMAND;
  const modelPath = options.modelPath ?? DEFAULT_ZINNIA_MODEL;
  const availability = detect(command, modelPath);
  const recogniser = availability.available
    ? new ZinniaProcess({ command, modelPath, nbest: HANDWRITING_LIMITS.maxCandidates, timeoutMs: ANSWER_TIMEOUT_MS })
    : null;

  const recogniseHandwriting = async (arg: unknown): Promise<Result<HandwritingCandidates>> => {
    const parsed = handwritingMethods.recogniseHandwriting.input.safeParse(arg);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err('invalid-argument', `recogniseHandwriting: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}`);
    }
    const { strokes, width, height } = parsed.data;
    let points = 0;
    for (const stroke of strokes) {
      for (const [x, y] of stroke) {
        points += 1;
        if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0 || y < 0 || x > width || y > height) {
          return err('invalid-argument', `recogniseHandwriting: point (${x}, ${y}) is outside the ${width}×${height} pad`);
        }
      }
    }
    if (points > HANDWRITING_LIMITS.maxPoints) {
      return err('invalid-argument', `recogniseHandwriting: ${points} points, at most ${HANDWRITING_LIMITS.maxPoints}`);
    }
    if (!recogniser || !availability.available) {
      return err('unavailable', `Handwriting is not available on this station (${availability.available ? 'closed' : availability.reason}).`);
    }
    try {
      const answer = await recogniser.classify(toZinniaSexp(strokes, width, height));
      return ok({ candidates: answer.map((c) => ({ text: c.text, score: c.score })) });
    } catch (error) {
      return err('unavailable', `Handwriting could not be read just now: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  let warmed = false;
  /**
   * The composer asks for availability when it opens: start the helper then, with one small
   * character, so the model is paged in before the first real stroke (about 250 ms cold).
   */
  const warm = (): void => {
    if (warmed || !recogniser) return;
    warmed = true;
    recogniser.classify(toZinniaSexp([[[0, 50], [100, 50]]], 100, 100)).catch(() => {
      warmed = false;
    });
  };

  return {
    api: {
      getHandwritingAvailability: async () => {
        warm();
        return ok(availability);
      },
      recogniseHandwriting,
    },
    close: () => recogniser?.close(),
  };
}
