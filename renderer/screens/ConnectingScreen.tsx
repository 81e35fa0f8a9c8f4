/** The service is not answering (yet): a calm, never blank, screen that fixes itself. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceState } from '../app/kiosk-state';

export function ConnectingScreen({ service }: { readonly service: ServiceState }): ReactElement {
  const { t } = useTranslation();
  const reconnecting = service === 'reconnecting';
  return (
    <section className="screen screen-message screen-connecting" data-testid="screen-connecting" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 className="message-title">{reconnecting ? t('app.reconnecting') : t('app.starting')}</h1>
      <p className="message-body">{reconnecting ? t('app.reconnectingHint') : t('app.startingHint')}</p>
    </section>
  );
}
