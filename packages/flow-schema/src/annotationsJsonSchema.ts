import type { JsonSchema } from './nodeTypeSpec.ts';
import { ANNOTATION_COLORS, ANNOTATIONS_VERSION } from './flowDocument.ts';

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const color: JsonSchema = { enum: [...ANNOTATION_COLORS] };
const position: JsonSchema = {
  type: 'object',
  required: ['x', 'y'],
  additionalProperties: false,
  properties: { x: { type: 'number' }, y: { type: 'number' } },
};
// Big enough for a frame around a few hundred nodes, small enough that a typo cannot make a canvas-sized note.
const extent: JsonSchema = { type: 'number', minimum: 20, maximum: 100_000 };
const size: JsonSchema = {
  type: 'object',
  required: ['width', 'height'],
  additionalProperties: false,
  properties: { width: extent, height: extent },
};

/** JSON Schema of a flow's {@link CanvasAnnotations} section (sticky notes and groups), at {@link ANNOTATIONS_VERSION}. */
export const annotationsJsonSchema: JsonSchema = {
  type: 'object',
  required: ['version', 'notes', 'groups'],
  additionalProperties: false,
  properties: {
    version: { const: ANNOTATIONS_VERSION },
    notes: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['id', 'text', 'color', 'position', 'size'],
        additionalProperties: false,
        properties: { id, text: { type: 'string', maxLength: 10_000 }, color, position, size },
      },
    },
    groups: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['id', 'title', 'color', 'position', 'size', 'nodes'],
        additionalProperties: false,
        properties: {
          id,
          title: { type: 'string', maxLength: 500 },
          color,
          position,
          size,
          nodes: { type: 'array', maxItems: 10_000, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
};
