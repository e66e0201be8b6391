import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { parseExpression } from '@omniflow/flow-schema';
import { monaco } from '../../monaco/setupMonaco.ts';
import { InsertVariableMenu } from '../../contact/InsertVariableMenu.tsx';

type EditorInstance = Parameters<OnMount>[0];

/** The parse error of an expression, or null when it parses (empty counts as no error). */
export function expressionError(src: string): { message: string; offset: number } | null {
  if (src.trim() === '') return null;
  const result = parseExpression(src);
  return result.ok ? null : result.error;
}

/** A one-line monaco editor for a safe expression; syntax errors are marked as you type. */
export function ExpressionField({
  value,
  onChange,
  label,
  inputId,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  inputId: string;
}) {
  const editorRef = useRef<EditorInstance | null>(null);
  const [error, setError] = useState(() => expressionError(value));

  const mark = (src: string) => {
    const found = expressionError(src);
    setError(found);
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (!found) {
      monaco.editor.setModelMarkers(model, 'omniflow-expression', []);
      return;
    }
    const start = model.getPositionAt(found.offset);
    const end = model.getPositionAt(Math.min(found.offset + 1, src.length));
    monaco.editor.setModelMarkers(model, 'omniflow-expression', [
      {
        severity: monaco.MarkerSeverity.Error,
        message: found.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: Math.max(end.column, start.column + 1),
      },
    ]);
  };

  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  return (
    <div className="expression-field" id={inputId} data-invalid={error ? 'true' : 'false'}>
      <Editor
        height={30}
        defaultLanguage="plaintext"
        defaultValue={value}
        options={{
          ariaLabel: label,
          lineNumbers: 'off',
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          folding: false,
          glyphMargin: false,
          lineDecorationsWidth: 4,
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          wordWrap: 'off',
          scrollbar: { vertical: 'hidden', horizontal: 'auto' },
          fontSize: 13,
          automaticLayout: true,
          fixedOverflowWidgets: true,
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          // One line: Enter must not insert a newline into an expression.
          editor.addCommand(monaco.KeyCode.Enter, () => undefined);
          mark(editor.getValue());
        }}
        onChange={(next) => {
          const src = (next ?? '').replace(/\n/g, ' ');
          mark(src);
          onChange(src);
        }}
      />
      <InsertVariableMenu label={label} onInsert={(path) => insertAtCursor(editorRef.current, value, path, onChange)} />
      {error && (
        <div className="field-error" role="status">
          {error.message} (col {error.offset + 1})
        </div>
      )}
    </div>
  );
}

/** Writes `path` at the editor's cursor (or at the end, before the editor is ready) as one undoable edit. */
function insertAtCursor(
  editor: EditorInstance | null,
  value: string,
  path: string,
  onChange: (value: string) => void,
): void {
  const selection = editor?.getSelection();
  if (!editor || !selection) {
    onChange(value === '' ? path : `${value} ${path}`);
    return;
  }
  editor.executeEdits('insert-variable', [{ range: selection, text: path, forceMoveMarkers: true }]);
  editor.focus();
}
