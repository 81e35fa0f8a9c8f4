/** A locker number drawn huge inside a sentence (`<num>` in the message), findable by tests. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkedText } from './MarkedText';

type NumberMessage = 'locker.openTitle' | 'locker.retrieveTitle' | 'locker.chargingTitle' | 'locker.codeLocker';

export function LockerNumberLine({ i18nKey, number, className }: {
  readonly i18nKey: NumberMessage;
  readonly number: number;
  readonly className?: string;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <h1 className={className ?? 'locker-title'}>
      <MarkedText text={t(i18nKey, { number })} mark={<strong className="locker-number" data-testid="locker-number" />} />
    </h1>
  );
}
