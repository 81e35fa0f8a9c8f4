/** One-tap worker category on a first visit, with Skip. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKER_CATEGORIES, type WorkerCategory } from '../../common/domain';
import { Icon, type IconName } from './icons';

const CATEGORY_ICONS: Record<WorkerCategory, IconName> = {
  'food-delivery': 'scooter',
  courier: 'box',
  'ride-hailing': 'car',
  sanitation: 'broom',
  other: 'dots',
};

/** `onPick(null)` means skipped. */
export function CategoryPicker({ onPick }: { readonly onPick: (category: WorkerCategory | null) => Promise<void> }): ReactElement {
  const { t } = useTranslation();
  // One answer only: a gloved double tap must not send two.
  const [busy, setBusy] = useState(false);
  const pick = (category: WorkerCategory | null): void => {
    if (busy) return;
    setBusy(true);
    void onPick(category).finally(() => setBusy(false));
  };
  return (
    <section className="category-picker" aria-labelledby="category-question">
      <h2 id="category-question" className="category-question">
        {t('category.question')}
      </h2>
      <p className="category-hint">{t('category.hint')}</p>
      <div className="category-grid">
        {WORKER_CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className="big-button category-button"
            data-testid={`category-${category}`}
            disabled={busy}
            onClick={() => pick(category)}
          >
            <Icon name={CATEGORY_ICONS[category]} />
            <span>{t(`category.${category}`)}</span>
          </button>
        ))}
        <button
          type="button"
          className="big-button category-button is-quiet"
          data-testid="category-skip"
          disabled={busy}
          onClick={() => pick(null)}
        >
          <span>{t('category.skip')}</span>
        </button>
      </div>
    </section>
  );
}
