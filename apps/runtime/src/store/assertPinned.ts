import type { VersionRelease } from './FlowStore.ts';

/**
 * The release, once it is known to carry its subflow pins: a publish without them (a caller that skipped
 * `FlowCompiler.compileForPublish`, or JavaScript that left them out) is a programmer error, refused before anything is
 * stored, since a version without pins would run whatever subflow version is live on each process (issue 22).
 */
export function assertPinned(release: VersionRelease): VersionRelease {
  const pins: unknown = release.subflows;
  if (typeof pins !== 'object' || pins === null || Array.isArray(pins))
    throw new TypeError(
      'A version is published with its subflow pins: pass the `subflows` that FlowCompiler.compileForPublish resolved ({} when the flow calls no subflow).',
    );
  for (const [flowId, version] of Object.entries(pins))
    if (!Number.isInteger(version) || Number(version) < 1)
      throw new TypeError(
        `Subflow pin "${flowId}" must be a published version number (1 or more), not ${String(version)}.`,
      );
  return release;
}
