/**
 * Writing on the wish wall with the on-screen keyboard only: pinyin phrases, English, or
 * handwriting. The text shows with its own caret (tap to move it); nothing in here is an
 * editable field, so the operating system's keyboard never appears and a card reader's
 * keystrokes still reach the page's wedge capture as a card tap.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CandidateBar, keepFocus } from './CandidateBar';
import { ComposerText } from './ComposerText';
import { HandwritingPad, type Stroke } from './HandwritingPad';
import { candidatePage, type PinyinCandidate } from './pinyin/engine';
import { MAX_PINYIN_INPUT } from './pinyin/segment';
import { countCharacters } from '../../../common/wish-text';
import { deleteBefore, insertText, keepCaret } from './text-edit';
import { TouchKeyboard, type KeyPress } from './TouchKeyboard';
import { useHandwriting, type HandwritingClient } from './use-handwriting';
import { usePinyinEngine } from './use-pinyin-engine';
import './composer.css';

/** Candidates on one page of the bar. */
export const CANDIDATES_PER_PAGE = 8;

export type ComposerMode = 'pinyin' | 'english' | 'path' | 'handwriting';

const TEXT_MODES: readonly ComposerMode[] = ['pinyin', 'english', 'handwriting'];

export interface TextComposerProps {
  /** The text (controlled). */
  readonly value: string;
  /** Every change of the text; never longer than `maxLength`. */
  readonly onChange: (value: string) => void;
  /**
   * Most characters the text may have, counted as the service counts them (grapheme
   * clusters: an emoji family or a flag is one); the counter shows `n / maxLength`.
   */
  readonly maxLength: number;
  /** Shown while the text is empty. */
  readonly placeholder?: string;
  /** Show the caret (at the end) from the start rather than after the first tap. */
  readonly autoFocus?: boolean;
  /**
   * The station service's handwriting methods; without it, or where the station has no
   * recogniser, the handwriting key is hidden and a line says why.
   */
  readonly handwriting?: HandwritingClient;
  /**
   * The input modes offered, the first one to start in; default pinyin, English and
   * handwriting. `['path']` alone is a folder path's keys (see `TouchKeyboard`).
   */
  readonly modes?: readonly ComposerMode[];
}

export function TextComposer({ value, onChange, maxLength, placeholder, autoFocus = false, handwriting, modes = TEXT_MODES }: TextComposerProps): ReactElement {
  const { t } = useTranslation();
  const engine = usePinyinEngine();
  const [mode, setMode] = useState<ComposerMode>(modes[0] ?? 'pinyin');
  const [caretRaw, setCaret] = useState(() => countCharacters(value));
  const [active, setActive] = useState(autoFocus);
  const [composition, setComposition] = useState('');
  const [page, setPage] = useState(0);
  const [shifted, setShifted] = useState(false);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const writing = useHandwriting(handwriting, strokes);
  const caret = keepCaret(value, caretRaw);
  const length = countCharacters(value);

  const pinyinCandidates = useMemo<PinyinCandidate[]>(() => {
    if (!composition) return [];
    const found = engine ? engine.candidates(composition) : [];
    // The letters as typed are always the last choice (a name, an English word).
    return [...found, { text: composition.replace(/[ ']/g, ''), rest: '' }];
  }, [engine, composition]);

  const handwritingShown = writing.availability?.available === true;
  useEffect(() => {
    if (mode === 'handwriting' && writing.availability?.available === false) setMode(modes[0] ?? 'pinyin');
  }, [mode, writing.availability, modes]);

  const insert = (text: string): void => {
    const next = insertText({ value, caret }, text, maxLength);
    setCaret(next.caret);
    if (next.value !== value) onChange(next.value);
  };
  const choosePinyin = (candidate: PinyinCandidate): void => {
    insert(candidate.text);
    setComposition(candidate.rest);
    setPage(0);
  };
  /** Writes the first candidate (then `after`) in place of the pending pinyin. */
  const commitFirst = (after: string): void => {
    const [first] = pinyinCandidates;
    const next = insertText({ value, caret }, (first?.text ?? '') + after, maxLength);
    setCaret(next.caret);
    if (next.value !== value) onChange(next.value);
    setComposition('');
    setPage(0);
  };
  const onPress = (press: KeyPress): void => {
    setActive(true);
    if (press.kind === 'backspace') {
      if (composition) {
        setComposition(composition.slice(0, -1));
        setPage(0);
        return;
      }
      const next = deleteBefore({ value, caret });
      setCaret(next.caret);
      if (next.value !== value) onChange(next.value);
      return;
    }
    if (mode === 'pinyin' && press.kind === 'char' && /^[a-z']$/.test(press.char)) {
      if (composition.length < MAX_PINYIN_INPUT && !(press.char === "'" && composition === '')) setComposition(composition + press.char);
      setPage(0);
      return;
    }
    // Space or punctuation with pinyin pending: space takes the first candidate, punctuation
    // takes it and follows it.
    if (composition) {
      commitFirst(press.kind === 'char' ? press.char : '');
      return;
    }
    insert(press.kind === 'space' ? ' ' : press.char);
    if (shifted) setShifted(false);
  };
  const switchMode = (next: ComposerMode): void => {
    setActive(true);
    // Pending pinyin is written as Space would write it: the first candidate, the one the bar
    // shows first (谢谢 for `xiexie`). Whoever typed pinyin meant Chinese; raw letters would
    // be a surprise, and dropping them would lose what they typed.
    if (composition) commitFirst('');
    setComposition('');
    setStrokes([]);
    setPage(0);
    setMode(next);
  };

  const list = mode === 'handwriting' ? writing.candidates : pinyinCandidates.map((c) => c.text);
  const shown = candidatePage(list, page, CANDIDATES_PER_PAGE);
  const hasNext = (page + 1) * CANDIDATES_PER_PAGE < list.length;
  const onChoose = (i: number): void => {
    if (mode === 'handwriting') {
      const text = shown[i];
      if (text !== undefined) insert(text);
      setStrokes([]);
      setPage(0);
      return;
    }
    const candidate = pinyinCandidates[page * CANDIDATES_PER_PAGE + i];
    if (candidate) choosePinyin(candidate);
  };
  const note =
    mode === 'pinyin' && composition && !engine
      ? t('keyboard.loading')
      : mode === 'handwriting' && writing.failed
        ? t('keyboard.handwritingFailed')
        : mode === 'handwriting'
          ? t('keyboard.handwritingHint')
          : undefined;
  const unavailable = writing.availability?.available === false ? writing.availability.reason : null;

  return (
    <div className="text-composer" data-testid="text-composer" data-mode={mode}>
      <div className="composer-top">
        <div className={active ? 'composer-field composer-active' : 'composer-field'}>
          <ComposerText
            value={value}
            caret={caret}
            composition={composition}
            placeholder={placeholder}
            onCaret={(c) => {
              setActive(true);
              setCaret(c);
            }}
          />
        </div>
        <span className={length >= maxLength ? 'composer-counter composer-full' : 'composer-counter'} data-testid="composer-counter">
          {length} / {maxLength}
        </span>
      </div>
      <CandidateBar candidates={shown} page={page} hasNext={hasNext} onChoose={onChoose} onPage={setPage} note={note} />
      <div className="composer-modes" role="group" aria-label={t('keyboard.modeLabel')}>
        {modes
          .filter((m) => m !== 'handwriting' || handwritingShown)
          .filter((_, __, shownModes) => shownModes.length > 1)
          .map((m) => (
            <button
              key={m}
              type="button"
              className={m === mode ? 'composer-mode composer-mode-on' : 'composer-mode'}
              data-testid={`composer-mode-${m}`}
              aria-pressed={m === mode}
              onMouseDown={keepFocus}
              onClick={() => switchMode(m)}
            >
              {t(`keyboard.mode.${m}`)}
            </button>
          ))}
        {unavailable && handwriting && (
          <span className="composer-mode-note" data-testid="handwriting-unavailable" data-reason={unavailable}>
            {t(`keyboard.handwritingUnavailable.${unavailable}`)}
          </span>
        )}
      </div>
      {mode === 'handwriting' ? (
        <HandwritingPad
          strokes={strokes}
          onStrokes={(s) => {
            setStrokes(s);
            setPage(0);
          }}
          onBackspace={() => onPress({ kind: 'backspace' })}
        />
      ) : (
        <TouchKeyboard layout={mode} shifted={shifted} onPress={onPress} onShift={() => setShifted(!shifted)} />
      )}
    </div>
  );
}
