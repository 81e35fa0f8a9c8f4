/** Today's services at the station, each with an icon and its hours. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationOffer } from '../../common/domain';
import { localized, toLocale } from '../i18n/i18n';
import { Icon, resolveIcon } from './icons';

export function OfferList({ offers }: { readonly offers: readonly StationOffer[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  return (
    <section className="offers" aria-labelledby="offers-title">
      <h2 id="offers-title" className="offers-title">
        {t('common.todayOffers')}
      </h2>
      {offers.length === 0 ? (
        <p className="offers-empty">{t('common.noOffers')}</p>
      ) : (
        <ul className="offer-list">
          {offers.map((offer) => (
            <li key={offer.id} className="offer">
              <Icon name={resolveIcon(offer.icon)} className="offer-icon" />
              <span className="offer-title">{localized(offer.title, locale)}</span>
              <span className="offer-hours">
                <Icon name="clock" className="offer-clock" />
                {offer.hours || t('common.allDay')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
