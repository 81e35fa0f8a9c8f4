/**
 * The dashboard's words in zh-CN (the default) and English. `?lang=en` or `?lang=zh-CN`
 * chooses; otherwise the browser's Accept-Language, otherwise Chinese.
 */

export type DashboardLanguage = 'zh-CN' | 'en';

const zh = {
  title: '驿站联网总览',
  signInTitle: '登录驿站联网总览',
  tokenLabel: '访问令牌',
  signIn: '登录',
  signOut: '退出',
  badToken: '令牌无效或已停用。',
  signInHelp: '令牌由管理员用 npm run collector -- dashboard-token 姓名 生成。',
  stations: '驿站',
  station: '驿站',
  lastSeen: '最近联系',
  never: '从未',
  health: '设备',
  healthOk: '正常',
  healthSilent: '失联',
  healthUnknown: '未知',
  visits7: '近7天到访',
  visitsPerDay: '每日到访（全部驿站）',
  day: '日期',
  members: '会员',
  guests: '访客',
  uniqueWorkers: '本月不重复劳动者（估算）',
  uniqueWorkersNote: '由各站每日的 HyperLogLog 合并，标准误差约',
  sketches: '份站日数据',
  charging: '充电柜使用（近7天）',
  sessions: '使用次数',
  avgDuration: '平均时长（分钟）',
  faults: '故障',
  shortages: '物资短缺',
  item: '物资',
  stock: '库存',
  lowAt: '预警线',
  since: '开始于',
  noShortages: '目前没有短缺。',
  unreadWishes: '未读心愿',
  noWishes: '没有未读的心愿。',
  category: '类别',
  posted: '发布于',
  reply: '回复',
  replyPlaceholder: '写给这位劳动者的回复（最多200字）',
  send: '发送回复',
  markRead: '标为已读',
  replySaved: '回复已保存，将发往驿站。',
  markedRead: '已标为已读。',
  replyInvalid: '回复需为1到200个字。',
  inspections: '巡检记录',
  when: '时间',
  failed: '未通过',
  allPassed: '全部通过',
  none: '暂无',
  language: 'English',
  'cat.wish': '心愿',
  'cat.thanks': '感谢',
  'cat.suggestion': '建议',
  'cat.help': '求助',
} as const;

export type DashboardKey = keyof typeof zh;

const en: Record<DashboardKey, string> = {
  title: 'Rest stations: fleet overview',
  signInTitle: 'Sign in to the fleet overview',
  tokenLabel: 'Access token',
  signIn: 'Sign in',
  signOut: 'Sign out',
  badToken: 'That token is not valid or has been revoked.',
  signInHelp: 'An administrator makes tokens with npm run collector -- dashboard-token NAME.',
  stations: 'Stations',
  station: 'Station',
  lastSeen: 'Last seen',
  never: 'never',
  health: 'Devices',
  healthOk: 'OK',
  healthSilent: 'silent',
  healthUnknown: 'unknown',
  visits7: 'Visits, last 7 days',
  visitsPerDay: 'Visits per day (all stations)',
  day: 'Day',
  members: 'Members',
  guests: 'Guests',
  uniqueWorkers: 'Unique workers this month (estimate)',
  uniqueWorkersNote: 'Merged from every station-day HyperLogLog sketch; standard error about',
  sketches: 'station-day sketches',
  charging: 'Charging lockers (last 7 days)',
  sessions: 'Sessions',
  avgDuration: 'Average minutes',
  faults: 'Faults',
  shortages: 'Shortages',
  item: 'Item',
  stock: 'Stock',
  lowAt: 'Alert at',
  since: 'Since',
  noShortages: 'No shortages now.',
  unreadWishes: 'Unread wishes',
  noWishes: 'No unread wishes.',
  category: 'Category',
  posted: 'Posted',
  reply: 'Reply',
  replyPlaceholder: 'A reply to this worker (up to 200 characters)',
  send: 'Send reply',
  markRead: 'Mark read',
  replySaved: 'Reply saved; it goes down to the station.',
  markedRead: 'Marked read.',
  replyInvalid: 'A reply is 1 to 200 characters.',
  inspections: 'Inspections',
  when: 'When',
  failed: 'Failed',
  allPassed: 'all passed',
  none: 'none yet',
  language: '中文',
  'cat.wish': 'Wish',
  'cat.thanks': 'Thanks',
  'cat.suggestion': 'Suggestion',
  'cat.help': 'Help',
};

export type Translate = (key: DashboardKey) => string;

export function translator(language: DashboardLanguage): Translate {
  return language === 'en' ? (key) => en[key] : (key) => zh[key];
}

/** `?lang=` first, then the first of Accept-Language's languages we have, else Chinese. */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined): DashboardLanguage {
  if (queryLang === 'en') return 'en';
  if (queryLang === 'zh-CN' || queryLang === 'zh') return 'zh-CN';
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
