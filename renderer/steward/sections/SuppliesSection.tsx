/**
 * Supplies: every item with its stock and unit, low ones marked, open alerts on top. Tap an
 * item, type the number on the keypad, then "Counted" (what is on the shelf) or "Restocked"
 * (what was added).
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplyAlert, SupplyItem } from '../../../common/supplies';
import type { CodeKey } from '../../app/locker-flow';
import { Keypad } from '../../components/Keypad';
import { localized, toLocale } from '../../i18n/i18n';
import type { ConsoleSectionProps } from '../console-sections';
import './sections.css';

export function SuppliesSection({ client, session, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const [items, setItems] = useState<readonly SupplyItem[]>([]);
  const [alerts, setAlerts] = useState<readonly SupplyAlert[]>([]);
  const [chosen, setChosen] = useState<SupplyItem | null>(null);
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const result = checked(await client.listSupplies({ session }));
    setFailed(!result.ok);
    if (result.ok) {
      setItems(result.value.items);
      setAlerts(result.value.alerts);
    }
  }, [client, session, checked]);
  useEffect(() => {
    void load();
  }, [load]);

  const record = async (kind: 'count' | 'restock') => {
    if (!chosen || digits === '') return;
    setBusy(true);
    const result = checked(await client.recordStock({ session, itemId: chosen.id, kind, quantity: Number(digits), note: null }));
    setBusy(false);
    setFailed(!result.ok);
    if (result.ok) {
      setChosen(null);
      setDigits('');
      await load();
    }
  };
  const onKey = (key: CodeKey) => setDigits((d) => (key === 'back' ? d.slice(0, -1) : (d + key).replace(/^0+(?=\d)/, '').slice(0, 5)));
  const nameOf = (id: number) => items.find((i) => i.id === id);

  return (
    <section className="console-section supplies-section" data-testid="section-supplies">
      {alerts.length > 0 && (
        <ul className="console-alerts" data-testid="supplies-alerts" role="alert">
          {alerts.map((a) => {
            const item = nameOf(a.itemId);
            return (
              <li key={a.id} data-testid={`supplies-alert-${a.itemId}`}>
                {t('supplies.lowAlert', { name: item ? localized(item.name, locale) : a.itemId, stock: a.stock, unit: item ? localized(item.unit, locale) : '' })}
              </li>
            );
          })}
        </ul>
      )}
      {failed && <p className="console-error">{t('supplies.failed')}</p>}
      {chosen ? (
        <div className="supplies-entry" data-testid="supplies-entry">
          <h3>{localized(chosen.name, locale)}</h3>
          <Keypad
            digits={digits}
            length={5}
            disabled={busy}
            canSubmit={!busy && digits !== ''}
            onKey={onKey}
            onSubmit={() => void record('count')}
            digitsLabel={t('supplies.quantity')}
            submitLabel={t('supplies.counted')}
            submitTestId="supplies-counted"
          />
          <div className="console-buttons">
            <button type="button" className="big-button" data-testid="supplies-restocked" disabled={busy || digits === '' || digits === '0'} onClick={() => void record('restock')}>
              {t('supplies.restocked')}
            </button>
            <button type="button" className="big-button" data-testid="supplies-cancel" onClick={() => setChosen(null)}>
              {t('supplies.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ul className="supplies-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className={item.low ? 'supply is-low' : 'supply'} data-testid={`supply-${item.id}`} data-low={item.low} onClick={() => { setChosen(item); setDigits(''); }}>
                <span className="supply-name">{localized(item.name, locale)}</span>
                <span className="supply-stock">{item.stock === null ? t('supplies.notCounted') : `${item.stock} ${localized(item.unit, locale)}`}</span>
                {item.season !== 'all' && <span className="supply-season">{t(`supplies.season.${item.season}`)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
