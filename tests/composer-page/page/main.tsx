/**
 * Test page for the wish-wall composer (tests/e2e/composer.spec.ts): the real TextComposer,
 * the real wedge capture and the real station client, nothing else. Built by its own Vite
 * config into dist/composer-test; the kiosk's build never reaches it.
 */
import { lazy, StrictMode, Suspense, useCallback, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { pickStationClient } from '../../../renderer/api/station-client';
import { useWedgeCapture } from '../../../renderer/app/use-wedge-capture';
import { initI18n } from '../../../renderer/i18n/i18n';
import { loadStringsPart } from '../../../renderer/i18n/locale-loader';
import '../../../renderer/styles/base.css';

// Lazily, as the wall loads it (with the wall's strings), so its chunk size can be measured
// (tests/bench/wish-input.ts).
const TextComposer = lazy(() =>
  Promise.all([import('../../../renderer/wishes/input/TextComposer'), loadStringsPart('wall')]).then(([m]) => ({ default: m.TextComposer })),
);

initI18n();
const client = pickStationClient();
const MAX = Number(new URLSearchParams(location.search).get('max') ?? 140);

function ComposerTestPage(): ReactElement {
  const [value, setValue] = useState('');
  const [cards, setCards] = useState<string[]>([]);
  const onCard = useCallback((text: string) => {
    void client.submitWedgeRead({ text }).then((result) => {
      setCards((list) => [...list, `${text}:${result.ok ? result.value.kind : result.code}`]);
    });
  }, []);
  useWedgeCapture(onCard);
  return (
    <main style={{ padding: 24 }}>
      <output data-testid="composer-value">{value}</output>
      <ol data-testid="card-reads">
        {cards.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
      <Suspense fallback={null}>
        <TextComposer value={value} onChange={setValue} maxLength={MAX} placeholder="写下你的心愿" handwriting={client} />
      </Suspense>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ComposerTestPage />
    </StrictMode>,
  );
}
