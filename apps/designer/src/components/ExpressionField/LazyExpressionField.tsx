import { lazy, Suspense, type ComponentProps } from 'react';

const ExpressionField = lazy(() => import('./ExpressionField.tsx').then((m) => ({ default: m.ExpressionField })));

/** {@link ExpressionField} loaded on first use, so monaco stays out of the designer's first load. */
export function LazyExpressionField(props: ComponentProps<typeof ExpressionField>) {
  return (
    <Suspense
      fallback={
        <input
          id={props.inputId}
          aria-label={props.label}
          value={props.value}
          readOnly
          className="expression-loading"
        />
      }
    >
      <ExpressionField {...props} />
    </Suspense>
  );
}
