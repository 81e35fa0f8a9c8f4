/**
 * The service is not answering (yet): a calm, never blank, screen that fixes itself. Once the
 * service has answered before, its silence means it is restarting: the station itself is
 * still open, so the screen says the worker can go in.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceState } from '../app/kiosk-state';

export function ConnectingScreen({ service }: { readonly service: ServiceState }): ReactElement {
  const { t } = useTranslation();
  const restarting = service === 'reconnecting';
  return (
    <section className="screen screen-message screen-connecting" data-testid="screen-connecting" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 className="message-title" role={restarting ? 'alert' : undefined} data-testid={restarting ? 'service-restarting' : undefined}>
        {restarting ? t('app.restarting') : t('app.starting')}
      </h1>
      <p className="message-body">{restarting ? t('app.restartingHint') : t('app.startingHint')}</p>
    </section>
  );
}
