/**
 * What "open all" did, board by board: which boards took the one board command, which were
 * opened one lock at a time (and whether that was because the board did not answer its
 * command), and which locks did not open and why, in plain words.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenAllOutcome } from '../../../common/lockers';

const FAILURES = ['jammed', 'no-reply', 'bus-offline', 'port-lost', 'bad-address', 'offline', 'busy'] as const;
type Failure = (typeof FAILURES)[number] | 'other';
const failure = (reason: string): Failure => (FAILURES as readonly string[]).includes(reason) ? (reason as Failure) : 'other';

export function OpenAllResult({ outcome }: { readonly outcome: OpenAllOutcome }): ReactElement {
  const { t } = useTranslation();
  const opened = new Set(outcome.opened);
  const why = new Map(outcome.failed.map((f) => [f.lockerNumber, f.reason]));
  return (
    <>
      <p>{t('console.openAll.result', { opened: outcome.opened.length, failed: outcome.failed.length })}</p>
      <ul className="open-all-boards" data-testid="open-all-boards">
        {outcome.boards.map((b) => {
          const count = b.lockers.length;
          const openedHere = b.lockers.filter((n) => opened.has(n)).length;
          const unreachable = count > 0 && b.lockers.every((n) => why.get(n) === 'offline');
          const how = unreachable
            ? t('console.openAll.unreachable')
            : b.method === 'board-command'
              ? t('console.openAll.byCommand', { opened: openedHere, count })
              : t(b.commandUnanswered ? 'console.openAll.noAnswer' : 'console.openAll.oneByOne', { opened: openedHere, count });
          return (
            <li key={`${b.bus}/${b.board}`} data-testid={`open-all-board-${b.bus}-${b.board}`} data-method={unreachable ? 'unreachable' : b.method}>
              {t('console.openAll.board', { board: b.board, bus: b.bus, how })}
            </li>
          );
        })}
      </ul>
      {outcome.failed.length > 0 && (
        <p data-testid="open-all-not-opened">
          {t('console.openAll.notOpened', {
            lockers: outcome.failed.map((f) => t('console.openAll.failedLock', { locker: f.lockerNumber, why: t(`console.openAll.failure.${failure(f.reason)}`) })).join(t('console.openAll.listSeparator')),
          })}
        </p>
      )}
    </>
  );
}
