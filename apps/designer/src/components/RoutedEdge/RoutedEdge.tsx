import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../core/routeOrthogonal.ts';

/** An edge's route as the canvas computed it around the cards (JSON, like all canvas data). */
export type RoutedEdgeData = { points: Point[] };

/** The xyflow edge type of routed edges. */
export type RoutedCanvasEdge = Edge<RoutedEdgeData, 'routed'>;

/** How round a route's corners are drawn; the rounding stays inside the corner, so it never reaches a card. */
const CORNER_RADIUS = 8;

/** An edge drawn along its precomputed orthogonal route (core/routeOrthogonal.ts), with rounded corners. */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedCanvasEdge>) {
  const { id, data, markerEnd, style, interactionWidth } = props;
  const points = data?.points;
  const path =
    points && points.length >= 2
      ? roundedPath(points)
      : getSmoothStepPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          targetX: props.targetX,
          targetY: props.targetY,
          sourcePosition: props.sourcePosition,
          targetPosition: props.targetPosition,
        })[0];
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      {...(interactionWidth === undefined ? {} : { interactionWidth })}
    />
  );
});

/** An SVG path through orthogonal corner points, each corner rounded by at most half of its shorter leg. */
export function roundedPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length; i++) {
    const corner = points[i];
    const before = points[i - 1];
    const after = points[i + 1];
    if (!corner || !before) continue;
    if (!after) {
      d += ` L ${corner.x} ${corner.y}`;
      continue;
    }
    const inLength = Math.abs(corner.x - before.x) + Math.abs(corner.y - before.y);
    const outLength = Math.abs(after.x - corner.x) + Math.abs(after.y - corner.y);
    const r = Math.min(CORNER_RADIUS, inLength / 2, outLength / 2);
    const enter = towards(corner, before, r);
    const leave = towards(corner, after, r);
    d += ` L ${enter.x} ${enter.y} Q ${corner.x} ${corner.y} ${leave.x} ${leave.y}`;
  }
  return d;
}

function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.abs(to.x - from.x) + Math.abs(to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) / length) * distance, y: from.y + ((to.y - from.y) / length) * distance };
}
