/**
 * Emergency "open all": a steward taps it, picks why (first confirmation), then confirms
 * again; only the second tap sends. What it did, board by board, is shown after (`OpenAllResult`).
 */
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenAllOutcome } from '../../../common/lockers';
import type { Result } from '../../../common/result';
import { playSound } from '../../app/sounds';
import { OpenAllResult } from './OpenAllResult';

const REASONS = ['emergency', 'power'] as const;
type Reason = (typeof REASONS)[number];

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'why' }
  | { readonly kind: 'sure'; readonly reason: Reason }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly outcome: OpenAllOutcome | null };

export function OpenAllButton({ openAll }: { readonly openAll: (reason: string) => Promise<Result<OpenAllOutcome>> }): ReactElement {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const sending = useRef(false);
  const send = (reason: Reason): void => {
    if (sending.current) return;
    sending.current = true;
    setStep({ kind: 'sending' });
    void openAll(t(`console.openAll.reason.${reason}`)).then((result) => {
      sending.current = false;
      playSound(result.ok && result.value.failed.length === 0 ? 'success' : 'failure');
      setStep({ kind: 'done', outcome: result.ok ? result.value : null });
    });
  };
  const cancel = (
    <button type="button" className="big-button" data-testid="open-all-cancel" onClick={() => setStep({ kind: 'idle' })}>
      {t('console.openAll.cancel')}
    </button>
  );
  switch (step.kind) {
    case 'idle':
      return (
        <button type="button" className="big-button open-all-button" data-testid="open-all" onClick={() => setStep({ kind: 'why' })}>
          {t('console.openAll.button')}
        </button>
      );
    case 'why':
      return (
        <div className="open-all-sheet" role="dialog" data-testid="open-all-why">
          <p>{t('console.openAll.why')}</p>
          {REASONS.map((reason) => (
            <button key={reason} type="button" className="big-button" data-testid={`open-all-reason-${reason}`} onClick={() => setStep({ kind: 'sure', reason })}>
              {t(`console.openAll.reason.${reason}`)}
            </button>
          ))}
          {cancel}
        </div>
      );
    case 'sure':
      return (
        <div className="open-all-sheet" role="alertdialog" data-testid="open-all-sure">
          <p>{t('console.openAll.sure')}</p>
          <button type="button" className="big-button danger-button" data-testid="open-all-confirm" onClick={() => send(step.reason)}>
            {t('console.openAll.confirm')}
          </button>
          {cancel}
        </div>
      );
    case 'sending':
      return <p className="open-all-sheet" role="status">{t('console.openAll.sending')}</p>;
    case 'done':
      return (
        <div className="open-all-sheet" role="status" data-testid="open-all-done">
          {step.outcome === null ? <p>{t('console.openAll.failed')}</p> : <OpenAllResult outcome={step.outcome} />}
          <button type="button" className="big-button" data-testid="open-all-close" onClick={() => setStep({ kind: 'idle' })}>
            {t('console.openAll.close')}
          </button>
        </div>
      );
    default:
      return step satisfies never;
  }
}
