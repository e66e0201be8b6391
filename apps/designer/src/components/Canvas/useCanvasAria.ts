import { useMemo } from 'react';
import type { AriaLabelConfig, Node } from '@xyflow/react';
import type { AnnotationColor } from '@omniflow/flow-schema';
import { CANVAS_MESSAGES } from '../../i18n/canvasMessages.ts';
import { useUiLanguage } from '../../i18n/useT.ts';

/** The fill of each annotation colour, as the stylesheet draws it, for the minimap. */
const FILL: Record<AnnotationColor, string> = {
  yellow: '#fde68a',
  blue: '#bfdbfe',
  green: '#bbf7d0',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
  grey: '#e5e7eb',
};

function colorOf(node: Node): AnnotationColor | null {
  const color: unknown = node.data['color'];
  return typeof color === 'string' && color in FILL ? (color as AnnotationColor) : null;
}

/**
 * xyflow's own words (zoom buttons, minimap, keyboard help) in the UI language, and the minimap's colours: cards grey,
 * notes in their colour, group frames as outlines.
 */
export function useCanvasAria(): {
  config: Partial<AriaLabelConfig>;
  minimap: string;
  minimapColor(node: Node): string;
  minimapStroke(node: Node): string;
} {
  const language = useUiLanguage((s) => s.language);
  const words = CANVAS_MESSAGES[language];
  const minimap = words.minimap;
  const config = useMemo(
    (): Partial<AriaLabelConfig> => ({
      'node.a11yDescription.default': words.nodeHelp,
      'node.a11yDescription.keyboardDisabled': words.nodeHelp,
      'edge.a11yDescription.default': words.edgeHelp,
      'controls.ariaLabel': words.controls,
      'controls.zoomIn.ariaLabel': words.zoomIn,
      'controls.zoomOut.ariaLabel': words.zoomOut,
      'controls.interactive.ariaLabel': words.lockCanvas,
      'minimap.ariaLabel': minimap,
      'handle.ariaLabel': words.portHandle,
    }),
    [words, minimap],
  );
  return {
    config,
    minimap,
    minimapColor: (node) => {
      const color = colorOf(node);
      if (node.type === 'canvasGroup') return 'transparent';
      return color ? FILL[color] : '#cbd5e1';
    },
    minimapStroke: (node) => {
      const color = colorOf(node);
      return node.type === 'canvasGroup' && color ? FILL[color] : 'transparent';
    },
  };
}
