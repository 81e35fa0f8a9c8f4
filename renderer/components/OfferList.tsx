/** Today's services at the station, each with an icon and its hours. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationOffer } from '../../common/domain';
import { localized, toLocale } from '../i18n/i18n';
import { chargingOfferStatus, useLockerOffer } from '../app/locker-offer-context';
import { Icon, resolveIcon } from './icons';

export function OfferList({ offers }: { readonly offers: readonly StationOffer[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const charging = chargingOfferStatus(useLockerOffer());
  return (
    <section className="offers" aria-labelledby="offers-title">
      <h2 id="offers-title" className="offers-title">
        {t('common.todayOffers')}
      </h2>
      {offers.length === 0 ? (
        <p className="offers-empty">{t('common.noOffers')}</p>
      ) : (
        <ul className="offer-list">
          {offers.map((offer) => {
            const icon = resolveIcon(offer.icon);
            // The lockers' own state beats the configured hours: never "All day" on a full wall.
            const status = icon === 'charging' ? charging : 'as-configured';
            return (
              <li key={offer.id} className={status === 'as-configured' ? 'offer' : 'offer is-unavailable'} data-testid={`offer-${offer.id}`} data-status={status}>
                <Icon name={icon} className="offer-icon" />
                <span className="offer-title">{localized(offer.title, locale)}</span>
                {status === 'as-configured' ? (
                  <span className="offer-hours">
                    <Icon name="clock" className="offer-clock" />
                    {offer.hours || t('common.allDay')}
                  </span>
                ) : (
                  <span className="offer-hours is-warning">
                    <Icon name="alert" className="offer-clock" />
                    {t(status === 'full' ? 'common.offerFull' : 'common.offerUnavailable')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
