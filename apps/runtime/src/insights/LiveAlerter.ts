import { evaluateCategoryRules, type CategoryRule } from '@omniflow/analytics';
import type { AlertHub } from './AlertHub.ts';
import type { ContactRecord } from './deriveContact.ts';
import type { InsightsStore } from './InsightsStore.ts';

/**
 * Raises the real-time alerts of a live contact: each alerting rule's category once per contact, whichever process
 * and whichever part of the contact (a bot turn, a line of the agent chat) matched it first.
 */
export class LiveAlerter {
  readonly #store: InsightsStore;
  readonly #hub: AlertHub;
  /** Categories already alerted per live contact in this process (saves the claim's round trip). */
  readonly #alerted = new Map<string, Set<string>>();

  constructor(deps: { store: InsightsStore; hub: AlertHub }) {
    this.#store = deps.store;
    this.#hub = deps.hub;
  }

  /** Checks the contact so far against the alerting rules; raises (publishes, posts) what this process claims. */
  async check(
    contact: Pick<ContactRecord, 'sessionId' | 'flowId' | 'channel' | 'facts'>,
    alerting: readonly CategoryRule[],
    webhooks: readonly string[],
  ): Promise<void> {
    const match = evaluateCategoryRules(alerting, contact.facts);
    const seen = this.#alerted.get(contact.sessionId) ?? new Set<string>();
    this.#alerted.set(contact.sessionId, seen);
    for (const category of match.alerts) {
      if (seen.has(category)) continue;
      seen.add(category);
      // Turns of one contact may reach several processes: the one whose claim is stored first raises the alert.
      if (!(await this.#store.claimAlert(contact.sessionId, category))) continue;
      this.#hub.publish(
        {
          sessionId: contact.sessionId,
          flowId: contact.flowId,
          channel: contact.channel,
          category,
          ruleIds: alerting
            .filter((rule) => rule.category === category && match.matchedRuleIds.includes(rule.id))
            .map((rule) => rule.id),
          at: new Date().toISOString(),
        },
        webhooks,
      );
    }
  }

  /** Forgets a contact that is over (its claims stay stored). */
  forget(sessionId: string): void {
    this.#alerted.delete(sessionId);
  }
}
