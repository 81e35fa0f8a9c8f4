/**
 * Candidates in large buttons, one page at a time, with page buttons at both ends. The first
 * candidate of the first page is what the space key would choose.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Tapping a candidate must not focus it: a card reader's Enter would press a focused button. */
export function keepFocus(event: { preventDefault(): void }): void {
  event.preventDefault();
}

export interface CandidateBarProps {
  /** Texts of the current page. */
  readonly candidates: readonly string[];
  readonly page: number;
  readonly hasNext: boolean;
  readonly onChoose: (indexOnPage: number) => void;
  readonly onPage: (page: number) => void;
  /** Shown when there is nothing to choose (e.g. the dictionary is still loading). */
  readonly note?: string;
}

export function CandidateBar({ candidates, page, hasNext, onChoose, onPage, note }: CandidateBarProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="candidate-bar" data-testid="candidate-bar" data-page={page}>
      <button type="button" className="candidate-page" disabled={page === 0} aria-label={t('keyboard.previousPage')} onMouseDown={keepFocus} onClick={() => onPage(page - 1)}>
        ‹
      </button>
      <div className="candidate-list">
        {candidates.length === 0 && note && <span className="candidate-note">{note}</span>}
        {candidates.map((text, i) => (
          <button key={`${page}-${i}`} type="button" className="candidate" data-testid="candidate" onMouseDown={keepFocus} onClick={() => onChoose(i)}>
            {text}
          </button>
        ))}
      </div>
      <button type="button" className="candidate-page" disabled={!hasNext} aria-label={t('keyboard.nextPage')} onMouseDown={keepFocus} onClick={() => onPage(page + 1)}>
        ›
      </button>
    </div>
  );
}
