import type { FlowDocument } from '@omniflow/flow-schema';
import type { AnalystMessageKey } from '../i18n/analystMessages.ts';
import { newFlow } from '../core/newFlow.ts';
import menuTransfer from './menuTransfer.json' with { type: 'json' };
import verification from './verification.json' with { type: 'json' };
import survey from './survey.json' with { type: 'json' };

/** A flow to start from: its body (a data file beside this module, or the empty flow) and the keys of its name and help text. */
export interface FlowTemplate {
  id: 'blank' | 'menuTransfer' | 'verification' | 'survey';
  name: AnalystMessageKey;
  help: AnalystMessageKey;
  body: Omit<FlowDocument, 'id' | 'name'>;
}

/** The templates offered when creating a flow, built from built-in node types only. */
export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  // Blank stays the designer's empty flow (English and Chinese, one start node), as "New flow" made it before.
  { id: 'blank', name: 'template_blank', help: 'template_blank_help', body: newFlow('blank', '', ['en-US', 'zh-CN']) },
  {
    id: 'menuTransfer',
    name: 'template_menuTransfer',
    help: 'template_menuTransfer_help',
    body: menuTransfer as FlowTemplate['body'],
  },
  {
    id: 'verification',
    name: 'template_verification',
    help: 'template_verification_help',
    body: verification as FlowTemplate['body'],
  },
  { id: 'survey', name: 'template_survey', help: 'template_survey_help', body: survey as FlowTemplate['body'] },
];

/** A new flow document from `template`, under its own id and name. */
export function flowFromTemplate(template: FlowTemplate, id: string, name: string): FlowDocument {
  return { ...structuredClone(template.body), id, name };
}
