/**
 * What the kiosk last learned about the lockers, for parts drawn deep inside screens (the
 * "Phone charging" line of today's offers) that must not claim charging works when it does not.
 */
import { createContext, useContext } from 'react';
import type { LockerOffer } from './locker-flow';

export const LockerOfferContext = createContext<LockerOffer>('checking');

export function useLockerOffer(): LockerOffer {
  return useContext(LockerOfferContext);
}

/** How the charging offer should read now: as configured, or full / out of order right now. */
export function chargingOfferStatus(offer: LockerOffer): 'as-configured' | 'full' | 'unavailable' {
  if (offer === 'checking') return 'as-configured';
  if (offer === 'failed') return 'unavailable';
  switch (offer.state) {
    case 'full':
      return 'full';
    case 'offline':
      return 'unavailable';
    default:
      // `none`: the station offers charging some other way (sockets on the wall).
      return 'as-configured';
  }
}
