/** Station info for renderer tests: one valid value, so a new field is added in one place. */
import type { StationInfo } from '../../common/domain';

export const TEST_STATION_INFO: StationInfo = {
  stationId: 's1',
  stationName: { 'zh-CN': '朝阳驿站', en: 'Chaoyang Station' },
  openingInfo: { 'zh-CN': '24小时开放', en: 'Open 24 hours' },
  todayOffers: [],
  joinUrl: 'https://example.org/join',
  idleTimeoutSeconds: 60,
  defaultLocale: 'zh-CN',
  tapOutEnabled: true,
  readerPosition: 'below',
  spokenPrompts: true,
};
