import { useMessageTable } from './useMessageTable.ts';
import type { UiLanguage } from './messages.ts';

const EN = {
  addNote: 'Add note',
  groupSelection: 'Group selection',
  groupSelectionHint: 'Select nodes first (Shift-click or drag a box with Shift).',
  newGroupTitle: 'Group',
  noteText: 'Note text',
  groupTitle: 'Group title',
  colour: 'Colour',
  color_yellow: 'Yellow',
  color_blue: 'Blue',
  color_green: 'Green',
  color_pink: 'Pink',
  color_purple: 'Purple',
  color_grey: 'Grey',
  ungroup: 'Ungroup',
  minimap: 'Minimap: click or drag to move the view',
  controls: 'Zoom controls',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  lockCanvas: 'Lock or unlock editing',
  nodeHelp: 'Press Enter or Space to select a node; arrow keys move it.',
  edgeHelp: 'Press Enter or Space to select a connection; Delete removes it.',
  portHandle: 'Connection point',
  edgeLabel: 'Connection from {source} ({port}) to {target}',
  editorToolbar: 'Editor',
};

/** A key of the canvas's own strings (sticky notes, groups, minimap and zoom controls). */
export type CanvasMessageKey = keyof typeof EN;

const ZH: Record<CanvasMessageKey, string> = {
  addNote: '添加便签',
  groupSelection: '将所选节点分组',
  groupSelectionHint: '请先选择节点（按住 Shift 点击，或按住 Shift 拖出选框）。',
  newGroupTitle: '分组',
  noteText: '便签内容',
  groupTitle: '分组标题',
  colour: '颜色',
  color_yellow: '黄色',
  color_blue: '蓝色',
  color_green: '绿色',
  color_pink: '粉色',
  color_purple: '紫色',
  color_grey: '灰色',
  ungroup: '取消分组',
  minimap: '小地图：点击或拖动以移动视图',
  controls: '缩放控件',
  zoomIn: '放大',
  zoomOut: '缩小',
  lockCanvas: '锁定或解锁编辑',
  nodeHelp: '按 Enter 或空格键选择节点，方向键可移动节点。',
  edgeHelp: '按 Enter 或空格键选择连线，按 Delete 删除。',
  portHandle: '连接点',
  edgeLabel: '从 {source}（{port}）到 {target} 的连线',
  editorToolbar: '编辑器',
};

const KO: Record<CanvasMessageKey, string> = {
  addNote: '메모 추가',
  groupSelection: '선택 항목 그룹화',
  groupSelectionHint: '먼저 노드를 선택하세요 (Shift 클릭 또는 Shift를 누른 채 드래그).',
  newGroupTitle: '그룹',
  noteText: '메모 내용',
  groupTitle: '그룹 제목',
  colour: '색상',
  color_yellow: '노란색',
  color_blue: '파란색',
  color_green: '초록색',
  color_pink: '분홍색',
  color_purple: '보라색',
  color_grey: '회색',
  ungroup: '그룹 해제',
  minimap: '미니맵: 클릭하거나 드래그하여 화면 이동',
  controls: '확대/축소 도구',
  zoomIn: '확대',
  zoomOut: '축소',
  lockCanvas: '편집 잠금 또는 해제',
  nodeHelp: 'Enter 또는 Space 키로 노드를 선택하고 화살표 키로 이동합니다.',
  edgeHelp: 'Enter 또는 Space 키로 연결선을 선택하고 Delete 키로 삭제합니다.',
  portHandle: '연결 지점',
  edgeLabel: '{source}({port})에서 {target}(으)로 가는 연결선',
  editorToolbar: '편집기',
};

/** The canvas's strings in every UI language. */
export const CANVAS_MESSAGES: Record<UiLanguage, Record<CanvasMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

/** The canvas's strings in the chosen UI language, with `{name}` placeholders filled. */
export function useCanvasT(): (key: CanvasMessageKey, params?: Record<string, string | number>) => string {
  return useMessageTable(CANVAS_MESSAGES);
}
