import { ANNOTATION_COLORS, type AnnotationColor } from '@omniflow/flow-schema';
import { useCanvasT } from '../../i18n/canvasMessages.ts';

/** The colour swatches of a selected note or group. */
export function AnnotationColors({
  value,
  onChange,
}: {
  value: AnnotationColor;
  onChange(color: AnnotationColor): void;
}) {
  const t = useCanvasT();
  return (
    <div className="annotation-colors nodrag" role="radiogroup" aria-label={t('colour')}>
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={color === value}
          aria-label={t(`color_${color}`)}
          title={t(`color_${color}`)}
          className={`annotation-swatch annotation-${color}`}
          onClick={() => onChange(color)}
        />
      ))}
    </div>
  );
}
