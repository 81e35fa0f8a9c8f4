/**
 * The wish wall: a grid of notes (pinned first, then newest), paged by swipe and buttons,
 * "me too" on each, and "Write a note" for whoever just checked in (the wish pass of that
 * check-in). Opened from the attract screen it is for reading only.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostWishOutcome, WishPage } from '../../common/wishes';
import { DoneButton } from '../components/DoneButton';
import { playSound } from '../app/sounds';
import { WALL_PAGE_SIZE } from './wall-layout';
import { currentWallOpening, forgetWallOpening } from './wall-opening';
import { swipeDirection, type PointerPoint } from './swipe';
import type { WishApi } from './wish-api';
import { WishCompose, type WishDraft } from './WishCompose';
import { preloadPinyinEngine } from './input/use-pinyin-engine';
import { WishNoteCard } from './WishNoteCard';
import './wishes.css';

export interface WishWallScreenProps {
  readonly api: WishApi;
  /** The wish pass of the check-in on screen; null when opened from the attract screen. */
  readonly pass: string | null;
  readonly onDone: () => void;
}

type Notice = { readonly kind: 'posted' | 'held' | 'noPass' | 'failed' } | { readonly kind: 'limited'; readonly count: number };

export function WishWallScreen({ api, pass: initialPass, onDone }: WishWallScreenProps): ReactElement {
  const { t } = useTranslation();
  const [pass, setPass] = useState(initialPass);
  const [page, setPage] = useState(0);
  // The first page asked for at the touch that opened the wall (see wall-opening.ts): when it
  // is already here, the wall's first paint has the notes.
  const opening = useRef(currentWallOpening());
  const [wall, setWall] = useState<WishPage | 'loading' | 'failed'>(() => {
    const answer = opening.current?.answer();
    return answer ? (answer.ok ? answer.value : 'failed') : 'loading';
  });
  const [composing, setComposing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [agreed, setAgreed] = useState<ReadonlySet<number>>(new Set());
  const swipeStart = useRef<PointerPoint | null>(null);

  const load = useCallback(
    async (wanted: number) => {
      const result = await api.listWishes({ page: wanted, pageSize: WALL_PAGE_SIZE });
      setWall(result.ok ? result.value : 'failed');
    },
    [api],
  );
  useEffect(() => {
    const first = page === 0 ? opening.current : null;
    opening.current = null;
    if (first === null) return void load(page);
    forgetWallOpening(first);
    if (first.answer() === null) void first.promise.then((result) => setWall(result.ok ? result.value : 'failed'));
  }, [load, page]);
  // Whoever may write gets the word list parsed while reading, before the first letter.
  useEffect(() => {
    if (initialPass !== null) preloadPinyinEngine();
  }, [initialPass]);

  const pageCount = typeof wall === 'object' ? wall.pageCount : 0;
  const turn = (direction: 'next' | 'prev') => {
    const target = direction === 'next' ? page + 1 : page - 1;
    if (target < 0 || target >= pageCount) return;
    playSound('tap');
    setPage(target);
  };

  const afterPost = (outcome: PostWishOutcome) => {
    switch (outcome.kind) {
      case 'refused':
        setProblem(t(`wishes.refusal.${outcome.reason}`, { max: outcome.maxLength }));
        return;
      case 'posted':
      case 'held':
        setNotice({ kind: outcome.kind });
        break;
      case 'limited':
        setNotice({ kind: 'limited', count: outcome.limit });
        break;
      case 'no-pass':
        setPass(null);
        setNotice({ kind: 'noPass' });
        break;
    }
    setComposing(false);
    setPage(0);
    void load(0);
  };

  const post = async (draft: WishDraft) => {
    if (pass === null) return;
    setProblem(null);
    const result = await api.postWish({ pass, ...draft });
    if (result.ok) {
      playSound(result.value.kind === 'posted' || result.value.kind === 'held' ? 'success' : 'failure');
      afterPost(result.value);
    } else {
      playSound('failure');
      setProblem(t('wishes.outcome.failed'));
    }
  };

  const meToo = async (id: number) => {
    if (pass === null) return;
    playSound('tap');
    const result = await api.meTooWish({ pass, id });
    if (!result.ok) return;
    if (result.value.kind === 'no-pass') {
      setPass(null);
      setNotice({ kind: 'noPass' });
      return;
    }
    if (result.value.kind === 'not-found') return void load(page);
    const count = result.value.meToo;
    setAgreed((before) => new Set(before).add(id));
    setWall((before) => (typeof before === 'object' ? { ...before, notes: before.notes.map((n) => (n.id === id ? { ...n, meToo: count } : n)) } : before));
  };

  if (composing && pass !== null && typeof wall === 'object') {
    return (
      <section className="screen screen-wishes" data-testid="screen-wishes">
        <WishCompose maxLength={wall.maxLength} onPost={post} onCancel={() => setComposing(false)} problem={problem} handwriting={api} />
      </section>
    );
  }

  return (
    <section className="screen screen-wishes" data-testid="screen-wishes">
      <header className="wish-wall-head">
        <div>
          <h1 className="wish-wall-title">{t('wishes.title')}</h1>
          <p className="wish-wall-subtitle">{t('wishes.subtitle')}</p>
        </div>
        {pass !== null ? (
          <button
            type="button"
            className="big-button is-primary"
            data-testid="wish-write"
            disabled={typeof wall !== 'object'}
            onClick={() => {
              playSound('tap');
              setProblem(null);
              setNotice(null);
              setComposing(true);
            }}
          >
            {t('wishes.write')}
          </button>
        ) : (
          <p className="wish-write-hint">{t('wishes.writeNeedsCheckIn')}</p>
        )}
      </header>
      {notice && (
        <p className="wish-notice" role="status" data-testid="wish-notice" data-kind={notice.kind}>
          {notice.kind === 'limited' ? t('wishes.outcome.limited', { count: notice.count }) : t(`wishes.outcome.${notice.kind}`)}
        </p>
      )}
      <div
        className="wish-grid"
        data-testid="wish-grid"
        onPointerDown={(e) => {
          swipeStart.current = { x: e.clientX, y: e.clientY, t: e.timeStamp };
        }}
        onPointerUp={(e) => {
          const start = swipeStart.current;
          swipeStart.current = null;
          const direction = start && swipeDirection(start, { x: e.clientX, y: e.clientY, t: e.timeStamp });
          if (direction) turn(direction);
        }}
      >
        {wall === 'loading' && <p className="wish-empty">{t('wishes.loading')}</p>}
        {wall === 'failed' && <p className="wish-empty">{t('wishes.loadFailed')}</p>}
        {typeof wall === 'object' && wall.notes.length === 0 && <p className="wish-empty" data-testid="wish-empty">{t('wishes.empty')}</p>}
        {typeof wall === 'object' &&
          wall.notes.map((note) => (
            <WishNoteCard key={note.id} note={note} agreed={agreed.has(note.id)} onMeToo={pass === null ? null : () => void meToo(note.id)} />
          ))}
      </div>
      <footer className="screen-actions wish-wall-foot">
        <button type="button" className="big-button" data-testid="wish-prev" disabled={page === 0} onClick={() => turn('prev')}>
          {t('wishes.prev')}
        </button>
        <span className="wish-page" data-testid="wish-page">
          {t('wishes.page', { page: page + 1, total: Math.max(pageCount, 1) })}
        </span>
        <button type="button" className="big-button" data-testid="wish-next" disabled={page + 1 >= pageCount} onClick={() => turn('next')}>
          {t('wishes.next')}
        </button>
        <DoneButton onDone={onDone} />
      </footer>
    </section>
  );
}
