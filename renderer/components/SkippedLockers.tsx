/** "Locker 3 would not open, we opened locker 5 instead", so nobody stands at the wrong door. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

export function SkippedLockers({ skipped, number }: { readonly skipped: readonly number[]; readonly number: number }): ReactElement | null {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  const lockers = skipped.join(t('locker.listSeparator'));
  return (
    <p className="skipped-lockers" data-testid="skipped-faulty" role="status">
      <Icon name="alert" className="inline-icon" /> {t('locker.skipped', { count: skipped.length, lockers, number })}
    </p>
  );
}
