/** The parts of the station API the wish wall's screens use. */
import type { StationApi } from '../../common/contract';

export type WishApi = Pick<StationApi, 'listWishes' | 'postWish' | 'meTooWish' | 'getHandwritingAvailability' | 'recogniseHandwriting'>;
