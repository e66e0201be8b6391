import { useAnalystT } from '../../i18n/analystMessages.ts';
import { FLOW_TEMPLATES, type FlowTemplate } from '../../templates/flowTemplates.ts';

/** Picks the template a new flow starts from, as a row of cards with a name, a short help text and the node count. */
export function TemplateGallery({
  value,
  onChange,
}: {
  value: FlowTemplate['id'];
  onChange(id: FlowTemplate['id']): void;
}) {
  const t = useAnalystT();
  return (
    <fieldset className="template-gallery">
      <legend>{t('newFromTemplate')}</legend>
      {FLOW_TEMPLATES.map((template) => (
        <label key={template.id} className={template.id === value ? 'template-card is-current' : 'template-card'}>
          <input
            type="radio"
            name="flow-template"
            value={template.id}
            checked={template.id === value}
            onChange={() => onChange(template.id)}
          />
          <strong>{t(template.name)}</strong>
          <span className="muted">{t(template.help)}</span>
          <span className="template-nodes" aria-hidden="true">
            {template.body.nodes.map((n) => (
              <i key={n.id} data-type={n.type} />
            ))}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
