/** Plain-words warning when a card reader is down, so nobody taps and waits in vain. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

export function DeviceBanner(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="device-banner" data-testid="device-banner" role="alert">
      <Icon name="alert" />
      <span>{t('device.readerOffline')}</span>
    </div>
  );
}
