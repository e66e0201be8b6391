import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { flowJsonSchema, isRecord, type FlowDocument } from '@omniflow/flow-schema';
import { monaco } from '../../monaco/setupMonaco.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';

type EditorInstance = Parameters<OnMount>[0];

const MODEL_URI = 'inmemory://omniflow/flow.json';

/** The whole flow as JSON in monaco, checked against the flow JSON Schema; valid edits flow back to the canvas. */
export function JsonView() {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const editorRef = useRef<EditorInstance | null>(null);
  const lastApplied = useRef<string>('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    monaco.json.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      schemas: [{ uri: 'https://omniflow.dev/schema/flow.json', fileMatch: [MODEL_URI], schema: flowJsonSchema }],
    });
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !flow) return;
    const text = JSON.stringify(flow, null, 2);
    if (text === lastApplied.current) return;
    if (sameJson(editor.getValue(), flow)) return;
    lastApplied.current = text;
    editor.setValue(text);
  }, [flow]);

  // Subscribed on mount: the editor arrives after the first render, so an effect would miss it.
  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    lastApplied.current = editor.getValue();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: string | null = null;
    const apply = () => {
      const text = pending;
      pending = null;
      if (text === null) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        setInvalid(true);
        return;
      }
      if (!looksLikeFlow(parsed)) {
        setInvalid(true);
        return;
      }
      setInvalid(false);
      const current = useFlowStore.getState().flow;
      if (current && JSON.stringify(current) === JSON.stringify(parsed)) return;
      lastApplied.current = JSON.stringify(parsed, null, 2);
      useFlowStore.getState().replaceFlow(parsed);
    };
    // Leaving the JSON view right after an edit still applies it.
    editor.onDidDispose(() => {
      clearTimeout(timer);
      apply();
    });
    editor.onDidChangeModelContent(() => {
      pending = editor.getValue();
      clearTimeout(timer);
      timer = setTimeout(apply, 400);
    });
  };

  return (
    <div className="json-view">
      {invalid && (
        <p className="error-text" role="status">
          {t('jsonInvalid')}
        </p>
      )}
      <Editor
        height="100%"
        language="json"
        path={MODEL_URI}
        defaultValue={flow ? JSON.stringify(flow, null, 2) : ''}
        options={{
          ariaLabel: t('jsonView'),
          minimap: { enabled: false },
          automaticLayout: true,
          fontSize: 13,
          tabSize: 2,
        }}
        onMount={onMount}
      />
    </div>
  );
}

function looksLikeFlow(value: unknown): value is FlowDocument {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.edges) &&
    Array.isArray(value.locales)
  );
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
