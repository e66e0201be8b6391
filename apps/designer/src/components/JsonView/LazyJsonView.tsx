import { lazy, Suspense } from 'react';

const JsonView = lazy(() => import('./JsonView.tsx').then((m) => ({ default: m.JsonView })));

/** {@link JsonView} loaded on first use, so monaco stays out of the designer's first load. */
export function LazyJsonView() {
  return (
    <Suspense fallback={<p className="app-message">…</p>}>
      <JsonView />
    </Suspense>
  );
}
