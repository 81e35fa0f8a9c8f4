/** A locker number drawn huge inside a sentence (`<num>` in the message), findable by tests. */
import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';

type NumberMessage = 'locker.openTitle' | 'locker.retrieveTitle' | 'locker.chargingTitle' | 'locker.codeLocker';

export function LockerNumberLine({ i18nKey, number, className }: {
  readonly i18nKey: NumberMessage;
  readonly number: number;
  readonly className?: string;
}): ReactElement {
  return (
    <h1 className={className ?? 'locker-title'}>
      <Trans
        i18nKey={i18nKey}
        values={{ number }}
        components={{ num: <strong className="locker-number" data-testid="locker-number" /> }}
      />
    </h1>
  );
}
